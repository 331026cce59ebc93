package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.asfplan.infra.privacy.NameCipher;
import se.asfplan.infra.privacy.PersonalDataKeyStore;
import se.asfplan.infra.privacy.PersonalDataKeyStore.Absent;
import se.asfplan.infra.privacy.PersonalDataKeyStore.Active;
import se.asfplan.infra.privacy.PersonalDataKeyStore.Destroyed;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The per-person keys in personal_data_key on PostgreSQL: made once per subject, wrapped under the master key when
 * one is configured (and then unreadable without it or under another), destroyed for good (material overwritten,
 * the row kept so no new key is made), and a subject destroyed before it had a key cannot get one.
 */
class PersonalDataKeyStoreIT extends PostgresApiTest {

    private final String subject = "enterprise:it-keys-" + UUID.randomUUID().toString().substring(0, 8);
    private final byte[] master = NameCipher.newKey();

    private PersonalDataKeyStore store(byte[] masterKey) {
        return new PersonalDataKeyStore(jdbc, masterKey, Clock.systemUTC());
    }

    @Test
    void makesOneKeyWrappedUnderTheMasterKeyAndDestroysItForGood() {
        PersonalDataKeyStore keys = store(master);
        assertThat(keys.state(subject)).isInstanceOf(Absent.class);
        byte[] key = keys.keyFor(subject);
        assertThat(keys.keyFor(subject)).isEqualTo(key);
        assertThat(((Active) keys.state(subject)).key()).isEqualTo(key);

        Map<String, Object> row = jdbc.queryForMap("select * from personal_data_key where subject = ?", subject);
        assertThat(row).containsEntry("wrapped", true).containsEntry("destroyed_at", null);
        assertThat((String) row.get("key_material")).isNotEqualTo(java.util.Base64.getEncoder().encodeToString(key));

        assertThatIllegalStateException().isThrownBy(() -> store(NameCipher.newKey()).state(subject))
                .withMessageContaining("tracker.personal-data.master-key");
        assertThatIllegalStateException().isThrownBy(() -> store(null).state(subject))
                .withMessageContaining("TRACKER_PERSONAL_DATA_MASTER_KEY");

        keys.destroy(subject);
        keys.destroy(subject);
        assertThat(keys.state(subject)).isInstanceOf(Destroyed.class);
        assertThat(keys.destroyedAt(subject)).isPresent();
        assertThat(jdbc.queryForMap("select key_material, destroyed_at from personal_data_key where subject = ?",
                subject)).containsEntry("key_material", null);
        assertThatIllegalStateException().isThrownBy(() -> keys.keyFor(subject)).withMessageContaining("erased");
    }

    @Test
    void keepsAKeyStoredBareReadableOnceAMasterKeyIsSet() {
        byte[] key = store(null).keyFor(subject);
        assertThat(jdbc.queryForObject("select wrapped from personal_data_key where subject = ?", Boolean.class,
                subject)).isFalse();
        assertThat(((Active) store(master).state(subject)).key()).isEqualTo(key);
    }

    @Test
    void aSubjectErasedBeforeItHadAKeyNeverGetsOne() {
        PersonalDataKeyStore keys = store(master);
        keys.destroy(subject);
        assertThat(keys.state(subject)).isInstanceOf(Destroyed.class);
        assertThatIllegalStateException().isThrownBy(() -> keys.keyFor(subject));
    }
}
