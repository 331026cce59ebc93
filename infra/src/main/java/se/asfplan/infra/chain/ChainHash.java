package se.asfplan.infra.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the chain's link function, with links as lowercase hex. */
public final class ChainHash {

    /** The previous link of the first event: 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** SHA-256 of the bytes, as lowercase hex; null for null. */
    public static String sha256(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(digest().digest(bytes));
    }

    /** The link after {@code previousLink}: SHA-256(previous link's 32 bytes || canonical form). */
    public static String link(String previousLink, byte[] canonical) {
        MessageDigest digest = digest();
        digest.update(HEX.parseHex(previousLink));
        digest.update(canonical);
        return HEX.formatHex(digest.digest());
    }

    /** Whether the text is a link: 64 lowercase hex digits. */
    public static boolean isLink(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
