package se.asfplan.web.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open which page, deny by default. People sign in on the Swedish page {@value #SIGN_IN} and keep a session:
 * with a password form against the configured users in the {@code basic} mode, at the organisation's OpenID Connect
 * provider (authorization code flow with PKCE, {@link OidcPageSignIn}) in the {@code oidc} mode. Every form carries a
 * CSRF token (Thymeleaf adds it to each {@code th:action} form). The roles are those of the API:
 * <table>
 *   <caption>Page matrix</caption>
 *   <tr><th></th><th>COORDINATOR</th><th>AUDITOR</th><th>COMMITTEE</th><th>not signed in</th></tr>
 *   <tr><td>start page, plans, goal dashboard, reports, statistics, parties, the ASF register's list</td>
 *       <td>yes</td><td>yes</td><td>yes</td><td>to sign-in</td></tr>
 *   <tr><td>an enterprise's page, procurements, meetings, history ({@code /granskning}), operations
 *       ({@code /drift})</td>
 *       <td>yes</td><td>yes</td><td>403</td><td>to sign-in</td></tr>
 *   <tr><td>starting a recomputation of the read models (POST {@code /granskning/omrakning})</td><td>yes</td>
 *       <td>yes</td><td>403</td><td>to sign-in</td></tr>
 *   <tr><td>starting a verification of the log ({@code POST /granskning/logg/kontroll})</td><td>yes</td><td>yes</td>
 *       <td>403</td><td>to sign-in</td></tr>
 *   <tr><td>forms ({@code /formular/**}), GET and POST</td><td>yes</td><td>403</td><td>403</td><td>to sign-in</td></tr>
 *   <tr><td>sign-in, accessibility statement, styles, scripts, error page</td><td colspan="4">open</td></tr>
 *   <tr><td>anything else</td><td>403</td><td>403</td><td>403</td><td>to sign-in</td></tr>
 * </table>
 * The pages send a content security policy that allows only the service's own scripts, styles and images: no
 * inline script or style, so a text recorded by someone else can never run in a reader's browser.
 */
final class PageSecurity {

    static final String SIGN_IN = "/logga-in";
    static final String SIGN_OUT = "/logga-ut";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private PageSecurity() {
    }

    static HttpSecurity configure(HttpSecurity http, TrackerSecurityProperties properties) throws Exception {
        http.authorizeHttpRequests(PageSecurity::pageMatrix)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl(SIGN_IN + "?utloggad"));
        if (properties.mode() == TrackerSecurityProperties.Mode.OIDC) {
            OidcPageSignIn.of(properties.oidc()).configure(http);
        } else {
            http.formLogin(form -> form.loginPage(SIGN_IN).failureUrl(SIGN_IN + "?fel").defaultSuccessUrl("/"));
        }
        return http;
    }

    static void pageMatrix(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        String coordinator = Role.COORDINATOR.name();
        String auditor = Role.AUDITOR.name();
        String committee = Role.COMMITTEE.name();
        requests
                .requestMatchers(SIGN_IN, "/tillganglighet", "/error", "/favicon.ico").permitAll()
                .requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/fonts/**", "/webjars/**").permitAll()
                .requestMatchers("/formular", "/formular/**").hasRole(coordinator)
                // starting a verification of the log's hash chain records nothing: coordinators and auditors
                .requestMatchers(HttpMethod.POST, "/granskning/logg/kontroll").hasAnyRole(coordinator, auditor)
                .requestMatchers(HttpMethod.GET, "/foretag").hasAnyRole(coordinator, auditor, committee)
                .requestMatchers(HttpMethod.POST, "/granskning/omrakning").hasAnyRole(coordinator, auditor)
                .requestMatchers(HttpMethod.GET, "/foretag/**", "/upphandlingar", "/upphandlingar/**", "/moten",
                        "/moten/**", "/granskning", "/granskning/**", "/drift", "/drift/**").hasAnyRole(coordinator, auditor)
                .requestMatchers(HttpMethod.GET, "/", "/planer", "/planer/**", "/statistik", "/statistik/**",
                        "/parter", "/parter/**").hasAnyRole(coordinator, auditor, committee)
                .anyRequest().denyAll();
    }
}
