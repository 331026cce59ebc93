package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import se.asfplan.web.security.TrackerSecurityProperties.Oidc;

/** What a bearer token must be to be accepted, and what it grants. */
class OidcTokensTest {

    private static final TestTokens TOKENS = new TestTokens();
    private static final Map<Role, List<String>> MAPPING = Map.of(Role.COORDINATOR, List.of("asf-samordnare"),
            Role.AUDITOR, List.of("asf-revisor", "internrevision"), Role.COMMITTEE, List.of("asf-namnd"));

    @TempDir
    Path directory;

    private JwtDecoder decoder() {
        return OidcTokens.decoder(new Oidc(TestTokens.ISSUER, TestTokens.AUDIENCE, null,
                "file:" + TOKENS.publicKeyPem(directory), null, null, null, null, "asf-webb", null, null, null));
    }

    @Test
    void acceptsATokenOfTheIssuerForTheAudienceSignedWithItsKey() {
        Jwt jwt = decoder().decode(TOKENS.valid("anna", "asf-samordnare"));
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("anna");
    }

    @Test
    void refusesWrongIssuerWrongAudienceExpiryForgeriesAndUnsignedTokens() {
        JwtDecoder decoder = decoder();
        Map<String, String> refused = Map.of(
                "wrong issuer", TOKENS.signed(c -> c.issuer("https://evil.example/realms/asf")),
                "wrong audience", TOKENS.signed(c -> c.audience("another-service")),
                "expired", TOKENS.signed(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                "no expiry", TOKENS.signed(c -> c.expirationTime(null)),
                "not yet valid", TOKENS.signed(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))),
                "forged signature", TOKENS.forged(c -> { }),
                "alg=none", TOKENS.unsigned(c -> { }),
                "HS256 with the public key", TOKENS.macWithPublicKey(c -> { }),
                "garbage", "not.a.token");
        refused.forEach((what, token) -> assertThatThrownBy(() -> decoder.decode(token)).as(what)
                .isInstanceOf(BadJwtException.class));
    }

    @Test
    void refusesToStartWithoutIssuerAudienceOrExactlyOneKeySource() {
        assertThatThrownBy(() -> OidcTokens.decoder(new Oidc(null, " ", null, null, null, null, null, null,
                null, null, null, null)))
                .isInstanceOf(UnsafeSecurityConfigurationException.class)
                .hasMessageContaining("tracker.security.oidc.issuer (TRACKER_SECURITY_OIDC_ISSUER)")
                .hasMessageContaining("tracker.security.oidc.audience (TRACKER_SECURITY_OIDC_AUDIENCE)")
                .hasMessageContaining("exactly one of tracker.security.oidc.jwk-set-uri")
                .hasMessageContaining("tracker.security.oidc.client-id (TRACKER_SECURITY_OIDC_CLIENT_ID)");
        assertThatThrownBy(() -> OidcTokens.decoder(new Oidc(TestTokens.ISSUER, TestTokens.AUDIENCE,
                "http://127.0.0.1:1/jwks", "file:" + TOKENS.publicKeyPem(directory), null, null, null, null, "asf-webb", null, null, null)))
                .isInstanceOf(UnsafeSecurityConfigurationException.class).hasMessageContaining("exactly one of");
        for (String algorithm : List.of("none", "HS256")) {
            assertThatThrownBy(() -> OidcTokens.decoder(new Oidc(TestTokens.ISSUER, TestTokens.AUDIENCE,
                    "http://127.0.0.1:1/jwks", null, List.of(algorithm), null, null, null, "asf-webb", null, null, null)))
                    .isInstanceOf(UnsafeSecurityConfigurationException.class)
                    .hasMessageContaining("no asymmetric JWS algorithm");
        }
        assertThatThrownBy(() -> OidcTokens.decoder(new Oidc(TestTokens.ISSUER, TestTokens.AUDIENCE, null,
                "file:" + directory.resolve("missing.pem"), null, null, null, null, "asf-webb", null, null, null)))
                .isInstanceOf(UnsafeSecurityConfigurationException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void grantsTheRolesThatTheClaimValuesMapToAndNothingForOthers() {
        var nested = new OidcTokens.RolesAndName(oidc("realm_access.roles", null));
        assertThat(nested.roles(jwt(Map.of("realm_access", Map.of("roles", List.of("asf-revisor", "asf-namnd",
                "offline_access")))))).containsExactlyInAnyOrder(Role.AUDITOR, Role.COMMITTEE);
        assertThat(nested.roles(jwt(Map.of("realm_access", Map.of("roles", List.of("offline_access")))))).isEmpty();
        assertThat(nested.roles(jwt(Map.of("roles", List.of("asf-samordnare"))))).isEmpty();

        var groups = new OidcTokens.RolesAndName(oidc("groups", null));
        assertThat(groups.roles(jwt(Map.of("groups", "internrevision")))).containsExactly(Role.AUDITOR);
        assertThat(groups.roles(jwt(Map.of("groups", List.of("ASF-SAMORDNARE"))))).as("values match exactly")
                .isEmpty();

        // a namespaced claim whose name holds dots is read as it stands
        var namespaced = new OidcTokens.RolesAndName(oidc("https://asf.example/roles", null));
        assertThat(namespaced.roles(jwt(Map.of("https://asf.example/roles", List.of("asf-samordnare")))))
                .containsExactly(Role.COORDINATOR);

        var token = new OidcTokens.RolesAndName(oidc("groups", null))
                .convert(jwt(Map.of("groups", List.of("asf-samordnare"), "preferred_username", "anna")));
        assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_COORDINATOR");
        assertThat(token.getName()).isEqualTo("anna");
    }

    @Test
    void namesTheUserByTheConfiguredClaimOrElseSubAndNeverByAPersonalIdentityNumber() {
        var byDefault = new OidcTokens.RolesAndName(oidc("roles", null));
        assertThat(byDefault.userName(jwt(Map.of("preferred_username", " anna.s ")))).isEqualTo("anna.s");
        assertThat(byDefault.userName(jwt(Map.of()))).isEqualTo("3f6c2a9e-user");
        assertThat(byDefault.userName(jwt(Map.of("preferred_username", "")))).isEqualTo("3f6c2a9e-user");

        var byEmail = new OidcTokens.RolesAndName(oidc("roles", "email"));
        assertThat(byEmail.userName(jwt(Map.of("email", "anna@kommun.example", "preferred_username", "anna"))))
                .isEqualTo("anna@kommun.example");

        assertThatThrownBy(() -> byDefault.userName(jwt(Map.of("preferred_username", "19811218-9876"))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("claim 'preferred_username'")
                .hasMessageContaining("personal identity or coordination number")
                .hasMessageNotContaining("9876");
        assertThatThrownBy(() -> byDefault.userName(Jwt.withTokenValue("t").header("alg", "RS256")
                .subject("198112189876").build()))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("claim 'sub'");
        assertThatThrownBy(() -> byDefault.userName(Jwt.withTokenValue("t").header("alg", "RS256")
                .claim("iss", TestTokens.ISSUER).build()))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("names no user");
    }

    private static Oidc oidc(String rolesClaim, String userNameClaim) {
        return new Oidc(TestTokens.ISSUER, TestTokens.AUDIENCE, null, null, null, rolesClaim, MAPPING, userNameClaim,
                "asf-webb", null, null, null);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("3f6c2a9e-user");
        claims.forEach(builder::claim);
        return builder.build();
    }
}
