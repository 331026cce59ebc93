package se.asfplan.infra.chain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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
 */
public class SigningKeys {

    /** The profiles in which a generated key kept in the database is accepted. */
    static final Profiles GENERATED_KEY_ALLOWED = Profiles.of("local | test");

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final JdbcTemplate jdbc;
    private volatile CheckpointSigner signer;

    /**
     * @throws IllegalStateException when no key is configured outside 'local' and 'test', or only half of one, or
     *                               one that is not an Ed25519 key pair
     */
    public SigningKeys(String privateKey, String publicKey, Environment environment, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    private CheckpointSigner storedOrGenerated() {
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
