package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The formal decision behind a plan, a revision or a goal. */
class DecisionTest {

    @Test
    void keepsBodyReferenceAndParagraphTrimmed() {
        Decision decision = new Decision(" Kommunfullmäktige ", " KS 2020/1234 ", " § 15 ");
        assertThat(decision).isEqualTo(new Decision("Kommunfullmäktige", "KS 2020/1234", "§ 15"));
        assertThat(decision.body()).isEqualTo("Kommunfullmäktige");
        assertThat(decision.reference()).isEqualTo("KS 2020/1234");
        assertThat(decision.paragraph()).isEqualTo("§ 15");
    }

    @Test
    void needsOnlyTheDecidingBody() {
        assertThat(Decision.by("Kommunstyrelsen")).isEqualTo(new Decision("Kommunstyrelsen", null, null));
    }

    @Test
    void treatsABlankReferenceAndParagraphAsUnknown() {
        Decision decision = new Decision("Kommunstyrelsen", " ", "");
        assertThat(decision.reference()).isNull();
        assertThat(decision.paragraph()).isNull();
    }

    @Test
    void refusesAMissingBody() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.by(null))
                .withMessage("decision body must not be blank");
    }

    @Test
    void refusesABlankBody() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.by("  "))
                .withMessage("decision body must not be blank");
    }

    @Test
    void acceptsABodyOfTwoHundredCharacters() {
        assertThat(Decision.by("b".repeat(200)).body()).hasSize(200);
    }

    @Test
    void refusesABodyOverTwoHundredCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.by("b".repeat(201)))
                .withMessage("decision body must be at most 200 characters, but has 201");
    }

    @Test
    void refusesAnOverLongReference() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Decision("KS", "r".repeat(101), null))
                .withMessage("decision reference must be at most 100 characters, but has 101");
    }

    @Test
    void refusesAnOverLongParagraph() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Decision("KS", null, "p".repeat(51)))
                .withMessage("decision paragraph must be at most 50 characters, but has 51");
    }
}
