package se.asfplan.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdentityNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"811218-9876", "811218+9876", "8112189876", "19811218-9876", "198112189876",
            "Deltagare 811218-9876 började i mars", "nr:8112189876.", "811278-9873", "19811278-9873",
            "000229-1235", "20000229-1235", "811218 9876", "19811218 9876", "811218\u20139876",
            "811218\u20119876", "811218\u22129876"})
    void findsAPersonalIdentityOrCoordinationNumberInAnyForm(String text) {
        assertThat(PersonalIdentityNumbers.findIn(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "556016-0680",           // an organisation number: month 60 is no month
            "802002-4280",           // an organisation number
            "811218-9875",           // wrong check digit
            "811232-9871",           // no 32nd day
            "010229-1234",           // 29 February 1901 and 2001 never existed
            "18811218-9876",         // a twelve-digit form whose century (18) no living person has
            "KS 2018/0042 § 37",
            "AMN 2019-0540-1.3",
            "08-508 491 45",
            "0850849145",            // a phone number: month 50
            "Beslut 2021-08-31",
            "12 av 20 kända ASF inbjudna"})
    void letsOtherNumbersPass(String text) {
        assertThat(PersonalIdentityNumbers.findIn(text)).isEmpty();
    }

    @Test
    void keepsPersonalIdentityNumbersOutOfIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> Values.slug("811218-9876", "enterprise id"))
                .withMessageStartingWith("enterprise id must not be or contain a personal identity");
        assertThatIllegalArgumentException().isThrownBy(() -> Values.slug("kafe-8112189876", "enterprise id"))
                .withMessageStartingWith("enterprise id must not be or contain a personal identity");
        assertThat(Values.slug("kafe-556016-0680", "enterprise id")).isEqualTo("kafe-556016-0680");
    }

    @Test
    void keepsPersonalIdentityNumbersOutOfEveryRecordedText() {
        assertThatIllegalArgumentException().isThrownBy(() -> Values.text("Möte med 811218-9876", "progress note", 100))
                .withMessageStartingWith("progress note must not contain a personal identity or coordination number")
                .withMessageNotContaining("811218");
        assertThat(Values.text("Avtal med 556016-0680", "progress note", 100)).isEqualTo("Avtal med 556016-0680");
    }
}
