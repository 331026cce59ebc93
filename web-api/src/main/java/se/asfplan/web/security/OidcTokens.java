package se.asfplan.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import se.asfplan.domain.shared.Values;
import se.asfplan.web.security.TrackerSecurityProperties.Oidc;

/**
 * Bearer tokens of the {@code oidc} mode: how they are verified ({@link #decoder}) and what they grant
 * ({@link RolesAndName}).
 */
final class OidcTokens {

    private OidcTokens() {
    }

    /**
     * A decoder that accepts only tokens signed with the provider's keys by one of the configured algorithms (never
     * {@code alg=none}), issued by the configured issuer for the configured audience, with an expiry that has not
     * passed (60 s clock skew). Refuses to start without issuer, audience or keys.
     */
    static JwtDecoder decoder(Oidc oidc) {
        requireSettings(oidc);
        List<SignatureAlgorithm> algorithms = oidc.jwsAlgorithms().stream().map(OidcTokens::algorithm).toList();
        NimbusJwtDecoder decoder;
        if (oidc.jwkSetUri() != null) {
            NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri());
            algorithms.forEach(builder::jwsAlgorithm);
            decoder = builder.build();
        } else {
            if (algorithms.size() != 1 || !algorithms.get(0).getName().startsWith("RS")) {
                throw new UnsafeSecurityConfigurationException("With tracker.security.oidc.public-key-location the "
                        + "tokens are checked against one RSA key, but tracker.security.oidc.jws-algorithms is "
                        + oidc.jwsAlgorithms() + ".", "Name exactly one of RS256, RS384 or RS512, or use jwk-set-uri.");
            }
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(oidc)).signatureAlgorithm(algorithms.get(0)).build();
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(oidc.issuer()),
                new JwtAudienceValidator(oidc.audience()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull)));
        return decoder;
    }

    /**
     * Refuses to start the {@code oidc} mode without issuer, audience, exactly one key source and the pages' client
     * id (the API checks tokens with the first three, the pages sign in with the issuer and the client id).
     */
    static void requireSettings(Oidc oidc) {
        List<String> missing = new ArrayList<>();
        if (oidc.issuer() == null) {
            missing.add("tracker.security.oidc.issuer (TRACKER_SECURITY_OIDC_ISSUER)");
        }
        if (oidc.audience() == null) {
            missing.add("tracker.security.oidc.audience (TRACKER_SECURITY_OIDC_AUDIENCE)");
        }
        if ((oidc.jwkSetUri() == null) == (oidc.publicKeyLocation() == null)) {
            missing.add("exactly one of tracker.security.oidc.jwk-set-uri (TRACKER_SECURITY_OIDC_JWK_SET_URI) and "
                    + "tracker.security.oidc.public-key-location (TRACKER_SECURITY_OIDC_PUBLIC_KEY_LOCATION)");
        }
        if (oidc.clientId() == null) {
            missing.add("tracker.security.oidc.client-id (TRACKER_SECURITY_OIDC_CLIENT_ID), the web pages' client "
                    + "id at the provider");
        }
        if (!missing.isEmpty()) {
            throw new UnsafeSecurityConfigurationException("tracker.security.mode is oidc, but these settings are "
                    + "missing: " + String.join("; ", missing) + ". Without them a token's issuer, audience or "
                    + "signature could not be checked, or nobody could sign in to the web pages.",
                    "Set them to your OpenID Connect provider's values (see the README, section Configuration).");
        }
    }

    private static SignatureAlgorithm algorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.strip());
        if (algorithm == null) {
            throw new UnsafeSecurityConfigurationException("tracker.security.oidc.jws-algorithms names '" + name
                    + "', which is no asymmetric JWS algorithm.", "Use RS256 (the usual one), RS384, RS512, ES256, "
                    + "ES384, ES512, PS256, PS384 or PS512.");
        }
        return algorithm;
    }

    private static RSAPublicKey publicKey(Oidc oidc) {
        Resource location = new DefaultResourceLoader().getResource(oidc.publicKeyLocation());
        try (InputStream input = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(input);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnsafeSecurityConfigurationException("The RSA public key at tracker.security.oidc."
                    + "public-key-location (" + oidc.publicKeyLocation() + ") cannot be read: " + e.getMessage(),
                    "Point it at a PEM file beginning with '-----BEGIN PUBLIC KEY-----', e.g. file:/etc/asf/idp.pem.");
        }
    }

    /**
     * Grants the roles that the configured claim's values map to, and names the user by the configured claim
     * (falling back to {@code sub}). The name is recorded with every event, so it is screened like every recorded
     * text: a name holding a personal identity number makes the token unusable (401) rather than reach the log.
     * The web pages' sign-in ({@link OidcPageSignIn}) applies the same rules to the ID token's and the user info's
     * claims, so that a person has the same role and is recorded under the same name on the pages as in the API.
     */
    static final class RolesAndName implements Converter<Jwt, AbstractAuthenticationToken> {

        private final Oidc oidc;

        RolesAndName(Oidc oidc) {
            this.oidc = oidc;
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), userName(jwt));
        }

        Set<Role> roles(Jwt jwt) {
            return roles(jwt.getClaims());
        }

        /** The roles that these claims grant. */
        Set<Role> roles(Map<String, Object> claims) {
            Collection<String> values = values(claim(claims, oidc.rolesClaim()));
            Set<Role> roles = new LinkedHashSet<>();
            oidc.roleMapping().forEach((role, granting) -> {
                if (granting.stream().anyMatch(values::contains)) {
                    roles.add(role);
                }
            });
            return roles;
        }

        /** The roles that these claims grant, as Spring Security authorities ({@code ROLE_COORDINATOR}, ...). */
        List<GrantedAuthority> authorities(Map<String, Object> claims) {
            return roles(claims).stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        }

        String userName(Jwt jwt) {
            return userName(jwt.getClaims(), InvalidBearerTokenException::new);
        }

        /**
         * The user these claims name, as it is recorded; a claim set naming nobody, or naming someone by a personal
         * identity number, is refused with the exception {@code refusal} makes of the reason.
         */
        String userName(Map<String, Object> claims, Function<String, ? extends RuntimeException> refusal) {
            Object named = claim(claims, oidc.userNameClaim());
            String claimName = oidc.userNameClaim();
            if (!(named instanceof String text) || text.isBlank()) {
                named = claims.get(JwtClaimNames.SUB);
                claimName = JwtClaimNames.SUB;
            }
            if (!(named instanceof String name) || name.isBlank()) {
                throw refusal.apply("The token names no user: it has neither the claim '"
                        + oidc.userNameClaim() + "' nor 'sub'");
            }
            try {
                return Values.text(name, "The token's user name (claim '" + claimName + "')", 200);
            } catch (IllegalArgumentException e) {
                throw refusal.apply(e.getMessage());
            }
        }

        /** A top-level claim of that exact name, or else the dotted path through nested objects. */
        private static Object claim(Map<String, Object> claims, String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            if (claims.containsKey(name)) {
                return claims.get(name);
            }
            Object current = claims;
            for (String step : name.split("\\.")) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = map.get(step);
            }
            return current;
        }

        private static Collection<String> values(Object claim) {
            if (claim instanceof String single) {
                return List.of(single);
            }
            if (claim instanceof Collection<?> many) {
                return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            }
            return List.of();
        }
    }
}
