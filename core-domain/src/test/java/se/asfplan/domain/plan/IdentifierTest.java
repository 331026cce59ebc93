package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.asfplan.domain.shared.Identifier;

/** Typed identifiers: readable lowercase slugs whose string form is the raw value, as Axon routes by it. */
class IdentifierTest {

    static Stream<Named<Function<String, Identifier>>> identifierTypes() {
        return Stream.of(
                Named.of("plan id", PlanId::new),
                Named.of("area id", AreaId::new),
                Named.of("activity id", ActivityId::new),
                Named.of("goal id", GoalId::new));
    }

    @ParameterizedTest(name = "a {0} prints as its raw value")
    @MethodSource("identifierTypes")
    void printsAsItsRawValue(Function<String, Identifier> identifier) {
        Identifier id = identifier.apply("stockholm-asf-2021");
        assertThat(id.value()).isEqualTo("stockholm-asf-2021");
        assertThat(id).hasToString("stockholm-asf-2021");
    }

    @ParameterizedTest(name = "a {0} of two characters is accepted")
    @MethodSource("identifierTypes")
    void acceptsTwoCharacters(Function<String, Identifier> identifier) {
        assertThat(identifier.apply("a1").value()).isEqualTo("a1");
    }

    @ParameterizedTest(name = "a {0} of 63 characters is accepted")
    @MethodSource("identifierTypes")
    void acceptsSixtyThreeCharacters(Function<String, Identifier> identifier) {
        String longest = "a".repeat(63);
        assertThat(identifier.apply(longest).value()).isEqualTo(longest);
    }

    @Test
    void refusesASingleCharacter() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PlanId("a"))
                .withMessage("plan id must be 2-63 characters a-z, 0-9 or '-', starting with a letter or digit,"
                        + " but was 'a'");
    }

    @Test
    void refusesSixtyFourCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AreaId("a".repeat(64)))
                .withMessageStartingWith("area id must be 2-63 characters");
    }

    @Test
    void refusesUppercase() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ActivityId("Kartlagg-asf"))
                .withMessageEndingWith("but was 'Kartlagg-asf'")
                .withMessageStartingWith("activity id must be");
    }

    @Test
    void refusesAMissingValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GoalId(null))
                .withMessageStartingWith("goal id must be")
                .withMessageEndingWith("but was null");
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"-natverkande", "nätverkande", "natverk ande", "natverk_ande", "natverk.ande", ""})
    void refusesAnythingButLowercaseLettersDigitsAndInnerHyphens(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new AreaId(value))
                .withMessageStartingWith("area id must be 2-63 characters a-z, 0-9 or '-'");
    }

    @Test
    void acceptsDigitsAndHyphens() {
        assertThat(new GoalId("2023-reserved-procurements").value()).isEqualTo("2023-reserved-procurements");
    }

    @Test
    void equalsAnotherIdentifierOfTheSameTypeAndValue() {
        assertThat(new PlanId("stockholm-asf-2021")).isEqualTo(new PlanId("stockholm-asf-2021"))
                .isNotEqualTo(new PlanId("goteborg-asf-2021"));
    }
}
