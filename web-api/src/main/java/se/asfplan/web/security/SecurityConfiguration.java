package se.asfplan.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import se.asfplan.web.ops.MetricsScrapeToken;
import se.asfplan.web.security.TrackerSecurityProperties.Mode;

/**
 * Who may do what, deny by default:
 * <table>
 *   <caption>Role matrix</caption>
 *   <tr><th></th><th>COORDINATOR</th><th>AUDITOR</th><th>COMMITTEE</th><th>anonymous</th></tr>
 *   <tr><td>GET /api/plans/**, /api/reports/**, /api/parties/**, /api/enterprises (the list and search),
 *       /api/integrationspakten/levels, /api/goal-measures</td><td>yes</td><td>yes</td><td>yes</td><td>401</td></tr>
 *   <tr><td>any other GET /api/** (one enterprise, meetings, procurements, admin)</td><td>yes</td><td>yes</td>
 *       <td>403</td><td>401</td></tr>
 *   <tr><td>GET /api/history/**, /api/events/** (who recorded what, when)</td><td>yes</td><td>yes</td>
 *       <td>403</td><td>401</td></tr>
 *   <tr><td>POST /api/audit/recomputations (recompute every read model and compare)</td><td>yes</td><td>yes</td>
 *       <td>403</td><td>401</td></tr>
 *   <tr><td>GET /api/log/** (checkpoints, public key, export, verifications); POST /api/log/verifications
 *       (start a verification of the hash chain)</td><td>yes</td><td>yes</td><td>403</td><td>401</td></tr>
 *   <tr><td>any other POST /api/**</td><td>yes</td><td>403</td><td>403</td><td>401</td></tr>
 *   <tr><td>GET /actuator/prometheus (metrics; also the scraper's token, see {@link MetricsScrapeToken})</td>
 *       <td>yes</td><td>yes</td><td>403</td><td>401</td></tr>
 *   <tr><td>any other method on /api/** (PUT, PATCH, DELETE, ...)</td><td>405</td><td>405</td><td>405</td>
 *       <td>401</td></tr>
 *   <tr><td>GET health, info, API description, Swagger UI; /error</td><td colspan="4">open</td></tr>
 *   <tr><td>anything else</td><td>403</td><td>403</td><td>403</td><td>401</td></tr>
 * </table>
 * HEAD follows GET. No API path answers a method other than GET, HEAD, POST and OPTIONS, so a signed-in user sending
 * another gets 405 with {@code Allow} from Spring MVC rather than a 403 that would suggest another role could.
 * Users sign in with HTTP Basic against the configured users ({@code tracker.security.mode=basic}, the default) or
 * with a bearer JWT from the organisation's OpenID Connect provider ({@code tracker.security.mode=oidc}). 401 and 403
 * answer problem details ({@link SecurityProblems}). In both modes an integration may sign in with an API token a
 * coordinator created ({@code Authorization: Bearer asf_...}, {@link ApiTokenFilter}); what each role sees within the
 * paths it may read is {@link ReadPolicy}'s.
 * <p>
 * Two filter chains: {@link #api} for the REST API, its description and the actuator (stateless, no session, no
 * CSRF token), and {@link #pages} for the Swedish web pages (a session after signing in on {@code /logga-in}, CSRF
 * protection on every form; see {@link PageSecurity}). The same roles decide on both.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(TrackerSecurityProperties.class)
public class SecurityConfiguration {

    private static final String MODE = "tracker.security.mode";

    /** The API reads every role may make: defined with what each role sees in them, in {@link ReadPolicy}. */
    static final String[] EVERY_ROLE_READS = ReadPolicy.EVERY_ROLE_READS.toArray(String[]::new);

    /** The paths the stateless API chain answers; every other path is a page. */
    static final String[] API_PATHS = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TrackerSecurityProperties properties,
                            ObjectProvider<JwtDecoder> jwtDecoder, ObjectMapper json,
                            @Value("${tracker.metrics.scrape-token:}") String scrapeToken,
                            SignInThrottle throttle, se.asfplan.infra.token.ApiTokens tokens,
                            java.time.Clock clock) throws Exception {
        SecurityProblems problems = properties.mode() == Mode.OIDC
                ? SecurityProblems.bearer(json) : SecurityProblems.basic(json);
        // API tokens for integrations, in both modes: before the resource server, which skips them
        http.addFilterBefore(new ApiTokenFilter(tokens, problems, clock), BearerTokenAuthenticationFilter.class);
        http.addFilterBefore(new MetricsScrapeToken(scrapeToken), BasicAuthenticationFilter.class);
        http.addFilterBefore(SignInThrottleFilter.api(throttle, json), BasicAuthenticationFilter.class);
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(SecurityConfiguration::roleMatrix)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        if (properties.mode() == Mode.OIDC) {
            org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver jwts =
                    new org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver();
            http.oauth2ResourceServer(server -> server
                    .bearerTokenResolver(request -> ApiTokenFilter.notAnApiToken(request) ? jwts.resolve(request)
                            : null)
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                            filter.setAuthenticationFailureHandler(problems);
                            return filter;
                        }
                    })
                    .jwt(jwt -> jwt
                            .decoder(jwtDecoder.getObject())
                            .jwtAuthenticationConverter(new OidcTokens.RolesAndName(properties.oidc()))));
        } else {
            http.httpBasic(basic -> basic.realmName(SecurityProblems.REALM).authenticationEntryPoint(problems));
        }
        return http.build();
    }

    /**
     * The web pages: a session after signing in on the sign-in page (basic mode) or at the identity provider (oidc
     * mode), see {@link PageSecurity}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, TrackerSecurityProperties properties, SignInThrottle throttle)
            throws Exception {
        http.addFilterBefore(SignInThrottleFilter.page(throttle),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        return PageSecurity.configure(http, properties).build();
    }

    /** The role matrix above; the README's table and {@code EndpointRoleMatrixIT} follow it. */
    static void roleMatrix(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        String coordinator = Role.COORDINATOR.name();
        String auditor = Role.AUDITOR.name();
        String committee = Role.COMMITTEE.name();
        requests
                .requestMatchers(HttpMethod.GET, MetricsScrapeToken.PATH)
                .hasAnyRole(coordinator, auditor, MetricsScrapeToken.ROLE)
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                        "/v3/api-docs.yaml", "/swagger-ui/**").permitAll()
                .requestMatchers("/error").permitAll()
                // the history of every record and the look-up of one event: coordinators and auditors
                .requestMatchers(HttpMethod.GET, "/api/history/**", "/api/events/**").hasAnyRole(coordinator, auditor)
                // verifying the log's hash chain is the auditor's own action (and the coordinator's); it records nothing
                .requestMatchers(HttpMethod.POST, "/api/log/verifications").hasAnyRole(coordinator, auditor)
                .requestMatchers(HttpMethod.GET, EVERY_ROLE_READS).hasAnyRole(coordinator, auditor, committee)
                .requestMatchers(HttpMethod.HEAD, EVERY_ROLE_READS).hasAnyRole(coordinator, auditor, committee)
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(coordinator, auditor)
                .requestMatchers(HttpMethod.HEAD, "/api/**").hasAnyRole(coordinator, auditor)
                // an independent recomputation of every read model: auditors start it as coordinators do
                .requestMatchers(HttpMethod.POST, "/api/audit/recomputations").hasAnyRole(coordinator, auditor)
                .requestMatchers(HttpMethod.POST, "/api/**").hasRole(coordinator)
                // no API path answers another method: let a signed-in user learn so (405 with Allow), not 403
                .requestMatchers("/api/**").authenticated()
                .anyRequest().denyAll();
    }

    /** The configured local users; refuses to start with a default password outside 'local' and 'test'. */
    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "basic", matchIfMissing = true)
    UserDetailsService localUsers(TrackerSecurityProperties properties, Environment environment) {
        return LocalUsers.of(properties.users(), environment);
    }

    /**
     * The local users' password check, remembering a successful BCrypt check for a few minutes so that an API client
     * sending its password with every request does not cost a BCrypt run each time ({@link VerifiedPasswords}).
     */
    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "basic", matchIfMissing = true)
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(org.springframework.security.crypto.factory.PasswordEncoderFactories
                .createDelegatingPasswordEncoder(), java.time.Clock.systemUTC());
    }

    /** Verifies bearer tokens; refuses to start without issuer, audience and keys. */
    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "oidc")
    JwtDecoder jwtDecoder(TrackerSecurityProperties properties) {
        return OidcTokens.decoder(properties.oidc());
    }
}
