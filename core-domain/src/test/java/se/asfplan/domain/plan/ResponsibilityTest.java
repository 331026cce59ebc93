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

    // ------------------------------------------------------------------------------------- joint and collective

    @Test
    void keepsJointLeadsInTheirOrderWithTheFirstAsLead() {
        Responsibility joint = Responsibility.jointly(List.of("Arbetsmarknadsnämnden", "Socialnämnden"),
                List.of("Stadsdelsnämnderna"));
        assertThat(joint.lead()).isEqualTo("Arbetsmarknadsnämnden");
        assertThat(joint.coLeads()).containsExactly("Socialnämnden");
        assertThat(joint.leads()).containsExactly("Arbetsmarknadsnämnden", "Socialnämnden");
        assertThat(joint.allCommittees()).isFalse();
    }

    @Test
    void keepsALeadNamedTwiceOnceIgnoringCaseAndSpacing() {
        assertThat(Responsibility.jointly(List.of("Socialnämnden", " SOCIALNÄMNDEN", "AMN"), List.of()).leads())
                .containsExactly("Socialnämnden", "AMN");
    }

    @Test
    void dropsAnInvolvedPartyThatIsACoLead() {
        assertThat(Responsibility.jointly(List.of("AMN", "SN"), List.of("sn", "SBR")).involved())
                .containsExactly("SBR");
    }

    @Test
    void equalsTheOneLeadFormWhenThereAreNoCoLeads() {
        assertThat(new Responsibility("SLK", List.of("SBR"), List.of(), false))
                .isEqualTo(new Responsibility("SLK", List.of("SBR"), null, null))
                .isEqualTo(Responsibility.of("SLK", "SBR"));
    }

    @Test
    void readsALeadWrittenAsAllCommitteesAsTheMarker() {
        Responsibility every = Responsibility.of("Samtliga  Nämnder", "Stadsledningskontoret");
        assertThat(every.allCommittees()).isTrue();
        assertThat(every.lead()).isNull();
        assertThat(every.leads()).isEmpty();
        assertThat(every.involved()).containsExactly("Stadsledningskontoret");
        assertThat(every).isEqualTo(new Responsibility(null, List.of("Stadsledningskontoret"), null, true));
    }

    @Test
    void keepsNamedLeadsBesideAllCommittees() {
        Responsibility every = Responsibility.jointly(List.of("samtliga nämnder", "Kommunstyrelsen"), List.of());
        assertThat(every.allCommittees()).isTrue();
        assertThat(every.leads()).containsExactly("Kommunstyrelsen");
        assertThat(every.leadsText()).isEqualTo("Kommunstyrelsen; samtliga nämnder");
    }

    @Test
    void refusesNoLeadWithoutAllCommittees() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Responsibility(null, List.of("SBR"), List.of(), false))
                .withMessage("lead party must not be blank");
    }

    @Test
    void refusesABlankCoLead() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Responsibility("SLK", List.of(), Arrays.asList("AMN", " "), null))
                .withMessage("co-lead party must not be blank");
    }

    @Test
    void refusesMoreThanTenLeads() {
        assertThat(Responsibility.jointly(parties(10), List.of()).leads()).hasSize(10);
        assertThatIllegalArgumentException().isThrownBy(() -> Responsibility.jointly(parties(11), List.of()))
                .withMessage("at most 10 lead parties, but got 11");
    }

    private static List<String> parties(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "Part " + i).toList();
    }
}
