package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Who carries an activity. */
class ResponsibilityTest {

    @Test
    void keepsTheInvolvedPartiesInTheirOrder() {
        assertThat(Responsibility.of("Stadsledningskontoret", "SBR", "Arbetsmarknadsförvaltningen").involved())
                .containsExactly("SBR", "Arbetsmarknadsförvaltningen");
    }

    @Test
    void removesTheLeadFromTheInvolvedParties() {
        assertThat(Responsibility.of("Stadsledningskontoret", "SBR", "Stadsledningskontoret").involved())
                .containsExactly("SBR");
    }

    @Test
    void removesDuplicateInvolvedParties() {
        assertThat(Responsibility.of("Stadsledningskontoret", "SBR", "Socialförvaltningen", "SBR").involved())
                .containsExactly("SBR", "Socialförvaltningen");
    }

    @Test
    void comparesPartiesAfterTrimming() {
        Responsibility responsibility = Responsibility.of(" Stadsledningskontoret ", "SBR ", " SBR",
                "Stadsledningskontoret ");
        assertThat(responsibility.lead()).isEqualTo("Stadsledningskontoret");
        assertThat(responsibility.involved()).containsExactly("SBR");
    }

    @Test
    void equalsAResponsibilityWithTheSamePartiesAfterCleaning() {
        assertThat(Responsibility.of("SLK", "SBR", "SLK", "SBR")).isEqualTo(Responsibility.of("SLK", "SBR"));
    }

    @Test
    void acceptsNoInvolvedParties() {
        assertThat(new Responsibility("Stadsledningskontoret", null).involved()).isEmpty();
    }

    @Test
    void cannotBeChangedAfterwards() {
        List<String> parties = new ArrayList<>(List.of("SBR"));
        Responsibility responsibility = new Responsibility("SLK", parties);
        parties.add("Socialförvaltningen");
        assertThat(responsibility.involved()).containsExactly("SBR");
    }

    @Test
    void refusesABlankLead() {
        assertThatIllegalArgumentException().isThrownBy(() -> Responsibility.of(" "))
                .withMessage("lead party must not be blank");
    }

    @Test
    void refusesABlankInvolvedParty() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Responsibility("SLK", Arrays.asList("SBR", null)))
                .withMessage("involved party must not be blank");
    }

    @Test
    void refusesAnOverLongPartyName() {
        assertThatIllegalArgumentException().isThrownBy(() -> Responsibility.of("p".repeat(201)))
                .withMessage("lead party must be at most 200 characters, but has 201");
    }

    @Test
    void acceptsThirtyInvolvedParties() {
        assertThat(new Responsibility("SLK", parties(30)).involved()).hasSize(30);
    }

    @Test
    void refusesMoreThanThirtyInvolvedParties() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Responsibility("SLK", parties(31)))
                .withMessage("at most 30 involved parties, but got 31");
    }

    @Test
    void countsThirtyDistinctPartiesWhateverTheDuplicates() {
        List<String> withDuplicates = new ArrayList<>(parties(30));
        withDuplicates.addAll(parties(30));
        withDuplicates.add("SLK");
        assertThat(new Responsibility("SLK", withDuplicates).involved()).hasSize(30);
    }

    private static List<String> parties(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "Part " + i).toList();
    }
}
