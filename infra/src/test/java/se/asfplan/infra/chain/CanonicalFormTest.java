package se.asfplan.infra.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The canonical form and the link function, against values computed independently (with the Python of
 * docs/auditing.md), and the checkpoints' signatures.
 */
class CanonicalFormTest {

    private static final StoredEvent EVENT = new StoredEvent(42, "e-1", "plan-1", 3, "Plan", "se.x.GoalSetEvent",
            null, "2024-03-31T10:00:00.123Z", "{\"value\":\"Göteborg\"}".getBytes(StandardCharsets.UTF_8),
            "{\"recordedBy\":\"coordinator\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void lengthPrefixedFieldsInTheDocumentedOrderWithMinusOneForNull() {
        assertThat(HexFormat.of().formatHex(EVENT.canonical())).isEqualTo(
                "00000002" + "3432" + "00000003" + "652d31" + "00000006" + "706c616e2d31" + "00000001" + "33"
                        + "00000004" + "506c616e" + "00000011" + "73652e782e476f616c5365744576656e74"
                        + "ffffffff"
                        + "00000018" + "323032342d30332d33315431303a30303a30302e3132335a"
                        + "00000015" + "7b2276616c7565223a2247c3b67465626f7267227d"
                        + "0000001c" + "7b227265636f726465644279223a22636f6f7264696e61746f72227d");
    }

    @Test
    void eachLinkHashesThePreviousLinkAndTheCanonicalForm() {
        String first = ChainHash.link(ChainHash.GENESIS, EVENT.canonical());
        assertThat(first).isEqualTo("e458d3c48f21243b702a75c0a566cd84663c0d84182065d7279a971f974e564b");
        assertThat(ChainHash.link(first, EVENT.canonical()))
                .isEqualTo("c94d699dcc21f8b469e287442ecb8dcf4fd833583708502c5e1b01e09420896e");
    }

    @Test
    void anyChangedFieldChangesTheCanonicalForm() {
        byte[] original = EVENT.canonical();
        StoredEvent otherMetadata = new StoredEvent(42, "e-1", "plan-1", 3, "Plan", "se.x.GoalSetEvent", null,
                "2024-03-31T10:00:00.123Z", EVENT.payload(), "{\"recordedBy\":\"mallory\"}".getBytes());
        StoredEvent emptyRevision = new StoredEvent(42, "e-1", "plan-1", 3, "Plan", "se.x.GoalSetEvent", "",
                "2024-03-31T10:00:00.123Z", EVENT.payload(), EVENT.metaData());
        StoredEvent otherPosition = new StoredEvent(43, "e-1", "plan-1", 3, "Plan", "se.x.GoalSetEvent", null,
                "2024-03-31T10:00:00.123Z", EVENT.payload(), EVENT.metaData());
        assertThat(otherMetadata.canonical()).isNotEqualTo(original);
        assertThat(emptyRevision.canonical()).isNotEqualTo(original); // null and empty differ
        assertThat(otherPosition.canonical()).isNotEqualTo(original);
    }

    @Test
    void aCheckpointVerifiesWithItsKeyOnlyAndNotOnceChanged() {
        CheckpointSigner signer = CheckpointSigner.generate();
        Checkpoint checkpoint = signer.checkpoint(100, "ab".repeat(32), "2026-12-07T18:00:00Z");
        assertThat(checkpoint.signedText()).isEqualTo("asf-plan-tracker event-chain checkpoint v1\nposition=100\n"
                + "head=" + "ab".repeat(32) + "\ncreatedAt=2026-12-07T18:00:00Z\n");
        assertThat(signer.isValid(checkpoint)).isTrue();
        assertThat(signer.isValid(new Checkpoint(101, checkpoint.head(), checkpoint.createdAt(), checkpoint.keyId(),
                checkpoint.signature()))).isFalse();
        assertThat(signer.isValid(new Checkpoint(100, "cd".repeat(32), checkpoint.createdAt(), checkpoint.keyId(),
                checkpoint.signature()))).isFalse();
        CheckpointSigner other = CheckpointSigner.generate();
        assertThat(other.isValid(checkpoint)).isFalse();
        CheckpointSigner reloaded = CheckpointSigner.of(signer.privateKeyBase64(), signer.publicKeyBase64());
        assertThat(reloaded.isValid(checkpoint)).isTrue();
        assertThat(reloaded.keyId()).isEqualTo(signer.keyId());
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefused() {
        CheckpointSigner one = CheckpointSigner.generate();
        CheckpointSigner two = CheckpointSigner.generate();
        assertThatThrownBy(() -> CheckpointSigner.of(one.privateKeyBase64(), two.publicKeyBase64()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> CheckpointSigner.of("not a key", one.publicKeyBase64()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
