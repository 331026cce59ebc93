package se.asfplan.infra.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM (256-bit keys, a random 96-bit nonce per encryption, 128-bit tag) for the personal data in the log and
 * for wrapping the per-person keys under the master key. The associated data binds each ciphertext to its subject:
 * a ciphertext copied into another subject's event does not decrypt. A ciphertext is written as Base64 of nonce
 * followed by the encrypted text and tag.
 */
public final class NameCipher {

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private NameCipher() {
    }

    /** A new random 256-bit key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The text encrypted under the key, bound to the associated data. */
    public static String encrypt(byte[] key, String associatedData, String text) {
        return Base64.getEncoder().encodeToString(seal(key, associatedData, text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The text a ciphertext of {@link #encrypt} holds.
     *
     * @throws IllegalStateException when it does not decrypt under this key and associated data (another key, another
     *                               subject, or a changed ciphertext)
     */
    public static String decrypt(byte[] key, String associatedData, String ciphertext) {
        return new String(open(key, associatedData, Base64.getDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
    }

    static byte[] seal(byte[] key, String associatedData, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    static byte[] open(byte[] key, String associatedData, byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalStateException("the ciphertext is too short to hold a nonce and a tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the ciphertext does not decrypt under this key for " + associatedData
                    + " (another key, another subject or a changed ciphertext)", e);
        }
    }
}
