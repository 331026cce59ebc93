package se.asfplan.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OrganisationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"556016-0680", "5560160680", "802002-4280", "212000-0142"})
    void acceptsALegalPersonsNumberWithAValidCheckDigit(String number) {
        assertThat(new OrganisationNumber(number).value()).matches("\\d{6}-\\d{4}");
    }

    @Test
    void normalisesToTheDashedForm() {
        assertThat(new OrganisationNumber("5560160680")).isEqualTo(new OrganisationNumber("556016-0680"));
        assertThat(new OrganisationNumber("5560160680")).hasToString("556016-0680");
    }

    @ParameterizedTest
    @ValueSource(strings = {"556016-0681", "556016-0689", "802002-4281"})
    void refusesAWrongCheckDigit(String number) {
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationNumber(number))
                .withMessageContaining("wrong check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"811218-9876", "121212-1212"})
    void refusesANumberThatReadsAsAPersonalIdentityNumber(String number) {
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationNumber(number))
                .withMessageContaining("reads as a personal identity number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "55601-60680", "556016-068", "556016/0680", "19556016-0680", "abcdef-ghij"})
    void refusesAnythingButTenDigits(String number) {
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationNumber(number))
                .withMessageContaining("organisation number must");
    }

    @Test
    void luhnChecksTheLastDigit() {
        assertThat(Luhn.isValid("5560160680")).isTrue();
        assertThat(Luhn.isValid("5560160681")).isFalse();
        assertThat(Luhn.isValid("")).isFalse();
    }
}
