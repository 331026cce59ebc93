package se.asfplan.infra.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import se.asfplan.domain.shared.PersonalDataKeys;

/**
 * The per-person keys in {@code personal_data_key}, one row per subject (for a sole trader
 * {@code enterprise:<id>}), never in the event table. A key is made the first time a name of its subject is stored,
 * in the same transaction as the event; it is wrapped under the master key when one is configured
 * ({@code tracker.personal-data.master-key}), else stored bare. Destroying a key overwrites its material with
 * {@code null} and records when, in the transaction of the event that records the erasure; the row stays, so that
 * no new key can be made for the subject and every read knows the name was erased rather than never stored.
 */
public class PersonalDataKeyStore implements PersonalDataKeys {

    /** What the store knows about a subject's key. */
    public sealed interface KeyState {
    }

    /** No name of the subject was stored encrypted yet. */
    public record Absent() implements KeyState {
    }

    /** The key names of the subject are encrypted under. */
    public record Active(byte[] key) implements KeyState {
    }

    /** The key was destroyed: the subject's names are erased. */
    public record Destroyed(Instant destroyedAt) implements KeyState {
    }

    private final JdbcTemplate jdbc;
    private final byte[] masterKey;
    private final Clock clock;

    /**
     * @param masterKey the key that wraps every per-person key, or {@code null} to store them bare (erasure works the
     *                  same; a copy of the database then holds the keys beside the ciphertexts)
     */
    public PersonalDataKeyStore(JdbcTemplate jdbc, byte[] masterKey, Clock clock) {
        if (masterKey != null && masterKey.length != NameCipher.KEY_BYTES) {
            throw new IllegalArgumentException("the personal data master key must be " + NameCipher.KEY_BYTES
                    + " bytes (Base64 of 32 random bytes), but has " + masterKey.length);
        }
        this.jdbc = jdbc;
        this.masterKey = masterKey == null ? null : masterKey.clone();
        this.clock = clock;
    }

    /** The state of the subject's key. */
    public KeyState state(String subject) {
        List<KeyState> states = jdbc.query(
                "select key_material, wrapped, destroyed_at from personal_data_key where subject = ?",
                (rs, row) -> {
                    Timestamp destroyedAt = rs.getTimestamp("destroyed_at");
                    if (destroyedAt != null) {
                        return new Destroyed(destroyedAt.toInstant());
                    }
                    return new Active(unwrap(subject, rs.getString("key_material"), rs.getBoolean("wrapped")));
                }, subject);
        return states.isEmpty() ? new Absent() : states.get(0);
    }

    /** When the subject's key was destroyed, if it was. */
    public Optional<Instant> destroyedAt(String subject) {
        return state(subject) instanceof Destroyed destroyed ? Optional.of(destroyed.destroyedAt()) : Optional.empty();
    }

    /**
     * The key to encrypt a name of the subject under, made and stored when the subject has none yet.
     *
     * @throws IllegalStateException when the subject's key was destroyed: nothing of an erased subject is stored again
     */
    public byte[] keyFor(String subject) {
        KeyState state = state(subject);
        if (state instanceof Active active) {
            return active.key();
        }
        if (state instanceof Destroyed destroyed) {
            throw new IllegalStateException("the personal data of " + subject + " was erased on "
                    + destroyed.destroyedAt() + "; no name of it can be stored again");
        }
        byte[] key = NameCipher.newKey();
        jdbc.update("insert into personal_data_key (subject, key_material, wrapped, created_at) values (?, ?, ?, ?)",
                subject, wrap(subject, key), masterKey != null, Timestamp.from(Instant.now(clock)));
        return key;
    }

    @Override
    public void destroy(String subject) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        int destroyed = jdbc.update("update personal_data_key set key_material = null, destroyed_at = ? "
                + "where subject = ? and destroyed_at is null", now, subject);
        if (destroyed == 0 && state(subject) instanceof Absent) {
            jdbc.update("insert into personal_data_key (subject, key_material, wrapped, created_at, destroyed_at) "
                    + "values (?, null, false, ?, ?)", subject, now, now);
        }
    }

    private String wrap(String subject, byte[] key) {
        byte[] stored = masterKey == null ? key : NameCipher.seal(masterKey, wrappingData(subject), key);
        return Base64.getEncoder().encodeToString(stored);
    }

    private byte[] unwrap(String subject, String material, boolean wrapped) {
        byte[] stored = Base64.getDecoder().decode(material);
        if (!wrapped) {
            return stored;
        }
        if (masterKey == null) {
            throw new IllegalStateException("the key of " + subject + " is wrapped under a master key, but none is "
                    + "configured: set tracker.personal-data.master-key (TRACKER_PERSONAL_DATA_MASTER_KEY)");
        }
        try {
            return NameCipher.open(masterKey, wrappingData(subject), stored);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the key of " + subject + " does not unwrap under the configured master "
                    + "key: tracker.personal-data.master-key is not the one it was stored under", e);
        }
    }

    private static String wrappingData(String subject) {
        return "personal-data-key:" + subject;
    }
}
