package se.asfplan.infra.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.asfplan.infra.planfile.PlanFileFixtures.ONE_GOAL;
import static se.asfplan.infra.planfile.PlanFileFixtures.minimalPlanFile;
import static se.asfplan.infra.planfile.PlanFileFixtures.replaced;
import static se.asfplan.infra.planfile.PlanFileFixtures.utf8;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.GoalYears;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.RecurringGoalDraft;
import se.asfplan.domain.plan.Target;
import se.asfplan.infra.planfile.PlanFileException.Problem;

/** A goal written once with {@code years} instead of {@code year}: a recurring goal, set for each of its years. */
class RecurringGoalFileTest {

    /** "Every year, more ASF invited to Integrationspakten than the year before", for each year of the plan. */
    private static final String RECURRING = """

              - id: fler-inbjudna
                years: every
                kind: change
                measure: integrationspakten-invitations
                indicator: "Fler ASF inbjudna till Integrationspakten än året innan"
                comparator: at-least
                target: 1
                unit: "st"
                decision: {body: "Kommunstyrelsen", reference: "KS 2021/0012", paragraph: "§ 5"}
            """;

    private final PlanFileReader reader = new PlanFileReader();

    private static String withGoals(String goals) {
        return minimalPlanFile().with("goals", goals).yaml();
    }

    @Test
    void readsAGoalForEveryYearOfThePlanBesideTheYearlyGoals() {
        AdoptPlanCommand plan = reader.read(utf8(withGoals(ONE_GOAL
                + RECURRING.substring(1))));

        assertThat(plan.goals()).extracting(goal -> goal.goalId().value()).containsExactly("natverksmoten-2022");
        assertThat(plan.recurringGoals()).containsExactly(new RecurringGoalDraft(new GoalId("fler-inbjudna"),
                GoalYears.EVERY_YEAR_OF_THE_PLAN, GoalKind.CHANGE,
                "Fler ASF inbjudna till Integrationspakten än året innan", Target.atLeast(1, "st"), null,
                new Decision("Kommunstyrelsen", "KS 2021/0012", "§ 5"), Measure.INTEGRATIONSPAKTEN_INVITATIONS));
    }

    @ParameterizedTest(name = "years: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {from: 2022, to: 2023} | 2022 | 2023
            {from: 2022}           | 2022 |
            {to: 2023}             |      | 2023
            """)
    void readsTheYearsARecurringGoalNames(String years, Integer from, Integer to) {
        AdoptPlanCommand plan = reader.read(utf8(withGoals(replaced(RECURRING, "years: every", "years: " + years))));

        assertThat(plan.recurringGoals()).extracting(RecurringGoalDraft::years).containsExactly(
                new GoalYears(from, to));
    }

    @ParameterizedTest(name = "years: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            each                     | goals[0].years | must be 'every' (each year of the plan), {from: YEAR, to: YEAR}, {from: YEAR} (until the plan ends) or {to: YEAR}
            {}                       | goals[0].years | must be 'every' (each year of the plan), {from: YEAR, to: YEAR}, {from: YEAR} (until the plan ends) or {to: YEAR}
            2022                     | goals[0].years | must be 'every' (each year of the plan), {from: YEAR, to: YEAR}, {from: YEAR} (until the plan ends) or {to: YEAR}
            {from: 2022.5}           | goals[0].years | must be 'every' (each year of the plan), {from: YEAR, to: YEAR}, {from: YEAR} (until the plan ends) or {to: YEAR}
            {from: 2022, until: 2023} | goals[0].years | unknown field(s) [until]; years have only 'from' and 'to'
            {from: 2023, to: 2022}   | goals[0].years | years to 2022 must not be before years from 2023
            """)
    void refusesYearsItCannotRead(String years, String path, String message) {
        String yaml = withGoals(replaced(RECURRING, "years: every", "years: " + years));

        assertThat(problemsOf(yaml)).containsExactly(new Problem(path, message));
    }

    @Test
    void refusesAYearBesideYears() {
        String yaml = withGoals(replaced(RECURRING, "years: every", "years: every\n    year: 2022"));

        assertThat(problemsOf(yaml)).containsExactly(new Problem("goals[0].year", "must not be given beside "
                + "'years': a goal is set for one year (year) or for each of several (years), not both"));
    }

    @Test
    void checksTheRestOfARecurringGoalAsAnyGoal() {
        String yaml = withGoals(replaced(replaced(RECURRING, "kind: change", "kind: percentage"),
                "    target: 1\n", ""));

        assertThat(problemsOf(yaml)).containsExactly(
                new Problem("goals[0].kind",
                        "must be one of [count, share, coverage, milestone, change, manual], but was 'percentage'"),
                new Problem("goals[0].target", "must be given: the target value"));
    }

    private List<Problem> problemsOf(String yaml) {
        PlanFileException refusal = catchThrowableOfType(PlanFileException.class, () -> reader.read(utf8(yaml)));
        assertThat(refusal).as("the reader's refusal").isNotNull();
        return refusal.problems();
    }
}
