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
            "640823 - 3234",                       // spaces around the hyphen
            "640823 -3234", "640823- 3234", "640823  3234", "19640823 - 3234", "640823 + 3234",
            "640823\u00a0-\u00a03234",             // no-break spaces
            "640823\u2009\u20133234",              // thin space and en dash
            "\uff16\uff14\uff10\uff18\uff12\uff13\uff0d\uff13\uff12\uff13\uff14",   // full-width digits and hyphen
            "\uff16\uff14\uff10\uff18\uff12\uff13\uff13\uff12\uff13\uff14",          // full-width digits only
            "\u0666\u0664\u0660\u0668\u0662\u0663-\u0663\u0662\u0663\u0664",   // Arabic-Indic digits
            "\u06f6\u06f4\u06f0\u06f8\u06f2\u06f3\u06f3\u06f2\u06f3\u06f4",    // Eastern Arabic-Indic (Persian) digits
            "\u096c\u096a\u0966\u096e\u0968\u0969-\u0969\u0968\u0969\u096a",   // Devanagari digits
            "64082\uff13-3234",                      // one full-width digit among ASCII ones
            "Deltagare \uff16\uff14\uff10\uff18\uff12\uff13-3234 började"})
    void findsANumberWrittenWithOtherSeparatorsOrDigits(String text) {
        assertThat(PersonalIdentityNumbers.findIn(text)).hasValueSatisfying(
                number -> assertThat(number.replaceAll("[^0-9]", "")).endsWith("6408233234"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\uff15\uff15\uff16\uff10\uff11\uff16-\uff10\uff16\uff18\uff10",   // a full-width organisation number
            "556016 - 0680",                        // an organisation number with spaces
            "640823 - 3235",                        // wrong check digit, spaced
            "640823    3234",                       // too far apart to be one number
            "\u0665\u0665\u0666\u0660\u0661\u0666\u0660\u0666\u0668\u0660"})     // an organisation number in Arabic-Indic digits
    void letsOtherNumbersInOtherFormsPass(String text) {
        assertThat(PersonalIdentityNumbers.findIn(text)).isEmpty();
    }

    @Test
    void screensTheNormalFormOfTheText() {
        assertThat(PersonalIdentityNumbers.screeningForm("\uff16\uff14\u2013\u0663\u2212x")).isEqualTo("64-3-x");
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

    @Test
    void masksEveryNumberInATextReadBack() {
        assertThat(PersonalIdentityNumbers.mask("Deltagare 811218-9876 och 19640823 - 3234 började"))
                .isEqualTo("Deltagare " + PersonalIdentityNumbers.MASK + " och " + PersonalIdentityNumbers.MASK
                        + " började");
        assertThat(PersonalIdentityNumbers.mask("\uff16\uff14\uff10\uff18\uff12\uff13-3234"))
                .isEqualTo(PersonalIdentityNumbers.MASK);
    }

    @Test
    void leavesATextWithoutNumberAsItIs() {
        assertThat(PersonalIdentityNumbers.mask("Org.nr 556016-0680, 12 deltagare, Ｋafé")).isEqualTo(
                "Org.nr 556016-0680, 12 deltagare, Ｋafé");
        assertThat(PersonalIdentityNumbers.mask(null)).isNull();
    }

    @Test
    void skipsTheScreenOnlyForPlainTextsTooShortToHoldANumber() {
        assertThat(PersonalIdentityNumbers.mayHoldNumber("2024-06-30")).isFalse();
        assertThat(PersonalIdentityNumbers.mayHoldNumber("plan-123456789")).isFalse();
        assertThat(PersonalIdentityNumbers.mayHoldNumber("8112189876")).isTrue();
        assertThat(PersonalIdentityNumbers.mayHoldNumber("Möte")).as("not ASCII: screened").isTrue();
        // full-width digits become ASCII ones under NFKC: still found and masked, though no ASCII digit is there
        String fullWidth = "Deltagare \uff18\uff11\uff11\uff12\uff11\uff18-\uff19\uff18\uff17\uff16";
        assertThat(PersonalIdentityNumbers.mask(fullWidth)).isEqualTo("Deltagare " + PersonalIdentityNumbers.MASK);
        assertThat(PersonalIdentityNumbers.findIn(fullWidth)).isPresent();
        assertThat(PersonalIdentityNumbers.mask("811218-9876")).isEqualTo(PersonalIdentityNumbers.MASK);
        assertThat(PersonalIdentityNumbers.mask("9 siffror 1234 5678 9")).isEqualTo("9 siffror 1234 5678 9");
    }
}
