package se.asfplan.infra.privacy;

import java.time.Clock;
import java.util.Base64;

import com.fasterxml.jackson.databind.Module;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-person keys, the protection of personal data in stored events, and the Jackson module that applies it.
 * {@code tracker.personal-data.master-key} (Base64 of 32 random bytes) wraps every per-person key; without it the
 * keys are stored bare and a warning is logged at start (erasure works the same; see docs/privacy.md).
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    PersonalDataKeyStore personalDataKeyStore(JdbcTemplate jdbc, Clock clock,
                                              @Value("${tracker.personal-data.master-key:}") String masterKey) {
        return new PersonalDataKeyStore(jdbc, masterKey(masterKey), clock);
    }

    @Bean
    PersonalDataProtection personalDataProtection(PersonalDataKeyStore keys) {
        return new PersonalDataProtection(keys);
    }

    @Bean
    Module personalDataModule(ObjectProvider<PersonalDataProtection> protection) {
        // resolved once, on the first event read (the module is built before the key store's data source is ready);
        // asking the bean factory for it on every event cost a dependency resolution per event and processor
        return new PersonalDataModule(SingletonSupplier.of(protection::getObject));
    }

    static byte[] masterKey(String configured) {
        if (configured == null || configured.isBlank()) {
            LOG.warn("No tracker.personal-data.master-key (TRACKER_PERSONAL_DATA_MASTER_KEY) is configured: the keys "
                    + "of sole traders' names are stored unwrapped in personal_data_key. Erasure works the same, but a "
                    + "copy of the database holds the keys beside the names they encrypt; see docs/privacy.md");
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tracker.personal-data.master-key must be Base64 (of 32 random bytes, e.g."
                    + " from `openssl rand -base64 32`), but is not: " + e.getMessage(), e);
        }
        if (key.length != NameCipher.KEY_BYTES) {
            throw new IllegalStateException("tracker.personal-data.master-key must be Base64 of 32 random bytes (e.g. "
                    + "from `openssl rand -base64 32`), but holds " + key.length + " bytes");
        }
        return key;
    }
}
