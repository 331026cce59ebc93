package se.asfplan.infra.chain;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hash chain's beans: the checkpoints' signing key, the checkpoints made while the service runs, the verifier
 * and the export. The chain itself is written by the storage engine ({@code SerialisedAppendsEventStorageEngine}).
 */
@Configuration(proxyBeanMethods = false)
public class EventChainConfiguration {

    /**
     * @param previousPublicKeys the public keys of the signing keys the current one replaced, comma-separated, so
     *                           that the checkpoints they signed still verify
     */
    @Bean
    SigningKeys signingKeys(@Value("${tracker.audit.signing-key:}") String signingKey,
                            @Value("${tracker.audit.signing-public-key:}") String signingPublicKey,
                            @Value("${tracker.audit.previous-public-keys:}") String previousPublicKeys,
                            Environment environment, JdbcTemplate jdbc) {
        return new SigningKeys(signingKey, signingPublicKey, Arrays.asList(previousPublicKeys.split(",")),
                environment, jdbc);
    }

    /**
     * @param everyEvents a checkpoint once the head has moved on by this many positions
     * @param interval    and at least this often while the head moves at all
     */
    @Bean
    EventChainCheckpoints eventChainCheckpoints(JdbcTemplate jdbc, SigningKeys keys, Clock clock,
            @Value("${tracker.audit.checkpoint-every-events:10000}") long everyEvents,
            @Value("${tracker.audit.checkpoint-interval:PT10M}") Duration interval) {
        return new EventChainCheckpoints(jdbc, keys, everyEvents, interval, clock);
    }

    @Bean
    EventChainVerifier eventChainVerifier(JdbcTemplate jdbc, SigningKeys keys) {
        return new EventChainVerifier(jdbc, keys);
    }

    @Bean
    ChainVerifications chainVerifications(EventChainVerifier verifier, JdbcTemplate jdbc, Clock clock) {
        return new ChainVerifications(verifier, jdbc, clock);
    }

    @Bean
    EventLogExport eventLogExport(JdbcTemplate jdbc) {
        return new EventLogExport(jdbc);
    }
}
