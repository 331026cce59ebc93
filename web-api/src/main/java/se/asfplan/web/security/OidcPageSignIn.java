package se.asfplan.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import se.asfplan.web.security.TrackerSecurityProperties.Oidc;

/**
 * The web pages' sign-in in the {@code oidc} mode: the authorization code flow with PKCE at the organisation's
 * OpenID Connect provider, whose endpoints are found by discovery from the configured issuer. The session then
 * holds the person, with the roles and the name that {@link OidcTokens.RolesAndName} reads from the ID token's and
 * the user info's claims: the same rules as for the API's bearer tokens, so a person has the same role on the pages
 * as in the API and is recorded ({@code recordedBy}) under the same name.
 * <ul>
 *   <li>{@value #START} starts the flow (the sign-in page's button links to it);</li>
 *   <li>{@value #RETURN_PATH} is where the provider sends the browser back (the redirect URI to register at the
 *       provider: {@code https://<host>/logga-in/oidc-svar/organisation}).</li>
 * </ul>
 * PKCE (S256) is used for confidential clients too, not only public ones. The provider is asked for its endpoints
 * at the first sign-in, not at start-up, so that the service (and its API) starts while the provider is down; a
 * sign-in attempt then says in Swedish that the organisation's sign-in does not answer.
 */
final class OidcPageSignIn {

    /** The one client registration, the organisation's provider. */
    static final String REGISTRATION_ID = "organisation";
    static final String AUTHORIZATION_BASE = PageSecurity.SIGN_IN + "/oidc";
    /** Where the sign-in page's button leads: the start of the flow. */
    static final String START = AUTHORIZATION_BASE + "/" + REGISTRATION_ID;
    static final String RETURN_PATH = PageSecurity.SIGN_IN + "/oidc-svar/*";
    static final String DEFAULT_REDIRECT_URI = "{baseUrl}" + PageSecurity.SIGN_IN + "/oidc-svar/{registrationId}";

    /** Error code: the provider signed the person in, but no claim value grants a role. */
    static final String NO_ROLE = "asf_no_role";
    /** Error code: the provider's discovery document could not be read. */
    static final String PROVIDER_UNAVAILABLE = "asf_provider_unavailable";
    private static final Set<String> PROVIDER_ANSWER_ERRORS = Set.of(PROVIDER_UNAVAILABLE, "invalid_token_response",
            "invalid_user_info_response");

    private static final Logger log = LoggerFactory.getLogger(OidcPageSignIn.class);

    private final Oidc oidc;
    private final DiscoveredClient client;
    private final OidcTokens.RolesAndName rules;

    private OidcPageSignIn(Oidc oidc) {
        this.oidc = oidc;
        this.client = new DiscoveredClient(oidc);
        this.rules = new OidcTokens.RolesAndName(oidc);
    }

    /** Checks the settings (refusing to start with a clear reason) and prepares the sign-in. */
    static OidcPageSignIn of(Oidc oidc) {
        OidcTokens.requireSettings(oidc);
        requireSafeAddress("tracker.security.oidc.issuer (TRACKER_SECURITY_OIDC_ISSUER)", oidc.issuer(),
                "the pages ask it for the provider's endpoints and send people's browsers there");
        if (oidc.redirectUri() != null && !oidc.redirectUri().startsWith("{baseUrl}")) {
            requireSafeAddress("tracker.security.oidc.redirect-uri (TRACKER_SECURITY_OIDC_REDIRECT_URI)",
                    oidc.redirectUri(), "the provider sends the authorization code there");
        }
        return new OidcPageSignIn(oidc);
    }

    /** An absolute https address, or http on this machine only (a provider for development and tests). */
    private static void requireSafeAddress(String setting, String value, String why) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri == null || uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = Set.of("localhost", "127.0.0.1", "[::1]", "::1").contains(host);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw new UnsafeSecurityConfigurationException(setting + " is '" + value + "', which is no absolute "
                    + "https address; " + why + ", so it must be reached over TLS (plain http only on this machine, "
                    + "for development).", "Set it to the provider's https address as the provider states it, e.g. "
                    + "https://login.kommun.example/realms/asf.");
        }
    }

    /** Adds the sign-in at the provider to the page chain, in place of the password form. */
    void configure(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests =
                new DefaultOAuth2AuthorizationRequestResolver(client, AUTHORIZATION_BASE);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        AuthenticationFailureHandler failure = OidcPageSignIn::failed;
        http.oauth2Login(login -> login
                .loginPage(PageSecurity.SIGN_IN)
                .clientRegistrationRepository(client)
                // the provider's tokens are not needed after sign-in: kept in the session, and gone with it
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                .redirectionEndpoint(endpoint -> endpoint.baseUri(RETURN_PATH))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(userService()))
                .defaultSuccessUrl("/")
                .failureHandler(failure)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <F extends OAuth2AuthorizationRequestRedirectFilter> F postProcess(F filter) {
                        filter.setAuthenticationFailureHandler(failure);
                        return filter;
                    }
                }));
    }

    /** The person the provider signed in, with the API's roles and recorded name; no role, no sign-in. */
    OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            String name = rules.userName(user.getClaims(), reason -> new OAuth2AuthenticationException(
                    new OAuth2Error("invalid_user_name", reason, null), reason));
            List<GrantedAuthority> authorities = rules.authorities(user.getClaims());
            if (authorities.isEmpty()) {
                String reason = "The user '" + name + "' was signed in by the provider, but the claim '"
                        + oidc.rolesClaim() + "' holds no value that tracker.security.oidc.role-mapping maps to a role";
                throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE, reason, null), reason);
            }
            return new PageUser(authorities, user.getIdToken(), user.getUserInfo(), name);
        };
    }

    /** Back to the sign-in page with the reason in Swedish; the log says why in English. */
    static void failed(HttpServletRequest request, HttpServletResponse response,
                               AuthenticationException exception) throws IOException {
        String code = errorCode(exception);
        String reason = code.equals(NO_ROLE) ? "roll" : PROVIDER_ANSWER_ERRORS.contains(code) ? "otillganglig" : "";
        log.warn("Page sign-in through the OpenID Connect provider refused ({}): {}", code, exception.getMessage());
        response.sendRedirect(request.getContextPath() + PageSecurity.SIGN_IN + "?fel"
                + (reason.isEmpty() ? "" : "=" + reason));
    }

    private static String errorCode(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderUnavailableException) {
                return PROVIDER_UNAVAILABLE;
            }
        }
        return exception instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode()
                : exception.getClass().getSimpleName();
    }

    /** The signed-in person: named as the API names a bearer token's user, not by {@code sub}. */
    static final class PageUser extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final String name;

        PageUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
                 String name) {
            super(authorities, idToken, userInfo);
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PageUser user && name.equals(user.name) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + name.hashCode();
        }
    }

    /** The provider's discovery document could not be read: nobody can sign in on the pages for now. */
    static final class ProviderUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ProviderUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The client registration, from the provider's discovery document ({@code <issuer>/.well-known/
     * openid-configuration}), read at the first sign-in and kept; read again at the next attempt if it failed.
     */
    static final class DiscoveredClient implements ClientRegistrationRepository {

        private final Oidc oidc;
        private volatile ClientRegistration registration;

        DiscoveredClient(Oidc oidc) {
            this.oidc = oidc;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration known = registration;
            if (known == null) {
                synchronized (this) {
                    known = registration;
                    if (known == null) {
                        known = discover();
                        registration = known;
                    }
                }
            }
            return known;
        }

        private ClientRegistration discover() {
            ClientRegistration.Builder discovered;
            try {
                discovered = ClientRegistrations.fromOidcIssuerLocation(oidc.issuer());
            } catch (RuntimeException e) {
                String message = "The OpenID Connect provider's discovery document could not be read from "
                        + oidc.issuer() + "/.well-known/openid-configuration: " + e.getMessage();
                log.warn(message);
                throw new ProviderUnavailableException(message, e);
            }
            ClientRegistration built = discovered
                    .registrationId(REGISTRATION_ID)
                    .clientName("Organisationens konto")
                    .clientId(oidc.clientId())
                    .clientSecret(oidc.clientSecret())
                    .clientAuthenticationMethod(oidc.clientSecret() == null ? ClientAuthenticationMethod.NONE
                            : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(oidc.redirectUri() == null ? DEFAULT_REDIRECT_URI : oidc.redirectUri())
                    .scope(oidc.scopes())
                    .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                    .build();
            log.info("Page sign-in through the OpenID Connect provider {} (client '{}', {} client, PKCE S256)",
                    oidc.issuer(), oidc.clientId(), oidc.clientSecret() == null ? "public" : "confidential");
            return built;
        }
    }
}
