package se.asfplan.web.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.env.MockEnvironment;

import se.asfplan.infra.chain.ChainBreak;
import se.asfplan.infra.chain.ChainBreak.Kind;
import se.asfplan.infra.chain.Checkpoint;
import se.asfplan.infra.chain.CheckpointSigner;
import se.asfplan.infra.chain.EventChainCheckpoints;
import se.asfplan.infra.chain.EventChainVerifier;
import se.asfplan.infra.chain.SigningKeys;

/**
 * Replacing the signing key: the checkpoints the old key signed still verify once its public key is given as a
 * previous key, are reported as signed with an unknown key when it is not, and a forged signature under the old key's
 * name is a break either way. On PostgreSQL, in a log of its own ({@link ChainedLog}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningKeyRotationIT {

    private final CheckpointSigner oldKey = CheckpointSigner.generate();
    private final CheckpointSigner newKey = CheckpointSigner.generate();
    private final MockEnvironment production = new MockEnvironment();
    private ChainedLog log;
    private Checkpoint signedByTheOldKey;
    private Checkpoint signedByTheNewKey;

    @BeforeAll
    void aLogWhoseKeyWasReplacedHalfWay() throws Exception {
        production.setActiveProfiles("production");
        log = new ChainedLog("_rotation");
        log.write(500, 50);
        signedByTheOldKey = checkpoints(keys(oldKey)).checkpointIfDue(true).orElseThrow();
        log.write(500, 50);
        signedByTheNewKey = checkpoints(keys(newKey, oldKey.publicKeyBase64())).checkpointIfDue(true).orElseThrow();
        assertThat(signedByTheOldKey.keyId()).isEqualTo(oldKey.keyId());
        assertThat(signedByTheNewKey.keyId()).isEqualTo(newKey.keyId());
    }

    @AfterAll
    void close() {
        log.close();
    }

    @Test
    void theOldKeysCheckpointsVerifyWhenItsPublicKeyIsGivenAsAPreviousKey() {
        EventChainVerifier.Report report = verify(keys(newKey, " " + oldKey.publicKeyBase64() + " "));
        assertThat(report.breaks()).isEmpty();
        assertThat(report.checkpoints()).isEqualTo(2);
        assertThat(report.passed()).isTrue();
    }

    @Test
    void withoutThePreviousKeyTheOldCheckpointIsReportedAsSignedWithAnUnknownKey() {
        List<ChainBreak> breaks = verify(keys(newKey)).breaks();
        assertThat(breaks).singleElement().satisfies(found -> {
            assertThat(found.position()).isEqualTo(signedByTheOldKey.position());
            assertThat(found.kind()).isEqualTo(Kind.CHECKPOINT_SIGNATURE);
            assertThat(found.detail()).contains("does not know", oldKey.keyId(), "TRACKER_AUDIT_PREVIOUS_PUBLIC_KEYS");
        });
    }

    @Test
    void aSignatureForgedUnderThePreviousKeysNameIsABreakEvenWhenThatKeyIsGiven() {
        // an attacker with write access signs a true checkpoint with a key of their own, naming the old key
        long position = signedByTheNewKey.position() - 1;
        String link = log.jdbc.queryForObject("select link from event_chain where global_index = ?", String.class,
                position);
        Checkpoint forged = CheckpointSigner.generate().checkpoint(position, link, "2026-12-08T00:00:00Z");
        log.jdbc.update("insert into event_chain_checkpoint (position, head, created_at, key_id, signature) "
                + "values (?, ?, ?, ?, ?)", forged.position(), forged.head(), forged.createdAt(), oldKey.keyId(),
                forged.signature());
        try {
            assertThat(verify(keys(newKey, oldKey.publicKeyBase64())).breaks())
                    .filteredOn(found -> found.kind() == Kind.CHECKPOINT_SIGNATURE).singleElement()
                    .satisfies(found -> {
                        assertThat(found.position()).isEqualTo(forged.position());
                        assertThat(found.detail()).contains("not valid under the key it names", oldKey.keyId());
                    });
        } finally {
            log.jdbc.execute("alter table event_chain_checkpoint disable trigger user");
            log.jdbc.update("delete from event_chain_checkpoint where position = ?", forged.position());
            log.jdbc.execute("alter table event_chain_checkpoint enable trigger user");
        }
    }

    @Test
    void aPreviousKeyOnlyChecksAndOneThatIsNoKeyStopsTheServiceNamingIt() {
        CheckpointSigner retired = CheckpointSigner.verifyingOnly(oldKey.publicKeyBase64());
        assertThat(retired.keyId()).isEqualTo(oldKey.keyId());
        assertThat(retired.isValid(signedByTheOldKey)).isTrue();
        assertThatThrownBy(() -> retired.checkpoint(1, signedByTheOldKey.head(), "2026-12-08T00:00:00Z"))
                .hasMessageContaining("only checks");
        assertThatThrownBy(() -> keys(newKey, oldKey.publicKeyBase64(), "bm90IGEga2V5"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRACKER_AUDIT_PREVIOUS_PUBLIC_KEYS, key 2");
    }

    private SigningKeys keys(CheckpointSigner signing, String... previous) {
        return new SigningKeys(signing.privateKeyBase64(), signing.publicKeyBase64(), List.of(previous), production,
                log.jdbc);
    }

    private EventChainCheckpoints checkpoints(SigningKeys keys) {
        return new EventChainCheckpoints(log.jdbc, keys, 10_000, Duration.ofMinutes(10), Clock.systemUTC());
    }

    private EventChainVerifier.Report verify(SigningKeys keys) {
        return new EventChainVerifier(log.jdbc, keys).verify(null, EventChainVerifier.Progress.NONE);
    }
}
