package se.asfplan.infra.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * API tokens for integrations, in the table {@code api_token}. A token is {@value #PREFIX} followed by 32 random
 * bytes (256 bits, URL-safe Base64); only the SHA-256 of the whole token is stored, so a copy of the database gives
 * no usable token, and a fast hash suffices because the secret is not guessable (unlike a password). The token is
 * given once, when it is created. Revoking keeps the row with who revoked it and when. The time of last use is
 * written at most once a minute per token, so that a busy integration does not write on every request.
 */
@Component
public class ApiTokens {

    /** What every token begins with: tells an API token from a JWT, and makes a leaked one easy to search for. */
    public static final String PREFIX = "asf_";
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A token as listed: never its secret. */
    public record Token(String tokenId, String name, String role, String createdBy, Instant createdAt,
                        Instant lastUsedAt, Instant revokedAt, String revokedBy) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A token just created, with the secret that is shown this once. */
    public record Created(Token token, String secret) {
    }

    /** Creates a token with the given name and role; the answer holds the secret, which is not kept. */
    public Created create(String name, String role, String createdBy, Instant now) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String tokenId = UUID.randomUUID().toString();
        jdbc.update("insert into api_token (token_id, name, role, token_hash, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", tokenId, name, role, hash(secret), createdBy, Timestamp.from(now));
        return new Created(new Token(tokenId, name, role, createdBy, now, null, null, null), secret);
    }

    /** The active token the secret is, noting its use; empty for an unknown or revoked one. */
    public Optional<Token> use(String secret, Instant now) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        List<Token> found = jdbc.query("select * from api_token where token_hash = ? and revoked_at is null",
                ApiTokens::token, hash(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Token token = found.get(0);
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USE_RESOLUTION))) {
            jdbc.update("update api_token set last_used_at = ? where token_id = ?", Timestamp.from(now),
                    token.tokenId());
        }
        return Optional.of(token);
    }

    /** Every token, newest first. */
    public List<Token> all() {
        return jdbc.query("select * from api_token order by created_at desc, token_id", ApiTokens::token);
    }

    public Optional<Token> find(String tokenId) {
        return jdbc.query("select * from api_token where token_id = ?", ApiTokens::token, tokenId).stream()
                .findFirst();
    }

    /**
     * Revokes the token from now on; a token already revoked stays revoked as it was. Empty when no token has the id.
     */
    public Optional<Token> revoke(String tokenId, String revokedBy, Instant now) {
        jdbc.update("update api_token set revoked_at = ?, revoked_by = ? where token_id = ? and revoked_at is null",
                Timestamp.from(now), revokedBy, tokenId);
        return find(tokenId);
    }

    /** The SHA-256 of the token, in hex: what the table keeps. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Token token(ResultSet rs, int row) throws SQLException {
        return new Token(rs.getString("token_id"), rs.getString("name"), rs.getString("role"),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
