package se.asfplan.infra.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.asfplan.infra.planfile.PlanFileFixtures.minimalPlanFile;
import static se.asfplan.infra.planfile.PlanFileFixtures.resource;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.DecisionId;
import se.asfplan.domain.plan.DecisionKind;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.DecisionDraft;
import se.asfplan.domain.plan.PlanSection;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.domain.plan.UnderWay;
import se.asfplan.infra.planfile.PlanFileException.Problem;

/**
 * What real plans say beyond areas, activities and goals: the plan's sections, the areas' numbers, single-year
 * timelines, activities under way at the adoption and the decisions besides the adoption. Old files, which say none
 * of it, read as before.
 */
class PlanFileFidelityTest {

    private static final String SECTIONS = """

              - heading: "Syfte"
                text: "Planen ska främja arbetsintegrerande sociala företag."
              - heading: "Omfattning"
                text: "Planen gäller alla nämnder och bolag."
              - heading: "Ansvar"
                text: "Kommunstyrelsen ansvarar för planen."
              - heading: "Uppföljning"
                text: "Planen följs upp årligen."
            """;

    private static final String DECISIONS = """

              - id: forslag-amn
                kind: proposal
                "on": 2021-05-20
                body: "Arbetsmarknadsnämnden"
                reference: "AMN 2021/31"
                paragraph: "§ 44"
                summary: "Nämnden föreslår kommunfullmäktige att anta planen"
              - id: andring-2023
                kind: amendment
                "on": 2023-02-07
                body: "Kommunstyrelsen"
            """;

    private final PlanFileReader reader = new PlanFileReader();

    @Test
    void readsTheSectionsInTheirOrder() {
        AdoptPlanCommand plan = reader.read(minimalPlanFile().with("sections", SECTIONS).stream());

        assertThat(plan.sections()).extracting(PlanSection::heading)
                .containsExactly("Syfte", "Omfattning", "Ansvar", "Uppföljning");
        assertThat(plan.sections().get(1).text()).isEqualTo("Planen gäller alla nämnder och bolag.");
    }

    @Test
    void reportsASectionWithoutTextAtItsPath() {
        String sections = "\n  - heading: \"Syfte\"\n  - heading: \" \"\n    text: \"Text\"\n";

        assertThat(problemsOf(minimalPlanFile().with("sections", sections).stream())).containsExactly(
                new Problem("sections[0].text", "must be given"),
                new Problem("sections[1].heading", "must be given"));
    }

    @Test
    void readsTheAreasNumbersAndRefusesOneUsedTwice() {
        AdoptPlanCommand plan = reader.read(minimalPlanFile()
                .changing("areas", "- id: natverk\n", "- id: natverk\n    number: 3\n").stream());
        assertThat(plan.areas().get(0).number()).isEqualTo(3);

        String twice = PlanFileFixtures.ONE_AREA.replace("- id: natverk\n", "- id: natverk\n    number: 1\n")
                + PlanFileFixtures.ONE_AREA.replace("natverk", "samverkan")
                        .replace("- id: samverkan\n", "- id: samverkan\n    number: 1\n").replaceFirst("^\\n", "");
        assertThat(problemsOf(minimalPlanFile().with("areas", twice).stream()))
                .containsExactly(new Problem("areas[1].number", "area number 1 is used twice"));
        assertThat(problemsOf(minimalPlanFile()
                .changing("areas", "- id: natverk\n", "- id: natverk\n    number: 0\n").stream()))
                .containsExactly(new Problem("areas[0].number", "must be from 1 to 999, but was 0"));
    }

    @Test
    void readsASingleYearTimelineAsThatYearOnly() {
        AdoptPlanCommand plan = reader.read(minimalPlanFile()
                .changing("areas", "timeline: ongoing", "timeline: 2021").stream());

        assertThat(plan.areas().get(0).activities().get(0).timeline()).isEqualTo(Timeline.years(2021, 2021));
    }

    @Test
    void readsAnActivityUnderWaySinceADateOrSinceBeforeThePlan() {
        AdoptPlanCommand since = reader.read(minimalPlanFile()
                .changing("areas", "timeline: ongoing", "timeline: ongoing\n        underWay: {since: 2020-05-01}")
                .stream());
        AdoptPlanCommand before = reader.read(minimalPlanFile()
                .changing("areas", "timeline: ongoing", "timeline: ongoing\n        underWay: {sinceBeforePlan: true}")
                .stream());
        AdoptPlanCommand not = reader.read(minimalPlanFile().stream());

        assertThat(since.areas().get(0).activities().get(0).underWay())
                .isEqualTo(UnderWay.since(LocalDate.of(2020, 5, 1)));
        assertThat(before.areas().get(0).activities().get(0).underWay()).isEqualTo(UnderWay.beforePlan());
        assertThat(not.areas().get(0).activities().get(0).underWay()).isNull();
    }

    @Test
    void refusesAnUnderWayWithNeitherOrBothForms() {
        String path = "areas[0].activities[0].underWay";
        assertThat(problemsOf(minimalPlanFile()
                .changing("areas", "timeline: ongoing", "timeline: ongoing\n        underWay: {}").stream()))
                .containsExactly(new Problem(path,
                        "under way needs either the date it started (since) or sinceBeforePlan: true"));
        assertThat(problemsOf(minimalPlanFile().changing("areas", "timeline: ongoing",
                "timeline: ongoing\n        underWay: {since: 2020-05-01, sinceBeforePlan: true}").stream()))
                .containsExactly(new Problem(path,
                        "under way takes either the date it started (since) or sinceBeforePlan: true, not both"));
        assertThat(problemsOf(minimalPlanFile().changing("areas", "timeline: ongoing",
                "timeline: ongoing\n        underWay: {sinceBeforePlan: false}").stream()))
                .containsExactly(new Problem(path + ".sinceBeforePlan",
                        "must be true when given; leave it out and give 'since' instead"));
        assertThat(problemsOf(minimalPlanFile().changing("areas", "timeline: ongoing",
                "timeline: ongoing\n        underWay: {since: 2020}").stream()))
                .containsExactly(new Problem(path + ".since", "must be a date written YYYY-MM-DD"));
    }

    @Test
    void readsTheDecisionsBesidesTheAdoptionInTheirOrder() {
        AdoptPlanCommand plan = reader.read(minimalPlanFile().with("decisions", DECISIONS).stream());

        assertThat(plan.decisions()).containsExactly(
                new DecisionDraft(new DecisionId("forslag-amn"), DecisionKind.PROPOSAL,
                        new Decision("Arbetsmarknadsnämnden", "AMN 2021/31", "§ 44"), LocalDate.of(2021, 5, 20),
                        "Nämnden föreslår kommunfullmäktige att anta planen"),
                new DecisionDraft(new DecisionId("andring-2023"), DecisionKind.AMENDMENT,
                        Decision.by("Kommunstyrelsen"), LocalDate.of(2023, 2, 7), null));
    }

    @Test
    void reportsEveryProblemOfTheDecisionsWithItsPath() {
        String decisions = """

                  - id: adoption
                    kind: adoption
                    body: " "
                  - id: forslag
                    kind: proposal
                    "on": 2021-05-20
                    body: "Arbetsmarknadsnämnden"
                  - id: forslag
                    kind: approval
                    "on": 2021-09-20
                    body: "Kommunfullmäktige"
                """;

        assertThat(problemsOf(minimalPlanFile().with("decisions", decisions).stream())).containsExactly(
                new Problem("decisions[0].id", "'adoption' is the id of the adoption decision, written under 'adopted'"),
                new Problem("decisions[0].kind", "must be one of [proposal, approval, amendment], but was 'adoption'"
                        + " (the adoption is written under 'adopted')"),
                new Problem("decisions[0].on", "must be given: the date of the decision"),
                new Problem("decisions[0].body", "decision body must not be blank"),
                new Problem("decisions[2].id", "decision id 'forslag' is used twice"));
    }

    @Test
    void readsTheOldPlanFilesAsBeforeWithNoneOfTheNewFields() {
        for (String file : List.of(PlanFileFixtures.STOCKHOLM_PLAN, PlanFileFixtures.EXEMPELKOMMUN_PLAN,
                PlanFileFixtures.ONGOING_PLAN)) {
            AdoptPlanCommand plan = reader.read(resource(file));
            assertThat(plan.sections()).as(file).isEmpty();
            assertThat(plan.decisions()).as(file).isEmpty();
            assertThat(plan.areas()).as(file).allSatisfy(area -> {
                assertThat(area.number()).isNull();
                assertThat(area.activities()).allSatisfy(activity -> assertThat(activity.underWay()).isNull());
            });
        }
    }

    private List<Problem> problemsOf(InputStream file) {
        PlanFileException refusal = catchThrowableOfType(PlanFileException.class, () -> reader.read(file));
        assertThat(refusal).as("the reader's refusal").isNotNull();
        return refusal.problems();
    }
}
