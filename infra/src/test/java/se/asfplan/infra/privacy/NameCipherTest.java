package se.asfplan.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class NameCipherTest {

    private final byte[] key = NameCipher.newKey();

    @Test
    void decryptsWhatItEncryptedUnderTheSameKeyAndSubject() {
        String sealed = NameCipher.encrypt(key, "enterprise:anna", "Anna Svenssons Hårsalong");
        assertThat(sealed).doesNotContain("Anna");
        assertThat(NameCipher.decrypt(key, "enterprise:anna", sealed)).isEqualTo("Anna Svenssons Hårsalong");
    }

    @Test
    void encryptsTheSameNameDifferentlyEachTime() {
        assertThat(NameCipher.encrypt(key, "enterprise:anna", "Anna"))
                .isNotEqualTo(NameCipher.encrypt(key, "enterprise:anna", "Anna"));
    }

    @Test
    void refusesAnotherKeyAnotherSubjectOrAChangedCiphertext() {
        String sealed = NameCipher.encrypt(key, "enterprise:anna", "Anna");
        assertThatIllegalStateException().isThrownBy(() -> NameCipher.decrypt(NameCipher.newKey(), "enterprise:anna",
                sealed));
        assertThatIllegalStateException().isThrownBy(() -> NameCipher.decrypt(key, "enterprise:bertil", sealed))
                .withMessageContaining("enterprise:bertil");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        assertThatIllegalStateException().isThrownBy(() -> NameCipher.decrypt(key, "enterprise:anna",
                Base64.getEncoder().encodeToString(bytes)));
        assertThatIllegalStateException().isThrownBy(() -> NameCipher.decrypt(key, "enterprise:anna", "AAAA"))
                .withMessageContaining("too short");
    }

    @Test
    void makesRandom256BitKeys() {
        assertThat(NameCipher.newKey()).hasSize(32).isNotEqualTo(NameCipher.newKey());
    }
}
