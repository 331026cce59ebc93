package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.domain.plan.PlanFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanCommands.SetGoalCommand;
import se.asfplan.domain.plan.PlanEvents.GoalOutcomeReportedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalRevisedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.GoalWithdrawnEvent;

/** Yearly goals (årsmål): set within the plan period, revised with the old target kept, withdrawn. */
class GoalTest {

    private static final LocalDate DECIDED_ON = LocalDate.of(2023, 1, 20);
    private static final GoalId GOAL_ID = new GoalId(GOAL);
    private static final Target AT_LEAST_FIVE = Target.atLeast(5, "st");

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    private static GoalSetEvent countGoalSetOn(int year, LocalDate on) {
        return new GoalSetEvent(PLAN_ID, GOAL_ID, year, GoalKind.COUNT, "Reserverade upphandlingar", AT_LEAST_THREE,
                null, GOAL_DECISION, on, Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED);
    }

    // ------------------------------------------------------------------------------------------- set

    @Test
    void setsAGoalWithoutActivity() {
        fixture.given(planAdopted(2021, 2024))
                .when(setGoal(GOAL, 2023, DECIDED_ON))
                .expectEvents(countGoalSetOn(2023, DECIDED_ON));
    }

    @Test
    void setsAGoalThatFollowsAnActivity() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY))
                .when(setGoal(GOAL, 2023, GoalKind.MILESTONE, Target.atLeast(1, "kartläggning"), ACTIVITY,
                        DECIDED_ON))
                .expectEvents(new GoalSetEvent(PLAN_ID, GOAL_ID, 2023, GoalKind.MILESTONE,
                        "Reserverade upphandlingar", Target.atLeast(1, "kartläggning"), new ActivityId(ACTIVITY),
                        GOAL_DECISION, DECIDED_ON, Measure.ACTIVITY_COMPLETED));
    }

    @Test
    void setsAGoalThatFollowsACompletedActivity() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY), activityStarted(ACTIVITY),
                        activityCompleted(ACTIVITY))
                .when(setGoal(GOAL, 2024, GoalKind.COUNT, AT_LEAST_THREE, ACTIVITY, TODAY))
                .expectEvents(new GoalSetEvent(PLAN_ID, GOAL_ID, 2024, GoalKind.COUNT, "Reserverade upphandlingar",
                        AT_LEAST_THREE, new ActivityId(ACTIVITY), GOAL_DECISION, TODAY,
                        Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED));
    }

    @Test
    void setsAGoalForTheFirstYearOfThePlanPeriod() {
        fixture.given(planAdopted(2021, 2024))
                .when(setGoal(GOAL, 2021, DECIDED_ON))
                .expectEvents(countGoalSetOn(2021, DECIDED_ON));
    }

    @Test
    void setsAGoalForTheLastYearOfThePlanPeriod() {
        fixture.given(planAdopted(2021, 2024))
                .when(setGoal(GOAL, 2024, DECIDED_ON))
                .expectEvents(countGoalSetOn(2024, DECIDED_ON));
    }

    @Test
    void setsAGoalForAnyLaterYearOfAnOngoingPlanPeriod() {
        fixture.given(planAdoptedOngoingFrom(2021))
                .when(setGoal(GOAL, 2030, DECIDED_ON))
                .expectEvents(countGoalSetOn(2030, DECIDED_ON));
    }

    @Test
    void refusesAGoalBeforeThePlanPeriod() {
        expectRefusal(fixture.given(planAdopted(2021, 2024)).when(setGoal(GOAL, 2020, DECIDED_ON)),
                PlanRule.GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD,
                "Goal year 2020 lies outside the plan period 2021-2024");
    }

    @Test
    void refusesAGoalAfterThePlanPeriod() {
        expectRefusal(fixture.given(planAdopted(2021, 2024)).when(setGoal(GOAL, 2025, DECIDED_ON)),
                PlanRule.GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD,
                "Goal year 2025 lies outside the plan period 2021-2024");
    }

    @Test
    void refusesAGoalBeforeAnOngoingPlanPeriod() {
        expectRefusal(fixture.given(planAdoptedOngoingFrom(2021)).when(setGoal(GOAL, 2020, DECIDED_ON)),
                PlanRule.GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD, "Goal year 2020 lies outside the plan period 2021-");
    }

    @Test
    void refusesAGoalOutsideARevisedPlanPeriod() {
        expectRefusal(fixture.given(planAdopted(2021, 2024),
                                new PlanEvents.PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.of(2021, 2022), ADOPTION,
                                        "Förkortad", LocalDate.of(2022, 5, 1)))
                        .when(setGoal(GOAL, 2023, DECIDED_ON)),
                PlanRule.GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD,
                "Goal year 2023 lies outside the plan period 2021-2022");
    }

    @Test
    void refusesASecondGoalWithTheSameId() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023))
                        .when(setGoal(GOAL, 2024, DECIDED_ON)),
                PlanRule.GOAL_ID_MUST_BE_UNIQUE,
                "Plan stockholm-asf-2021 already has a goal reserved-procurements-2023 (for 2023)");
    }

    @Test
    void refusesASecondGoalWithTheIdOfAWithdrawnGoal() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023), goalWithdrawn(GOAL))
                        .when(setGoal(GOAL, 2023, TODAY)),
                PlanRule.GOAL_ID_MUST_BE_UNIQUE, "already has a goal reserved-procurements-2023");
    }

    @Test
    void refusesAGoalFollowingAnActivityThePlanLacks() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA))
                        .when(setGoal(GOAL, 2023, GoalKind.COUNT, AT_LEAST_THREE, ACTIVITY, DECIDED_ON)),
                PlanRule.ACTIVITY_MUST_EXIST,
                "Plan stockholm-asf-2021 has no activity kartlagg-asf for the goal to follow");
    }

    @Test
    void refusesAGoalFollowingACancelledActivity() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                                activityCancelled(ACTIVITY))
                        .when(setGoal(GOAL, 2024, GoalKind.COUNT, AT_LEAST_THREE, ACTIVITY, TODAY)),
                PlanRule.GOAL_CANNOT_FOLLOW_CANCELLED_ACTIVITY,
                "Activity kartlagg-asf was cancelled; a goal cannot follow it");
    }

    @Test
    void setsAShareGoalOfAHundredPercent() {
        fixture.given(planAdopted(2021, 2024))
                .when(setGoal(GOAL, 2023, GoalKind.SHARE, percent("100"), null, DECIDED_ON))
                .expectEvents(new GoalSetEvent(PLAN_ID, GOAL_ID, 2023, GoalKind.SHARE, "Reserverade upphandlingar",
                        percent("100"), null, GOAL_DECISION, DECIDED_ON, null));
    }

    @Test
    void refusesAShareGoalAboveAHundredPercent() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(setGoal(GOAL, 2023, GoalKind.SHARE, percent("100.5"), null, DECIDED_ON)),
                PlanRule.SHARE_TARGET_MUST_BE_A_PERCENTAGE,
                "A share target is a percentage from 0 to 100, but was 100.5");
    }

    @Test
    void setsACountGoalAboveAHundred() {
        Target hundredAndFifty = Target.atLeast(150, "st");
        fixture.given(planAdopted(2021, 2024))
                .when(setGoal(GOAL, 2023, GoalKind.COUNT, hundredAndFifty, null, DECIDED_ON))
                .expectEvents(new GoalSetEvent(PLAN_ID, GOAL_ID, 2023, GoalKind.COUNT, "Reserverade upphandlingar",
                        hundredAndFifty, null, GOAL_DECISION, DECIDED_ON,
                        Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED));
    }

    @Test
    void rejectsAGoalWithoutTarget() {
        expectInvalid(fixture.given(planAdopted(2021, 2024))
                        .when(setGoal(GOAL, 2023, GoalKind.COUNT, null, null, DECIDED_ON)),
                "target must be given");
    }

    @Test
    void rejectsAGoalWithoutDecision() {
        expectInvalid(fixture.given(planAdopted(2021, 2024))
                        .when(new SetGoalCommand(PLAN_ID, GOAL_ID, 2023, GoalKind.COUNT, "Upphandlingar",
                                AT_LEAST_THREE, null, null, DECIDED_ON,
                                Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED)),
                "decision must be given");
    }

    // ------------------------------------------------------------------------------------------- revise

    @Test
    void revisesAGoalAndKeepsTheOldTargetInTheHistory() {
        GoalSetEvent originallySet = goalSet(GOAL, 2023);
        GoalRevisedEvent revised = new GoalRevisedEvent(PLAN_ID, GOAL_ID, AT_LEAST_FIVE, "Höjd ambition",
                GOAL_DECISION, DECIDED_ON);

        fixture.given(planAdopted(2021, 2024), originallySet)
                .when(reviseGoal(GOAL, AT_LEAST_FIVE, DECIDED_ON))
                .expectEvents(revised);

        assertThat(fixture.getEventStore().readEvents(PLAN_ID.value())
                .asStream().map(event -> (Object) event.getPayload()))
                .containsExactly(planAdopted(2021, 2024), goalSet(GOAL, 2023), revised);
        assertThat(originallySet.target()).isEqualTo(AT_LEAST_THREE);
    }

    @Test
    void revisesARevisedGoalBackToItsFirstTarget() {
        fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023),
                        new GoalRevisedEvent(PLAN_ID, GOAL_ID, AT_LEAST_FIVE, "Höjd", GOAL_DECISION, DECIDED_ON))
                .when(reviseGoal(GOAL, AT_LEAST_THREE, TODAY))
                .expectEvents(new GoalRevisedEvent(PLAN_ID, GOAL_ID, AT_LEAST_THREE, "Höjd ambition", GOAL_DECISION,
                        TODAY));
    }

    @Test
    void refusesARevisionThatKeepsTheTarget() {
        Target threeWithDecimals = new Target(TargetComparator.AT_LEAST, new BigDecimal("3.00"), "st");
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023))
                        .when(reviseGoal(GOAL, threeWithDecimals, DECIDED_ON)),
                PlanRule.GOAL_REVISION_MUST_CHANGE_TARGET,
                "Goal reserved-procurements-2023 already has the target AT_LEAST 3 st");
    }

    @Test
    void refusesARevisionThatKeepsTheLatestTarget() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023),
                                new GoalRevisedEvent(PLAN_ID, GOAL_ID, AT_LEAST_FIVE, "Höjd", GOAL_DECISION,
                                        DECIDED_ON))
                        .when(reviseGoal(GOAL, AT_LEAST_FIVE, TODAY)),
                PlanRule.GOAL_REVISION_MUST_CHANGE_TARGET, "already has the target AT_LEAST 5 st");
    }

    @Test
    void refusesAShareGoalRevisedAboveAHundredPercent() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), shareGoalSet(GOAL, 2023, percent("20")))
                        .when(reviseGoal(GOAL, percent("100.5"), DECIDED_ON)),
                PlanRule.SHARE_TARGET_MUST_BE_A_PERCENTAGE,
                "A share target is a percentage from 0 to 100, but was 100.5");
    }

    @Test
    void revisesAShareGoalToAHundredPercent() {
        fixture.given(planAdopted(2021, 2024), shareGoalSet(GOAL, 2023, percent("20")))
                .when(reviseGoal(GOAL, percent("100"), DECIDED_ON))
                .expectEvents(new GoalRevisedEvent(PLAN_ID, GOAL_ID, percent("100"), "Höjd ambition", GOAL_DECISION,
                        DECIDED_ON));
    }

    @Test
    void refusesToReviseAGoalThePlanLacks() {
        expectRefusal(fixture.given(planAdopted(2021, 2024)).when(reviseGoal(GOAL, AT_LEAST_FIVE, DECIDED_ON)),
                PlanRule.GOAL_MUST_EXIST, "Plan stockholm-asf-2021 has no goal reserved-procurements-2023");
    }

    @Test
    void refusesToReviseAWithdrawnGoal() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023), goalWithdrawn(GOAL))
                        .when(reviseGoal(GOAL, AT_LEAST_FIVE, TODAY)),
                PlanRule.WITHDRAWN_GOAL_CANNOT_CHANGE,
                "Goal reserved-procurements-2023 was withdrawn and can no longer change");
    }

    // ------------------------------------------------------------------------------------------- withdraw

    @Test
    void withdrawsAGoal() {
        fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023))
                .when(withdrawGoal(GOAL, DECIDED_ON))
                .expectEvents(new GoalWithdrawnEvent(PLAN_ID, GOAL_ID, "Målet ersätts", GOAL_DECISION, DECIDED_ON));
    }

    @Test
    void refusesToWithdrawAGoalThePlanLacks() {
        expectRefusal(fixture.given(planAdopted(2021, 2024)).when(withdrawGoal(GOAL, DECIDED_ON)),
                PlanRule.GOAL_MUST_EXIST, "Plan stockholm-asf-2021 has no goal reserved-procurements-2023");
    }

    @Test
    void refusesToWithdrawAGoalTwice() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023), goalWithdrawn(GOAL))
                        .when(withdrawGoal(GOAL, TODAY)),
                PlanRule.WITHDRAWN_GOAL_CANNOT_CHANGE,
                "Goal reserved-procurements-2023 was withdrawn and can no longer change");
    }

    @Test
    void rejectsAWithdrawalWithoutDecision() {
        expectInvalid(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023))
                        .when(new PlanCommands.WithdrawGoalCommand(PLAN_ID, GOAL_ID, "Ersätts", null, DECIDED_ON)),
                "decision must be given");
    }

    // ------------------------------------------------------------------------------------------- measure

    @Test
    void setsACoverageGoalMeasuredByInvitationCoverage() {
        fixture.given(planAdopted(2021, 2024))
                .when(setGoal(GOAL, 2023, GoalKind.COVERAGE, percent("100"), null, DECIDED_ON))
                .expectEvents(new GoalSetEvent(PLAN_ID, GOAL_ID, 2023, GoalKind.COVERAGE, "Reserverade upphandlingar",
                        percent("100"), null, GOAL_DECISION, DECIDED_ON,
                        Measure.INTEGRATIONSPAKTEN_INVITATION_COVERAGE));
    }

    @Test
    void setsAChangeGoalMeasuredByACount() {
        fixture.given(planAdopted(2021, 2024))
                .when(setGoal(GOAL, 2023, GoalKind.CHANGE, Measure.EVENT_PARTICIPATIONS, Target.atLeast(1, "st"),
                        null, DECIDED_ON))
                .expectEvents(new GoalSetEvent(PLAN_ID, GOAL_ID, 2023, GoalKind.CHANGE, "Reserverade upphandlingar",
                        Target.atLeast(1, "st"), null, GOAL_DECISION, DECIDED_ON, Measure.EVENT_PARTICIPATIONS));
    }

    @Test
    void setsAManualGoalWithoutMeasure() {
        fixture.given(planAdopted(2021, 2024))
                .when(setGoal(GOAL, 2023, GoalKind.MANUAL, null, AT_LEAST_THREE, null, DECIDED_ON))
                .expectEvents(new GoalSetEvent(PLAN_ID, GOAL_ID, 2023, GoalKind.MANUAL, "Reserverade upphandlingar",
                        AT_LEAST_THREE, null, GOAL_DECISION, DECIDED_ON, null));
    }

    @Test
    void refusesACountGoalWithoutMeasure() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(setGoal(GOAL, 2023, GoalKind.COUNT, null, AT_LEAST_THREE, null, DECIDED_ON)),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND,
                "Goal reserved-procurements-2023 is a count goal and needs a count measure, but has measure null");
    }

    @Test
    void refusesACountGoalMeasuredByACoverage() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(setGoal(GOAL, 2023, GoalKind.COUNT, Measure.INTEGRATIONSPAKTEN_INVITATION_COVERAGE,
                                AT_LEAST_THREE, null, DECIDED_ON)),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND,
                "needs a count measure, but has measure INTEGRATIONSPAKTEN_INVITATION_COVERAGE");
    }

    @Test
    void refusesAChangeGoalMeasuredByAMilestone() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY))
                        .when(setGoal(GOAL, 2023, GoalKind.CHANGE, Measure.ACTIVITY_COMPLETED, AT_LEAST_THREE,
                                ACTIVITY, DECIDED_ON)),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND, "is a change goal and needs a count measure");
    }

    @Test
    void refusesACoverageGoalMeasuredByACount() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(setGoal(GOAL, 2023, GoalKind.COVERAGE, Measure.INTEGRATIONSPAKTEN_INVITATIONS,
                                percent("100"), null, DECIDED_ON)),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND, "is a coverage goal and needs a coverage measure");
    }

    @Test
    void refusesAMilestoneGoalWithoutActivity() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(setGoal(GOAL, 2023, GoalKind.MILESTONE, Measure.ACTIVITY_COMPLETED,
                                Target.atLeast(1, "st"), null, DECIDED_ON)),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND,
                "needs the measure ACTIVITY_COMPLETED and an activity to follow, but has measure ACTIVITY_COMPLETED"
                        + " and no activity");
    }

    @Test
    void refusesAMilestoneGoalMeasuredByACount() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY))
                        .when(setGoal(GOAL, 2023, GoalKind.MILESTONE, Measure.EVENT_PARTICIPATIONS,
                                Target.atLeast(1, "st"), ACTIVITY, DECIDED_ON)),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND,
                "needs the measure ACTIVITY_COMPLETED and an activity to follow, but has measure EVENT_PARTICIPATIONS");
    }

    @Test
    void refusesAManualGoalWithAMeasure() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(setGoal(GOAL, 2023, GoalKind.MANUAL, Measure.EVENT_PARTICIPATIONS, AT_LEAST_THREE,
                                null, DECIDED_ON)),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND,
                "is a manual goal and needs no measure: its outcome is reported by hand");
    }

    @Test
    void refusesAShareGoalWithAMeasure() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(setGoal(GOAL, 2023, GoalKind.SHARE, Measure.PLUS_AND_JOBBPARTNER_ASF, percent("20"),
                                null, DECIDED_ON)),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND,
                "is a share goal and needs no measure: its outcome is reported by hand");
    }

    @Test
    void refusesAnAdoptedGoalWhoseMeasureDoesNotFit() {
        PlanCommands.GoalDraft unmeasured = new PlanCommands.GoalDraft(GOAL_ID, 2023, GoalKind.COUNT, "Antal",
                AT_LEAST_THREE, null, GOAL_DECISION, null);
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(adoptPlan(PlanPeriod.of(2021, 2024), ADOPTED_ON, java.util.List.of(),
                                java.util.List.of(unmeasured))),
                PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND, "is a count goal and needs a count measure");
    }

    // ------------------------------------------------------------------------------------------- outcome

    @Test
    void reportsAShareGoalsOutcomeForItsYearWithItsSource() {
        fixture.given(planAdopted(2021, 2024), shareGoalSet(GOAL, 2023, percent("20")))
                .when(reportOutcome(GOAL, "22.50", TODAY))
                .expectEvents(new GoalOutcomeReportedEvent(PLAN_ID, GOAL_ID, 2023, new BigDecimal("22.5"),
                        "Enkät till Plusmedlemmar", TODAY));
    }

    @Test
    void reportsALaterOutcomeThatSupersedesTheEarlierOne() {
        fixture.given(planAdopted(2021, 2024), shareGoalSet(GOAL, 2023, percent("20")),
                        new GoalOutcomeReportedEvent(PLAN_ID, GOAL_ID, 2023, new BigDecimal("18"), "Utkast",
                                DECIDED_ON))
                .when(reportOutcome(GOAL, "21", TODAY))
                .expectEvents(new GoalOutcomeReportedEvent(PLAN_ID, GOAL_ID, 2023, new BigDecimal("21"),
                        "Enkät till Plusmedlemmar", TODAY));
    }

    @Test
    void reportsTheOutcomeOfAGoalRecordedBeforeMeasuresExisted() {
        GoalSetEvent recordedWithoutMeasure = new GoalSetEvent(PLAN_ID, GOAL_ID, 2023, GoalKind.COUNT, "Antal",
                AT_LEAST_THREE, null, GOAL_DECISION, ADOPTED_ON, null);
        fixture.given(planAdopted(2021, 2024), recordedWithoutMeasure)
                .when(reportOutcome(GOAL, "4", TODAY))
                .expectEvents(new GoalOutcomeReportedEvent(PLAN_ID, GOAL_ID, 2023, new BigDecimal("4"),
                        "Enkät till Plusmedlemmar", TODAY));
    }

    @Test
    void refusesAReportedOutcomeForAGoalMeasuredByEvents() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2023))
                        .when(reportOutcome(GOAL, "4", TODAY)),
                PlanRule.OUTCOME_CAN_BE_REPORTED_ONLY_FOR_MANUAL_OR_SHARE_GOALS,
                "Goal reserved-procurements-2023 is a count goal measured by "
                        + "RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED; its outcome"
                        + " comes from the recorded events, not from a report");
    }

    @Test
    void refusesAReportedOutcomeForAWithdrawnGoal() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), shareGoalSet(GOAL, 2023, percent("20")),
                                goalWithdrawn(GOAL))
                        .when(reportOutcome(GOAL, "21", TODAY)),
                PlanRule.WITHDRAWN_GOAL_CANNOT_CHANGE,
                "Goal reserved-procurements-2023 was withdrawn and can no longer change");
    }

    @Test
    void rejectsANegativeReportedOutcome() {
        expectInvalid(fixture.given(planAdopted(2021, 2024), shareGoalSet(GOAL, 2023, percent("20")))
                        .when(reportOutcome(GOAL, "-1", TODAY)),
                "outcome value must not be negative, but was -1");
    }

    @Test
    void rejectsAReportedOutcomeWithoutSource() {
        expectInvalid(fixture.given(planAdopted(2021, 2024), shareGoalSet(GOAL, 2023, percent("20")))
                        .when(new PlanCommands.ReportGoalOutcomeCommand(PLAN_ID, GOAL_ID, BigDecimal.ONE, " ",
                                TODAY)),
                "source must not be blank");
    }
}
