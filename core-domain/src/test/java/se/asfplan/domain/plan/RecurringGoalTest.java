package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.asfplan.domain.plan.PlanFixtures.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanCommands.RecurringGoalDraft;
import se.asfplan.domain.plan.PlanCommands.SetRecurringGoalCommand;
import se.asfplan.domain.plan.PlanEvents.GoalRevisedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.GoalWithdrawnEvent;
import se.asfplan.domain.plan.PlanEvents.PlanRevisedEvent;
import se.asfplan.domain.plan.PlanEvents.RecurringGoalSetEvent;

/**
 * Recurring goals: one target rule set for each year of the plan (or of a range within it), recorded as one goal per
 * year that is then revised and withdrawn by itself; a plan period lengthened later lengthens a goal that runs until
 * the plan ends.
 */
class RecurringGoalTest {

    private static final String RECURRING = "fler-inbjudna";
    private static final GoalId RECURRING_ID = new GoalId(RECURRING);
    private static final LocalDate ON = LocalDate.of(2023, 1, 20);
    private static final Target MORE_THAN_LAST_YEAR = Target.atLeast(1, "st");
    private static final String INDICATOR = "Fler ASF inbjudna till Integrationspakten än året innan";

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    private static SetRecurringGoalCommand setRecurring(GoalYears years, LocalDate on) {
        return new SetRecurringGoalCommand(PLAN_ID, RECURRING_ID, years, GoalKind.CHANGE, INDICATOR,
                MORE_THAN_LAST_YEAR, null, GOAL_DECISION, Measure.INTEGRATIONSPAKTEN_INVITATIONS, on);
    }

    private static RecurringGoalSetEvent recurringSet(int fromYear, int toYear, boolean untilThePlanEnds,
                                                      LocalDate on) {
        return new RecurringGoalSetEvent(PLAN_ID, RECURRING_ID, GoalKind.CHANGE, INDICATOR, MORE_THAN_LAST_YEAR, null,
                GOAL_DECISION, Measure.INTEGRATIONSPAKTEN_INVITATIONS, fromYear, toYear, untilThePlanEnds, on);
    }

    private static GoalSetEvent yearSet(int year, LocalDate on) {
        return new GoalSetEvent(PLAN_ID, new GoalId(RECURRING + "-" + year), year, GoalKind.CHANGE, INDICATOR,
                MORE_THAN_LAST_YEAR, null, GOAL_DECISION, on, Measure.INTEGRATIONSPAKTEN_INVITATIONS, RECURRING_ID);
    }

    private static List<Object> recurringAndYears(int fromYear, int toYear, boolean untilThePlanEnds, LocalDate on) {
        List<Object> events = new ArrayList<>();
        events.add(recurringSet(fromYear, toYear, untilThePlanEnds, on));
        for (int year = fromYear; year <= toYear; year++) {
            events.add(yearSet(year, on));
        }
        return events;
    }

    // ------------------------------------------------------------------------------------------- set

    @Test
    void setsTheGoalForEachYearOfThePlan() {
        fixture.given(planAdopted(2021, 2024))
                .when(setRecurring(GoalYears.EVERY_YEAR_OF_THE_PLAN, ON))
                .expectEvents(recurringAndYears(2021, 2024, true, ON).toArray());
    }

    @Test
    void setsTheGoalForTheYearsItNames() {
        fixture.given(planAdopted(2021, 2024))
                .when(setRecurring(GoalYears.of(2023, 2024), ON))
                .expectEvents(recurringAndYears(2023, 2024, false, ON).toArray());
    }

    @Test
    void setsTheGoalFromAYearUntilThePlanEnds() {
        fixture.given(planAdopted(2021, 2024))
                .when(setRecurring(new GoalYears(2023, null), ON))
                .expectEvents(recurringAndYears(2023, 2024, true, ON).toArray());
    }

    @Test
    void setsTheGoalInAnOngoingPlanUpToTheLastYearItNames() {
        fixture.given(planAdoptedOngoingFrom(2021))
                .when(setRecurring(new GoalYears(null, 2023), ON))
                .expectEvents(recurringAndYears(2021, 2023, false, ON).toArray());
    }

    @Test
    void isAdoptedWithThePlan() {
        AdoptPlanCommandCheck.adoptWithRecurringGoal(fixture);
    }

    /** The adoption of a plan file with a recurring goal, kept apart so the expected events read in order. */
    private static final class AdoptPlanCommandCheck {
        static void adoptWithRecurringGoal(AggregateTestFixture<Plan> fixture) {
            PlanCommands.AdoptPlanCommand adopt = new PlanCommands.AdoptPlanCommand(PLAN_ID, TITLE, MUNICIPALITY,
                    ADOPTION, ADOPTED_ON, PlanPeriod.of(2021, 2022), List.of(), List.of(), List.of(), List.of(),
                    List.of(new RecurringGoalDraft(RECURRING_ID, null, GoalKind.CHANGE, INDICATOR,
                            MORE_THAN_LAST_YEAR, null, GOAL_DECISION, Measure.INTEGRATIONSPAKTEN_INVITATIONS)), null);
            List<Object> expected = new ArrayList<>();
            expected.add(planAdopted(2021, 2022));
            expected.addAll(recurringAndYears(2021, 2022, true, ADOPTED_ON));
            fixture.givenNoPriorActivity().when(adopt).expectEvents(expected.toArray());
        }
    }

    // ------------------------------------------------------------------------------------------- refusals

    @Test
    void refusesAGoalInAnOngoingPlanWithoutItsLastYear() {
        expectRefusal(fixture.given(planAdoptedOngoingFrom(2021))
                        .when(setRecurring(GoalYears.EVERY_YEAR_OF_THE_PLAN, ON)),
                PlanRule.RECURRING_GOAL_IN_AN_ONGOING_PLAN_NEEDS_ITS_LAST_YEAR, "must name its last year");
    }

    @Test
    void refusesYearsOutsideThePlanPeriod() {
        expectRefusal(fixture.given(planAdopted(2021, 2024)).when(setRecurring(GoalYears.of(2023, 2025), ON)),
                PlanRule.GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD, "2023-2025 must lie within the plan period 2021-2024");
        expectRefusal(fixture.given(planAdopted(2021, 2024)).when(setRecurring(new GoalYears(2025, null), ON)),
                PlanRule.GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD, "must lie within the plan period");
    }

    @Test
    void refusesYearsThatEndBeforeTheyBegin() {
        assertThatThrownBy(() -> GoalYears.of(2024, 2023)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("years to 2023 must not be before years from 2024");
        assertThatThrownBy(() -> new GoalYears(1989, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("years from must be a year between 1990 and 2100");
    }

    @Test
    void refusesAnIdAYearsGoalAlreadyHas() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(RECURRING + "-2023", 2023))
                        .when(setRecurring(GoalYears.EVERY_YEAR_OF_THE_PLAN, ON)),
                PlanRule.GOAL_ID_MUST_BE_UNIQUE, "already has a goal " + RECURRING + "-2023");
    }

    @Test
    void refusesTheIdOfAnotherRecurringGoal() {
        fixture.given(planAdopted(2021, 2024));
        List<Object> given = new ArrayList<>();
        given.add(planAdopted(2021, 2024));
        given.addAll(recurringAndYears(2021, 2024, true, ON));
        expectRefusal(fixture.given(given).when(setRecurring(GoalYears.of(2021, 2022), ON)),
                PlanRule.GOAL_ID_MUST_BE_UNIQUE, "already has a recurring goal " + RECURRING);
    }

    @Test
    void refusesAYearGoalIdTooLongForItsYears() {
        String longId = "a".repeat(59);
        expectInvalid(fixture.given(planAdopted(2021, 2024))
                .when(new SetRecurringGoalCommand(PLAN_ID, new GoalId(longId), null, GoalKind.CHANGE, INDICATOR,
                        MORE_THAN_LAST_YEAR, null, GOAL_DECISION, Measure.INTEGRATIONSPAKTEN_INVITATIONS, ON)),
                "goalId of a recurring goal must be at most 58 characters");
    }

    @Test
    void refusesAMeasureThatDoesNotFitItsKind() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(new SetRecurringGoalCommand(PLAN_ID, RECURRING_ID, null, GoalKind.CHANGE, INDICATOR,
                                MORE_THAN_LAST_YEAR, null, GOAL_DECISION,
                                Measure.INTEGRATIONSPAKTEN_INVITATION_COVERAGE, ON)),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND, "needs a count measure");
    }

    @Test
    void refusesAShareAbove100Percent() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(new SetRecurringGoalCommand(PLAN_ID, RECURRING_ID, null, GoalKind.SHARE, INDICATOR,
                                percent("120"), null, GOAL_DECISION, null, ON)),
                PlanRule.SHARE_TARGET_MUST_BE_A_PERCENTAGE, "percentage from 0 to 100");
    }

    @Test
    void refusesADateBeforeTheAdoption() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(setRecurring(GoalYears.EVERY_YEAR_OF_THE_PLAN, DAY_BEFORE_ADOPTION)),
                PlanRule.DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION, "lies before plan");
    }

    // ------------------------------------------------------------------------------------------- per year

    @Test
    void revisesAndWithdrawsOneYearsGoalAlone() {
        List<Object> given = new ArrayList<>();
        given.add(planAdopted(2021, 2024));
        given.addAll(recurringAndYears(2021, 2024, true, ON));
        Target higher = Target.atLeast(3, "st");
        fixture.given(given)
                .when(reviseGoal(RECURRING + "-2023", higher, TODAY))
                .expectEvents(new GoalRevisedEvent(PLAN_ID, new GoalId(RECURRING + "-2023"), higher, "Höjd ambition",
                        GOAL_DECISION, TODAY));
        fixture.given(given)
                .when(withdrawGoal(RECURRING + "-2024", TODAY))
                .expectEvents(new GoalWithdrawnEvent(PLAN_ID, new GoalId(RECURRING + "-2024"), "Målet ersätts",
                        GOAL_DECISION, TODAY));
    }

    // ------------------------------------------------------------------------------------------- plan period

    @Test
    void aLengthenedPlanSetsTheGoalForTheAddedYears() {
        List<Object> given = new ArrayList<>();
        given.add(planAdopted(2021, 2024));
        given.addAll(recurringAndYears(2021, 2024, true, ON));
        fixture.given(given)
                .when(revisePeriod(PlanPeriod.of(2021, 2026), TODAY))
                .expectEvents(new PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.of(2021, 2026), ADOPTION,
                        "Planen förlängs", TODAY), yearSet(2025, TODAY), yearSet(2026, TODAY));
    }

    @Test
    void aLengthenedPlanLeavesAGoalWithItsOwnLastYearAsItIs() {
        List<Object> given = new ArrayList<>();
        given.add(planAdopted(2021, 2024));
        given.addAll(recurringAndYears(2022, 2023, false, ON));
        fixture.given(given)
                .when(revisePeriod(PlanPeriod.of(2021, 2026), TODAY))
                .expectEvents(new PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.of(2021, 2026), ADOPTION,
                        "Planen förlängs", TODAY));
    }

    @Test
    void aShortenedPlanMustFirstLoseTheYearsGoalsOutsideIt() {
        List<Object> given = new ArrayList<>();
        given.add(planAdopted(2021, 2024));
        given.addAll(recurringAndYears(2021, 2024, true, ON));
        expectRefusal(fixture.given(given).when(revisePeriod(PlanPeriod.of(2021, 2023), TODAY)),
                PlanRule.PLAN_PERIOD_MUST_KEEP_GOALS_AND_TIMELINES, "goal " + RECURRING + "-2024 for 2024");
    }

    @Test
    void aLengthenedPlanRefusesWhenAnAddedYearsIdIsTaken() {
        List<Object> given = new ArrayList<>();
        given.add(planAdopted(2021, 2024));
        given.addAll(recurringAndYears(2021, 2024, true, ON));
        // a goal set by hand under the name the recurring goal's 2026 goal would take
        given.add(new PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.of(2021, 2025), ADOPTION, "Förlängd", ON));
        given.add(goalSet(RECURRING + "-2026", 2025));
        expectRefusal(fixture.given(given).when(revisePeriod(PlanPeriod.of(2021, 2026), TODAY)),
                PlanRule.GOAL_ID_MUST_BE_UNIQUE, "already has a goal " + RECURRING + "-2026");
    }
}
