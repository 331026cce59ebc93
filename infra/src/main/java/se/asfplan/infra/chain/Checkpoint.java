package se.asfplan.infra.chain;

import java.nio.charset.StandardCharsets;

/**
 * A signed checkpoint: the chain's head (the link at {@code position}) at a moment, signed with the service's
 * Ed25519 key.
 *
 * @param position  the position whose link is the head
 * @param head      the link at that position (64 hex digits)
 * @param createdAt when it was made (ISO-8601 UTC)
 * @param keyId     SHA-256 (hex) of the public key's X.509 encoding
 * @param signature the Ed25519 signature of {@link #signedText()}, base64
 */
public record Checkpoint(long position, String head, String createdAt, String keyId, String signature) {

    /** The text that is signed: these four lines, UTF-8, each ending in a line feed. */
    public String signedText() {
        return signedText(position, head, createdAt);
    }

    static String signedText(long position, String head, String createdAt) {
        return "asf-plan-tracker event-chain checkpoint v1\n" + "position=" + position + "\n" + "head=" + head
                + "\n" + "createdAt=" + createdAt + "\n";
    }

    byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }
}
