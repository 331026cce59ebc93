package se.asfplan.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * An OpenID Connect provider in miniature: an RSA key generated per test run, and tokens signed with it (or, to
 * test refusals, with another key, with a shared secret, or not at all).
 */
final class TestTokens {

    static final String ISSUER = "https://idp.test.example/realms/asf";
    static final String AUDIENCE = "asf-plan-tracker";

    final RSAKey key = generate("provider-key");
    /** Same key id as the provider's, different key: a forged signature. */
    final RSAKey forger = generate("provider-key");

    /** A valid token of user {@code name} whose {@code realm_access.roles} lists the given values. */
    String valid(String name, String... roles) {
        return signed(claims -> claims.claim("preferred_username", name)
                .claim("realm_access", Map.of("roles", List.of(roles))));
    }

    /** A token signed with the provider's key, with the default claims changed by {@code customise}. */
    String signed(Consumer<JWTClaimsSet.Builder> customise) {
        return sign(key, JWSAlgorithm.RS256, customise);
    }

    String forged(Consumer<JWTClaimsSet.Builder> customise) {
        return sign(forger, JWSAlgorithm.RS256, customise);
    }

    /** {@code alg=none}: the claims, unsigned. */
    String unsigned(Consumer<JWTClaimsSet.Builder> customise) {
        return new PlainJWT(claims(customise)).serialize();
    }

    /** HS256 with the provider's public key as the shared secret: the old algorithm-confusion attack. */
    String macWithPublicKey(Consumer<JWTClaimsSet.Builder> customise) {
        try {
            byte[] secret = key.toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(customise));
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's public signing keys as a JWK set document. */
    String jwkSet() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** The provider's public key as a PEM file. */
    Path publicKeyPem(Path directory) {
        try {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            return Files.writeString(directory.resolve("provider.pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, JWSAlgorithm algorithm, Consumer<JWTClaimsSet.Builder> customise) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(),
                    claims(customise));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> customise) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject("3f6c2a9e-user")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        customise.accept(claims);
        return claims.build();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
