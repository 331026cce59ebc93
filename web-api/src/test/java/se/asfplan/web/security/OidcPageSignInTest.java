package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

import se.asfplan.web.security.TrackerSecurityProperties.Oidc;

/** The pages' OIDC client: its start-up checks, its discovered registration, and who it signs in. */
class OidcPageSignInTest {

    private static final TestIssuer PROVIDER = new TestIssuer();
    private static final Map<Role, List<String>> MAPPING = Map.of(Role.COORDINATOR, List.of("asf-samordnare"),
            Role.AUDITOR, List.of("asf-revisor", "internrevision"), Role.COMMITTEE, List.of("asf-namnd"));

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    private static Oidc oidc(String issuer, String clientId, String clientSecret, String redirectUri) {
        return new Oidc(issuer, TestTokens.AUDIENCE, "https://idp.test.example/certs", null, null,
                "realm_access.roles", MAPPING, null, clientId, clientSecret, null, redirectUri);
    }

    @Test
    void refusesToStartWithoutClientIdOrWithAPlainHttpProvider() {
        assertThatThrownBy(() -> OidcPageSignIn.of(oidc(TestTokens.ISSUER, null, null, null)))
                .isInstanceOf(UnsafeSecurityConfigurationException.class)
                .hasMessageContaining("tracker.security.mode is oidc, but these settings are missing: "
                        + "tracker.security.oidc.client-id (TRACKER_SECURITY_OIDC_CLIENT_ID)");
        for (String issuer : List.of("http://login.kommun.example/realms/asf", "login.kommun.example/realms/asf",
                "ftp://login.kommun.example")) {
            assertThatThrownBy(() -> OidcPageSignIn.of(oidc(issuer, "asf-webb", null, null))).as(issuer)
                    .isInstanceOf(UnsafeSecurityConfigurationException.class)
                    .hasMessageContaining("tracker.security.oidc.issuer (TRACKER_SECURITY_OIDC_ISSUER) is '" + issuer
                            + "', which is no absolute https address")
                    .satisfies(e -> assertThat(((UnsafeSecurityConfigurationException) e).action())
                            .contains("https://"));
        }
        assertThatThrownBy(() -> OidcPageSignIn.of(oidc(TestTokens.ISSUER, "asf-webb", null,
                "http://asf.kommun.example/logga-in/oidc-svar/organisation")))
                .isInstanceOf(UnsafeSecurityConfigurationException.class)
                .hasMessageContaining("tracker.security.oidc.redirect-uri");
        // https, and plain http on this machine only (a development provider), start
        assertThat(OidcPageSignIn.of(oidc(TestTokens.ISSUER, "asf-webb", null, null))).isNotNull();
        assertThat(OidcPageSignIn.of(oidc("http://localhost:8081/realms/asf", "asf-webb", null,
                "https://asf.kommun.example/logga-in/oidc-svar/organisation"))).isNotNull();
    }

    @Test
    void discoversTheEndpointsFromTheIssuerWithPkceForPublicAndConfidentialClients() {
        var publicClient = new OidcPageSignIn.DiscoveredClient(oidc(PROVIDER.issuer(), "asf-webb", null, null));
        ClientRegistration registration = publicClient.findByRegistrationId(OidcPageSignIn.REGISTRATION_ID);
        assertThat(registration.getProviderDetails().getAuthorizationUri())
                .isEqualTo(PROVIDER.issuer() + "/protocol/openid-connect/auth");
        assertThat(registration.getProviderDetails().getTokenUri())
                .isEqualTo(PROVIDER.issuer() + "/protocol/openid-connect/token");
        assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(PROVIDER.jwkSetUri());
        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(PROVIDER.issuer());
        assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
        assertThat(registration.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
        assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/logga-in/oidc-svar/{registrationId}");
        assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(publicClient.findByRegistrationId(OidcPageSignIn.REGISTRATION_ID)).as("read once, then kept")
                .isSameAs(registration);
        assertThat(publicClient.findByRegistrationId("another")).isNull();

        var confidential = new OidcPageSignIn.DiscoveredClient(oidc(PROVIDER.issuer(), "asf-webb",
                TestIssuer.CLIENT_SECRET, null)).findByRegistrationId(OidcPageSignIn.REGISTRATION_ID);
        assertThat(confidential.getClientAuthenticationMethod())
                .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(confidential.getClientSecret()).isEqualTo(TestIssuer.CLIENT_SECRET);
        assertThat(confidential.getClientSettings().isRequireProofKey()).isTrue();
    }

    @Test
    void aProviderThatDoesNotAnswerMakesNoSignInAndIsAskedAgainNextTime() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var client = new OidcPageSignIn.DiscoveredClient(oidc("http://127.0.0.1:" + closed + "/realms/asf",
                "asf-webb", null, null));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> client.findByRegistrationId(OidcPageSignIn.REGISTRATION_ID))
                    .isInstanceOf(OidcPageSignIn.ProviderUnavailableException.class)
                    .hasMessageContaining("discovery document could not be read from http://127.0.0.1:" + closed);
        }
    }

    @Test
    void failuresLeadBackToTheSignInPageWithTheirReason() throws IOException {
        assertThat(failureTarget(new OAuth2AuthenticationException(new OAuth2Error(OidcPageSignIn.NO_ROLE))))
                .isEqualTo("/logga-in?fel=roll");
        assertThat(failureTarget(new OAuth2AuthenticationException(new OAuth2Error("authorization_request"),
                new OidcPageSignIn.ProviderUnavailableException("down", null)))).isEqualTo("/logga-in?fel=otillganglig");
        assertThat(failureTarget(new OAuth2AuthenticationException(new OAuth2Error("invalid_token_response"))))
                .isEqualTo("/logga-in?fel=otillganglig");
        assertThat(failureTarget(new OAuth2AuthenticationException(new OAuth2Error("authorization_request_not_found"))))
                .isEqualTo("/logga-in?fel");
        assertThat(failureTarget(new BadCredentialsException("no"))).isEqualTo("/logga-in?fel");
    }

    @Test
    void signsInWithTheApisRolesAndRecordedNameForTheSameClaims() {
        Oidc settings = oidc(PROVIDER.issuer(), "asf-webb", null, null);
        var signIn = OidcPageSignIn.of(settings);
        ClientRegistration registration = new OidcPageSignIn.DiscoveredClient(settings)
                .findByRegistrationId(OidcPageSignIn.REGISTRATION_ID);
        Map<String, Object> claims = Map.of("iss", PROVIDER.issuer(), "sub", "sub-rolf",
                "preferred_username", "rolf.revisor", "realm_access", Map.of("roles", List.of("internrevision")));

        OidcUser user = signIn.userService().loadUser(request(registration, claims));

        var api = new OidcTokens.RolesAndName(settings);
        Jwt sameClaims = Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims)).build();
        assertThat(user.getName()).isEqualTo("rolf.revisor").isEqualTo(api.userName(sameClaims));
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_AUDITOR");
        assertThat(api.roles(sameClaims)).containsExactly(Role.AUDITOR);

        // no user-name claim: the subject, as in the API
        assertThat(signIn.userService().loadUser(request(registration, Map.of("iss", PROVIDER.issuer(),
                "sub", "svc-7f3a", "realm_access", Map.of("roles", List.of("asf-namnd"))))).getName())
                .isEqualTo("svc-7f3a");
        // a personal identity number as the name, or no mapped role: no sign-in
        assertThatThrownBy(() -> signIn.userService().loadUser(request(registration, Map.of("iss", PROVIDER.issuer(),
                "sub", "s", "preferred_username", "19811218-9876",
                "realm_access", Map.of("roles", List.of("asf-namnd"))))))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                        .isEqualTo("invalid_user_name"));
        assertThatThrownBy(() -> signIn.userService().loadUser(request(registration, Map.of("iss", PROVIDER.issuer(),
                "sub", "s", "preferred_username", "otto", "realm_access", Map.of("roles", List.of("offline_access"))))))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                        .isEqualTo(OidcPageSignIn.NO_ROLE));
    }

    private static OidcUserRequest request(ClientRegistration registration, Map<String, Object> claims) {
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken("id-token", now, now.plusSeconds(300), claims);
        // no 'profile' scope on the access token: the claims are the ID token's, no user info request
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now,
                now.plusSeconds(300), Set.of("openid"));
        return new OidcUserRequest(registration, accessToken, idToken);
    }

    private static String failureTarget(org.springframework.security.core.AuthenticationException exception)
            throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        OidcPageSignIn.failed(new MockHttpServletRequest(), response, exception);
        return response.getRedirectedUrl();
    }
}
