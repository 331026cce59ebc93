package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A goal's target value, and how an outcome is compared with it. */
class TargetTest {

    private static Target atLeast(String value) {
        return new Target(TargetComparator.AT_LEAST, new BigDecimal(value), "st");
    }

    @Test
    void dropsTrailingZerosSoThatEqualAmountsAreEqualTargets() {
        assertThat(atLeast("3.00").value()).isEqualByComparingTo("3").hasToString("3");
        assertThat(atLeast("3.00")).isEqualTo(Target.atLeast(3, "st"));
    }

    @Test
    void keepsSignificantDecimals() {
        assertThat(atLeast("12.50").value()).hasToString("12.5");
    }

    @Test
    void writesLargeRoundNumbersWithoutExponent() {
        assertThat(atLeast("1E+3").value()).hasToString("1000");
        assertThat(atLeast("1200").value()).hasToString("1200");
    }

    @Test
    void normalisesZero() {
        assertThat(atLeast("0.000").value()).hasToString("0");
    }

    @Test
    void refusesANegativeValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> atLeast("-1"))
                .withMessage("target value must not be negative, but was -1");
    }

    @Test
    void refusesMoreThanFourDecimals() {
        assertThatIllegalArgumentException().isThrownBy(() -> atLeast("0.12345"))
                .withMessage(
                        "target value 0.12345 has too many digits (at most 12 before and 4 after the decimal point)");
    }

    @Test
    void acceptsTrailingZerosBeyondFourDecimalsAsTheValueTheyWrite() {
        assertThat(atLeast("3.00000").value()).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void acceptsFourDecimals() {
        assertThat(atLeast("0.1234").value()).isEqualByComparingTo("0.1234");
    }

    @Test
    void refusesMoreThanTwelveIntegerDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> atLeast("1234567890123"))
                .withMessageContaining("target value 1234567890123 has too many digits");
    }

    @Test
    void acceptsTwelveIntegerDigits() {
        assertThat(atLeast("123456789012").value()).isEqualByComparingTo("123456789012");
    }

    @Test
    void refusesAMissingComparator() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Target(null, BigDecimal.ONE, "st"))
                .withMessage("target comparator must be given");
    }

    @Test
    void refusesAMissingValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Target(TargetComparator.AT_LEAST, null, "st"))
                .withMessage("target value must be given");
    }

    @Test
    void refusesABlankUnit() {
        assertThatIllegalArgumentException().isThrownBy(() -> Target.atLeast(3, " "))
                .withMessage("target unit must not be blank");
    }

    @Test
    void refusesAnOverLongUnit() {
        assertThatIllegalArgumentException().isThrownBy(() -> Target.atLeast(3, "u".repeat(31)))
                .withMessage("target unit must be at most 30 characters, but has 31");
    }

    @Test
    void printsComparatorValueAndUnit() {
        assertThat(new Target(TargetComparator.AT_MOST, new BigDecimal("20.0"), "%")).hasToString("AT_MOST 20 %");
    }

    @Test
    void atLeastIsMetByTheTargetAndAbove() {
        assertThat(TargetComparator.AT_LEAST.isMet(new BigDecimal("2.99"), new BigDecimal("3"))).isFalse();
        assertThat(TargetComparator.AT_LEAST.isMet(new BigDecimal("3.00"), new BigDecimal("3"))).isTrue();
        assertThat(TargetComparator.AT_LEAST.isMet(new BigDecimal("4"), new BigDecimal("3"))).isTrue();
    }

    @Test
    void atMostIsMetByTheTargetAndBelow() {
        assertThat(TargetComparator.AT_MOST.isMet(new BigDecimal("2"), new BigDecimal("3"))).isTrue();
        assertThat(TargetComparator.AT_MOST.isMet(new BigDecimal("3.0"), new BigDecimal("3"))).isTrue();
        assertThat(TargetComparator.AT_MOST.isMet(new BigDecimal("3.01"), new BigDecimal("3"))).isFalse();
    }

    @Test
    void exactlyIsMetOnlyByTheTargetWhateverItsScale() {
        assertThat(TargetComparator.EXACTLY.isMet(new BigDecimal("3.000"), new BigDecimal("3"))).isTrue();
        assertThat(TargetComparator.EXACTLY.isMet(new BigDecimal("2.999"), new BigDecimal("3"))).isFalse();
        assertThat(TargetComparator.EXACTLY.isMet(new BigDecimal("3.001"), new BigDecimal("3"))).isFalse();
    }
}
