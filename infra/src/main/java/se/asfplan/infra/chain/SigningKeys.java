package se.asfplan.infra.chain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key that signs the chain's checkpoints: the one configured ({@code tracker.audit.signing-key}, PKCS#8 base64,
 * with {@code tracker.audit.signing-public-key}, X.509 base64), else, in the profiles {@code local} and {@code test}
 * only, one the service generates and keeps in {@code event_chain_signing_key} (with a warning: whoever can read
 * the database can then sign). In any other profile a missing key stops the service at start, as a default
 * password does.
 * <p>
 * A signing key can be replaced: the public keys of the keys it replaced ({@code tracker.audit.previous-public-keys},
 * comma-separated X.509 base64) keep the checkpoints they signed valid. Without them, those checkpoints are reported
 * as signed with an unknown key. A key kept in the database is trusted for checking only while the service signs
 * with such a key itself: with a configured key, whoever can write the database could otherwise sign.
 */
public class SigningKeys {

    /** The profiles in which a generated key kept in the database is accepted. */
    static final Profiles GENERATED_KEY_ALLOWED = Profiles.of("local | test");

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final JdbcTemplate jdbc;
    private final Map<String, CheckpointSigner> previous = new LinkedHashMap<>();
    private volatile CheckpointSigner signer;
    private volatile boolean generated;

    /**
     * @throws IllegalStateException when no key is configured outside 'local' and 'test', or only half of one, or
     *                               one that is not an Ed25519 key pair
     */
    public SigningKeys(String privateKey, String publicKey, Environment environment, JdbcTemplate jdbc) {
        this(privateKey, publicKey, List.of(), environment, jdbc);
    }

    /**
     * @param previousPublicKeys the public keys of the signing keys this one replaced (X.509 base64)
     * @throws IllegalStateException also when a previous public key is not an Ed25519 public key
     */
    public SigningKeys(String privateKey, String publicKey, List<String> previousPublicKeys, Environment environment,
                       JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        for (int i = 0; i < previousPublicKeys.size(); i++) {
            String key = previousPublicKeys.get(i);
            if (key == null || key.isBlank()) {
                continue;
            }
            try {
                CheckpointSigner retired = CheckpointSigner.verifyingOnly(key);
                previous.put(retired.keyId(), retired);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("TRACKER_AUDIT_PREVIOUS_PUBLIC_KEYS, key " + (i + 1) + ": "
                        + e.getMessage(), e);
            }
        }
        boolean hasPrivate = privateKey != null && !privateKey.isBlank();
        boolean hasPublic = publicKey != null && !publicKey.isBlank();
        if (hasPrivate != hasPublic) {
            throw new IllegalStateException("Give both TRACKER_AUDIT_SIGNING_KEY and TRACKER_AUDIT_SIGNING_PUBLIC_KEY "
                    + "(the checkpoints' Ed25519 key pair), or neither; see docs/auditing.md");
        }
        if (hasPrivate) {
            try {
                signer = CheckpointSigner.of(privateKey, publicKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("TRACKER_AUDIT_SIGNING_KEY / TRACKER_AUDIT_SIGNING_PUBLIC_KEY: "
                        + e.getMessage(), e);
            }
        } else if (!environment.acceptsProfiles(GENERATED_KEY_ALLOWED)) {
            throw new IllegalStateException("No key to sign the event log's checkpoints: set "
                    + "TRACKER_AUDIT_SIGNING_KEY and TRACKER_AUDIT_SIGNING_PUBLIC_KEY (make a pair with "
                    + "'java -jar asf-plan-tracker.jar generate-signing-key'). A key generated and kept in the "
                    + "database is accepted only in the profiles 'local' and 'test' (active profiles: "
                    + Arrays.toString(environment.getActiveProfiles()) + ")");
        }
    }

    /** The signer: the configured key, or the one kept in the database (generated on first use). */
    public CheckpointSigner signer() {
        CheckpointSigner current = signer;
        if (current == null) {
            synchronized (this) {
                if (signer == null) {
                    signer = storedOrGenerated();
                }
                current = signer;
            }
        }
        return current;
    }

    /**
     * Whether the checkpoint's signature is valid under the key it names: the signing key, or one it replaced that
     * this service was told of.
     */
    public boolean isValid(Checkpoint checkpoint) {
        CheckpointSigner current = signer();
        if (current.keyId().equals(checkpoint.keyId())) {
            return current.isValid(checkpoint);
        }
        CheckpointSigner retired = previous().get(checkpoint.keyId());
        return retired != null && retired.isValid(checkpoint);
    }

    /** Whether the key id names the signing key or one it replaced that this service was told of. */
    public boolean knows(String keyId) {
        return signer().keyId().equals(keyId) || previous().containsKey(keyId);
    }

    /**
     * The keys the signing key replaced, by key id: the configured ones, and while the service signs with a key kept
     * in the database, the other keys kept there.
     */
    private Map<String, CheckpointSigner> previous() {
        CheckpointSigner current = signer();
        if (!generated) {
            return Collections.unmodifiableMap(previous);
        }
        Map<String, CheckpointSigner> all = new LinkedHashMap<>(previous);
        stored().stream().filter(key -> !key.keyId().equals(current.keyId()))
                .forEach(key -> all.putIfAbsent(key.keyId(), key));
        return all;
    }

    private CheckpointSigner storedOrGenerated() {
        generated = true;
        List<CheckpointSigner> stored = stored();
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        CheckpointSigner generated = CheckpointSigner.generate();
        try {
            jdbc.update("insert into event_chain_signing_key (key_id, private_key, public_key, created_at) "
                            + "values (?, ?, ?, ?)", generated.keyId(), generated.privateKeyBase64(),
                    generated.publicKeyBase64(), Instant.now().toString());
        } catch (DuplicateKeyException e) {
            // practically impossible (a random key twice); read what is there
        }
        List<CheckpointSigner> now = stored();
        LOG.warn("No TRACKER_AUDIT_SIGNING_KEY is configured: the event log's checkpoints are signed with a key the "
                + "service generated and keeps in the database (key id {}). Acceptable on one's own machine only: "
                + "whoever can read the database can sign with it.", now.get(0).keyId());
        return now.get(0);
    }

    private List<CheckpointSigner> stored() {
        return jdbc.query("select private_key, public_key from event_chain_signing_key order by created_at, key_id",
                (row, n) -> CheckpointSigner.of(row.getString(1), row.getString(2)));
    }
}
