package se.asfplan.infra.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Keys are short, visible and free of personal data; fingerprints tell requests apart. */
class IdempotentRequestTest {

    @Test
    void acceptsAUuidAndOtherVisibleAsciiKeys() {
        assertThat(IdempotentRequest.validKey("0b5c1f3e-1c9a-4f43-9a52-3a2b8d1e7c11"))
                .isEqualTo("0b5c1f3e-1c9a-4f43-9a52-3a2b8d1e7c11");
        assertThat(IdempotentRequest.validKey("x".repeat(200))).hasSize(200);
        assertThat(IdempotentRequest.validKey("import/2024-06-15#1")).isNotNull();
    }

    @Test
    void refusesEmptyLongSpacedOrNonAsciiKeys() {
        for (String key : new String[] {null, "", "x".repeat(201), "two words", "nyckel-å", "tab\tkey"}) {
            assertThatThrownBy(() -> IdempotentRequest.validKey(key)).as("%s", key)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Idempotency-Key");
        }
    }

    @Test
    void refusesAKeyHoldingAPersonalIdentityNumber() {
        assertThatThrownBy(() -> IdempotentRequest.validKey("retry-19121212-1212"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("personal identity");
    }

    @Test
    void fingerprintsDifferForDifferentPartsOrBodiesAndAgreeForTheSame() {
        byte[] body = "{\"note\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        String first = IdempotentRequest.fingerprint("POST\n/api/plans/p/revisions", body);

        assertThat(IdempotentRequest.fingerprint("POST\n/api/plans/p/revisions", body.clone())).isEqualTo(first);
        assertThat(IdempotentRequest.fingerprint("POST\n/api/plans/q/revisions", body)).isNotEqualTo(first);
        assertThat(IdempotentRequest.fingerprint("POST\n/api/plans/p/revisions",
                "{\"note\":\"b\"}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(first);
        // the boundary between description and body is part of the input
        assertThat(IdempotentRequest.fingerprint("ab", "c".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(IdempotentRequest.fingerprint("a", "bc".getBytes(StandardCharsets.UTF_8)));
        assertThat(first).hasSize(64);
    }
}
