package se.asfplan.infra.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

import se.asfplan.domain.shared.PersonalIdentityNumbers;

/**
 * A request that carries an idempotency key: the key, the user who sends it and a fingerprint of what is asked
 * (method, path, body and the headers that change its meaning). A retry is the same key, user and fingerprint.
 *
 * @param key         the client's key: 1 to {@value #MAX_KEY_LENGTH} visible ASCII characters, no personal data
 * @param user        the authenticated login name
 * @param fingerprint the SHA-256 (hex) of the request, see {@link #fingerprint(String, byte[])}
 */
public record IdempotentRequest(String key, String user, String fingerprint) {

    public static final int MAX_KEY_LENGTH = 200;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}");

    public IdempotentRequest {
        key = validKey(key);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * The key as given, when it is 1 to 200 visible ASCII characters (a UUID, say) and holds no personal identity
     * or coordination number: keys are stored for good, and the store keeps no personal data.
     *
     * @throws IllegalArgumentException naming the header otherwise
     */
    public static String validKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters without spaces (a UUID, for instance)");
        }
        if (PersonalIdentityNumbers.findIn(key).isPresent()) {
            throw new IllegalArgumentException("Idempotency-Key must not contain a personal identity or coordination "
                    + "number: it is stored, and the store keeps no personal data; use a random key such as a UUID");
        }
        return key;
    }

    /**
     * The SHA-256 (hex) of the given request parts and body. Each part is length-prefixed, so that no two
     * different requests share the input.
     *
     * @param description the parts that say what is asked (method, path and query, content type, If-Match)
     */
    public static String fingerprint(String description, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] head = description.getBytes(StandardCharsets.UTF_8);
            digest.update((head.length + ":").getBytes(StandardCharsets.UTF_8));
            digest.update(head);
            digest.update((body.length + ":").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
