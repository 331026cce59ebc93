package se.asfplan.web.security;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code tracker.security}: how users sign in ({@link Mode}), the local users of the
 * {@link Mode#BASIC} mode, and the OpenID Connect settings of the {@link Mode#OIDC} mode.
 *
 * @param mode  {@code basic} (default: the configured users, HTTP Basic, and a password form for the pages) or
 *              {@code oidc} (bearer tokens, JWT, for the API; sign-in at the provider for the pages)
 * @param users the local users, each with one role; a password may be given in Spring Security's
 *              {@code {id}encoded} form (e.g. {@code {bcrypt}...}) or in plain text, which is encoded at start
 * @param oidc  the resource-server and page-client settings, used only in the {@code oidc} mode
 */
@ConfigurationProperties("tracker.security")
public record TrackerSecurityProperties(@DefaultValue("basic") Mode mode, List<ConfiguredUser> users,
                                        @DefaultValue Oidc oidc) {

    public TrackerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** How users sign in. */
    public enum Mode {
        /** The configured local users with HTTP Basic: for one's own machine, tests and small installations. */
        BASIC,
        /**
         * The API is an OAuth2 resource server (each request carries a JWT issued by the organisation's OIDC
         * provider); the pages sign in at that provider (authorization code flow with PKCE) and keep a session.
         */
        OIDC
    }

    /** A local user of the {@link Mode#BASIC} mode. */
    public record ConfiguredUser(String name, String password, Role role) {

        /** As the record's, but never with the password in it. */
        @Override
        public String toString() {
            return "ConfiguredUser[name=" + name + ", password=******, role=" + role + "]";
        }
    }

    /**
     * @param issuer            the exact {@code iss} every token must carry
     * @param audience          a value every token's {@code aud} must contain (this service's client id)
     * @param jwkSetUri         where the provider publishes its signing keys (JWK set); or else
     * @param publicKeyLocation a Spring resource location ({@code file:...}, {@code classpath:...}) of the RSA public
     *                          key (PEM, X.509 {@code SubjectPublicKeyInfo}) that the tokens are signed for
     * @param jwsAlgorithms     the accepted signature algorithms (default RS256); never {@code none}
     * @param rolesClaim        the claim that lists the user's roles or groups; a dotted path such as
     *                          {@code realm_access.roles} reaches into nested objects
     * @param roleMapping       for each role, the claim values that grant it; a value that no role lists grants
     *                          nothing, so a token without a mapped value is refused every protected resource (403)
     * @param userNameClaim     the claim whose value is recorded as the user ({@code recordedBy}) of every event;
     *                          a token without it falls back to {@code sub}
     * @param clientId          the web pages' client id at the provider: the pages sign in through the provider
     *                          (authorization code flow with PKCE), its endpoints found by discovery from
     *                          {@code issuer}
     * @param clientSecret      the client's secret for a confidential client ({@code client_secret_basic});
     *                          unset for a public client. PKCE is used either way
     * @param scopes            the scopes asked for at sign-in; {@code openid} is always among them
     * @param redirectUri       where the provider sends the browser back (default
     *                          {@code {baseUrl}/logga-in/oidc-svar/organisation}); set it when a proxy in front of
     *                          the service does not pass on the original host and scheme
     */
    public record Oidc(String issuer, String audience, String jwkSetUri, String publicKeyLocation,
                       @DefaultValue("RS256") List<String> jwsAlgorithms, @DefaultValue("roles") String rolesClaim,
                       Map<Role, List<String>> roleMapping,
                       @DefaultValue("preferred_username") String userNameClaim,
                       String clientId, String clientSecret, @DefaultValue({"openid", "profile"}) List<String> scopes,
                       String redirectUri) {

        public Oidc {
            issuer = blankAsNull(issuer);
            audience = blankAsNull(audience);
            jwkSetUri = blankAsNull(jwkSetUri);
            publicKeyLocation = blankAsNull(publicKeyLocation);
            jwsAlgorithms = jwsAlgorithms == null || jwsAlgorithms.isEmpty() ? List.of("RS256")
                    : List.copyOf(jwsAlgorithms);
            rolesClaim = blankAsNull(rolesClaim) == null ? "roles" : rolesClaim.strip();
            userNameClaim = blankAsNull(userNameClaim) == null ? "preferred_username" : userNameClaim.strip();
            Map<Role, List<String>> mapping = new EnumMap<>(Role.class);
            if (roleMapping != null) {
                roleMapping.forEach((role, values) -> mapping.put(role, values == null ? List.of()
                        : values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList()));
            }
            roleMapping = java.util.Collections.unmodifiableMap(mapping);
            clientId = blankAsNull(clientId);
            clientSecret = blankAsNull(clientSecret);
            java.util.Set<String> asked = new java.util.LinkedHashSet<>();
            asked.add("openid");
            (scopes == null || scopes.isEmpty() ? List.of("profile") : scopes).stream().map(String::strip)
                    .filter(scope -> !scope.isEmpty()).forEach(asked::add);
            scopes = List.copyOf(asked);
            redirectUri = blankAsNull(redirectUri);
        }

        /** As the record's, but never with the client secret in it. */
        @Override
        public String toString() {
            return "Oidc[issuer=" + issuer + ", audience=" + audience + ", jwkSetUri=" + jwkSetUri
                    + ", publicKeyLocation=" + publicKeyLocation + ", jwsAlgorithms=" + jwsAlgorithms + ", rolesClaim="
                    + rolesClaim + ", roleMapping=" + roleMapping + ", userNameClaim=" + userNameClaim + ", clientId="
                    + clientId + ", clientSecret=" + (clientSecret == null ? "unset" : "******") + ", scopes=" + scopes
                    + ", redirectUri=" + redirectUri + "]";
        }

        private static String blankAsNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
