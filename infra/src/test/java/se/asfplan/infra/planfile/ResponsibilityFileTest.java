package se.asfplan.infra.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.asfplan.infra.planfile.PlanFileFixtures.STOCKHOLM_PLAN;
import static se.asfplan.infra.planfile.PlanFileFixtures.minimalPlanFile;
import static se.asfplan.infra.planfile.PlanFileFixtures.resource;
import static se.asfplan.infra.planfile.PlanFileFixtures.utf8;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.infra.planfile.PlanFileException.Problem;

/**
 * Who leads an activity in a plan file: {@code lead} (one party, as before), {@code leads} (one or more, jointly) and
 * {@code allCommittees} ("samtliga nämnder"), which a lead written as "samtliga nämnder" also gives.
 */
class ResponsibilityFileTest {

    private static final String ONE_LEAD = "        lead: \"Näringslivsenheten\"\n";

    private final PlanFileReader reader = new PlanFileReader();

    @Test
    void readsOneLeadAsBefore() {
        assertThat(responsibilityOf(minimalPlanFile().yaml()))
                .isEqualTo(Responsibility.of("Näringslivsenheten"));
    }

    @Test
    void readsJointLeadsInTheirOrder() {
        Responsibility responsibility = responsibilityOf(withLeads("""
                        leads: ["Arbetsmarknadsnämnden", "Socialnämnden"]
                        involved: ["Stadsdelsnämnderna"]
                """));
        assertThat(responsibility.leads()).containsExactly("Arbetsmarknadsnämnden", "Socialnämnden");
        assertThat(responsibility.involved()).containsExactly("Stadsdelsnämnderna");
        assertThat(responsibility.allCommittees()).isFalse();
    }

    @Test
    void readsAllCommitteesWithoutANamedLead() {
        Responsibility responsibility = responsibilityOf(withLeads("""
                        allCommittees: true
                        involved: ["Stadsledningskontoret"]
                """));
        assertThat(responsibility).isEqualTo(new Responsibility(null, List.of("Stadsledningskontoret"), null, true));
    }

    @Test
    void readsALeadWrittenAsSamtligaNamnderAsAllCommittees() {
        assertThat(responsibilityOf(withLeads("        lead: \"Samtliga nämnder\"\n")))
                .isEqualTo(new Responsibility(null, List.of(), null, true));
    }

    @Test
    void readsAllCommitteesBesideNamedLeads() {
        Responsibility responsibility = responsibilityOf(withLeads("""
                        leads: ["Kommunstyrelsen"]
                        allCommittees: true
                """));
        assertThat(responsibility.leads()).containsExactly("Kommunstyrelsen");
        assertThat(responsibility.allCommittees()).isTrue();
    }

    @Test
    void refusesLeadAndLeadsTogether() {
        assertThat(problemsOf(withLeads("""
                        lead: "Kommunstyrelsen"
                        leads: ["Socialnämnden"]
                """))).containsExactly(new Problem("areas[0].activities[0].leads",
                "give either 'lead' (one party) or 'leads' (one or more), not both"));
    }

    @Test
    void refusesNoLeadAtAll() {
        assertThat(problemsOf(withLeads("        leads: []\n"))).containsExactly(
                new Problem("areas[0].activities[0].leads", "lead party must not be blank"));
        assertThat(problemsOf(withLeads("        allCommittees: false\n"))).containsExactly(
                new Problem("areas[0].activities[0].lead", "lead party must not be blank"));
    }

    @Test
    void refusesABlankCoLead() {
        assertThat(problemsOf(withLeads("        leads: [\"Socialnämnden\", \" \"]\n"))).containsExactly(
                new Problem("areas[0].activities[0].leads", "co-lead party must not be blank"));
    }

    @Test
    void refusesMoreThanTenLeads() {
        String leads = IntStream.rangeClosed(1, 11).mapToObj(i -> "\"Nämnd " + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
        assertThat(problemsOf(withLeads("        leads: " + leads + "\n"))).containsExactly(
                new Problem("areas[0].activities[0].leads", "at most 10 lead parties, but got 11"));
    }

    @Test
    void readsTheStockholmPlanWithOneNamedLeadPerActivity() {
        AdoptPlanCommand plan = reader.read(resource(STOCKHOLM_PLAN));
        List<Responsibility> responsibilities = plan.areas().stream().flatMap(area -> area.activities().stream())
                .map(ActivityDraft::responsibility).toList();
        assertThat(responsibilities).hasSize(40).allSatisfy(responsibility -> {
            assertThat(responsibility.leads()).hasSize(1);
            assertThat(responsibility.allCommittees()).isFalse();
        });
    }

    private String withLeads(String responsibility) {
        return minimalPlanFile().changing("areas", ONE_LEAD, responsibility).yaml();
    }

    private Responsibility responsibilityOf(String yaml) {
        return reader.read(utf8(yaml)).areas().get(0).activities().get(0).responsibility();
    }

    private List<Problem> problemsOf(String yaml) {
        PlanFileException refusal = catchThrowableOfType(PlanFileException.class, () -> reader.read(utf8(yaml)));
        assertThat(refusal).as("the reader's refusal").isNotNull();
        return refusal.problems();
    }
}
