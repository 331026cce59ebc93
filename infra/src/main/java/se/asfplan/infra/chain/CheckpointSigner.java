package se.asfplan.infra.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signs and checks checkpoints with an Ed25519 key pair (the JDK's own implementation). The private key is given as
 * PKCS#8 and the public key as X.509 SubjectPublicKeyInfo, both base64 (DER); the pair is checked on creation by
 * signing and verifying a test text, so a public key that does not belong to the private key is refused.
 */
public final class CheckpointSigner {

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = ChainHash.sha256(publicKey.getEncoded());
        if (privateKey == null) {
            return;
        }
        String probe = "asf-plan-tracker key check";
        if (!verify(probe.getBytes(StandardCharsets.UTF_8), sign(probe.getBytes(StandardCharsets.UTF_8)))) {
            throw new IllegalArgumentException("The public key does not belong to the private key");
        }
    }

    /**
     * The signer of a configured key pair.
     *
     * @throws IllegalArgumentException when either is not base64 DER of an Ed25519 key, or they do not belong together
     */
    public static CheckpointSigner of(String privateKeyBase64, String publicKeyBase64) {
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(decode(privateKeyBase64)));
            PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(decode(publicKeyBase64)));
            return new CheckpointSigner(privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 key (PKCS#8 private key and X.509 public key, "
                    + "base64): " + e.getMessage(), e);
        }
    }

    /**
     * A key that only checks: the public key of a retired signing key, so that the checkpoints it signed still verify
     * after the service signs with a new one.
     *
     * @throws IllegalArgumentException when it is not base64 DER of an Ed25519 public key
     */
    public static CheckpointSigner verifyingOnly(String publicKeyBase64) {
        try {
            return new CheckpointSigner(null, KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(decode(publicKeyBase64))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key (X.509, base64): " + e.getMessage(), e);
        }
    }

    /** A signer with a new, random key pair. */
    public static CheckpointSigner generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new CheckpointSigner(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no Ed25519", e);
        }
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("The key is empty");
        }
        return Base64.getMimeDecoder().decode(base64.strip());
    }

    /** The checkpoint of the given head, signed now. */
    public Checkpoint checkpoint(long position, String head, String createdAt) {
        if (privateKey == null) {
            throw new IllegalStateException("key " + keyId + " only checks checkpoints: it has no private key");
        }
        String text = Checkpoint.signedText(position, head, createdAt);
        return new Checkpoint(position, head, createdAt, keyId,
                Base64.getEncoder().encodeToString(sign(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Whether the checkpoint was signed with this key and its signature is valid. */
    public boolean isValid(Checkpoint checkpoint) {
        if (!keyId.equals(checkpoint.keyId())) {
            return false;
        }
        try {
            return verify(checkpoint.signedBytes(), Base64.getDecoder().decode(checkpoint.signature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The private key, PKCS#8 base64 (to keep a generated key, or to configure a new one). */
    public String privateKeyBase64() {
        if (privateKey == null) {
            throw new IllegalStateException("key " + keyId + " only checks checkpoints: it has no private key");
        }
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    /** The public key, X.509 SubjectPublicKeyInfo, base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The public key as a PEM file ("-----BEGIN PUBLIC KEY-----"), as OpenSSL reads it. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private byte[] sign(byte[] text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(text);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private boolean verify(byte[] text, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(text);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
