package se.asfplan.domain.plan;

import static se.asfplan.domain.plan.PlanFixtures.*;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanCommands.RevisePlanCommand;
import se.asfplan.domain.plan.PlanEvents.PlanRevisedEvent;

/** Revising a plan's title or period by a new decision, without losing a goal or a timeline. */
class PlanRevisionTest {

    private static final LocalDate REVISED_ON = LocalDate.of(2024, 5, 20);
    private static final Decision REVISION = new Decision("Kommunstyrelsen", "KS 2024/310", "§ 9");

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    @Test
    void revisesThePeriodAndKeepsTheTitle() {
        fixture.given(planAdopted(2021, 2024))
                .when(new RevisePlanCommand(PLAN_ID, null, PlanPeriod.of(2021, 2026), REVISION, "Planen förlängs",
                        REVISED_ON))
                .expectEvents(new PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.of(2021, 2026), REVISION,
                        "Planen förlängs", REVISED_ON));
    }

    @Test
    void revisesTheTitleAndKeepsThePeriod() {
        fixture.given(planAdopted(2021, 2024))
                .when(new RevisePlanCommand(PLAN_ID, " Reviderad handlingsplan ", null, REVISION, "Nytt namn",
                        REVISED_ON))
                .expectEvents(new PlanRevisedEvent(PLAN_ID, "Reviderad handlingsplan", PlanPeriod.of(2021, 2024),
                        REVISION, "Nytt namn", REVISED_ON));
    }

    @Test
    void revisesAPeriodIntoAnOngoingOne() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY), goalSet(GOAL, 2024))
                .when(revisePeriod(PlanPeriod.ongoingFrom(2021), REVISED_ON))
                .expectEvents(new PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.ongoingFrom(2021), ADOPTION,
                        "Planen förlängs", REVISED_ON));
    }

    @Test
    void refusesARevisionThatChangesNothing() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(new RevisePlanCommand(PLAN_ID, TITLE, PlanPeriod.of(2021, 2024), REVISION,
                                "Samma igen", REVISED_ON)),
                PlanRule.PLAN_REVISION_MUST_CHANGE_SOMETHING,
                "must change the title or the period; both are as before (2021-2024)");
    }

    @Test
    void refusesARevisionThatNamesNeitherTitleNorPeriod() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(new RevisePlanCommand(PLAN_ID, null, null, REVISION, "Inget", REVISED_ON)),
                PlanRule.PLAN_REVISION_MUST_CHANGE_SOMETHING, "both are as before");
    }

    @Test
    void refusesAPeriodThatWouldLeaveAGoalOutside() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2024))
                        .when(revisePeriod(PlanPeriod.of(2021, 2023), REVISED_ON)),
                PlanRule.PLAN_PERIOD_MUST_KEEP_GOALS_AND_TIMELINES,
                "The period 2021-2023 would leave goal reserved-procurements-2023 for 2024 outside the plan");
    }

    @Test
    void refusesAPeriodThatWouldLeaveAGoalBeforeItsStart() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2021))
                        .when(revisePeriod(PlanPeriod.ongoingFrom(2022), REVISED_ON)),
                PlanRule.PLAN_PERIOD_MUST_KEEP_GOALS_AND_TIMELINES, "The period 2022- would leave goal");
    }

    @Test
    void letsAPeriodLeaveAWithdrawnGoalOutside() {
        fixture.given(planAdopted(2021, 2024), goalSet(GOAL, 2024), goalWithdrawn(GOAL))
                .when(revisePeriod(PlanPeriod.of(2021, 2023), REVISED_ON))
                .expectEvents(new PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.of(2021, 2023), ADOPTION,
                        "Planen förlängs", REVISED_ON));
    }

    @Test
    void refusesAPeriodThatWouldLeaveAnActivityTimelineOutside() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY))
                        .when(revisePeriod(PlanPeriod.of(2021, 2023), REVISED_ON)),
                PlanRule.PLAN_PERIOD_MUST_KEEP_GOALS_AND_TIMELINES,
                "The period 2021-2023 would leave activity kartlagg-asf (2021-2024) outside the plan");
    }

    @Test
    void refusesAPeriodThatWouldLeaveAStartedActivityTimelineOutside() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA),
                                activityAdded(ACTIVITY, Timeline.ongoingFrom(2021)), activityStarted(ACTIVITY))
                        .when(revisePeriod(PlanPeriod.of(2022, 2024), REVISED_ON)),
                PlanRule.PLAN_PERIOD_MUST_KEEP_GOALS_AND_TIMELINES,
                "would leave activity kartlagg-asf (ongoing from 2021) outside the plan");
    }

    @Test
    void letsAPeriodLeaveACompletedActivityOutside() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY), activityStarted(ACTIVITY),
                        activityCompleted(ACTIVITY))
                .when(revisePeriod(PlanPeriod.of(2021, 2023), REVISED_ON))
                .expectEvents(new PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.of(2021, 2023), ADOPTION,
                        "Planen förlängs", REVISED_ON));
    }

    @Test
    void letsAPeriodLeaveACancelledActivityOutside() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY), activityCancelled(ACTIVITY))
                .when(revisePeriod(PlanPeriod.of(2021, 2023), REVISED_ON))
                .expectEvents(new PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.of(2021, 2023), ADOPTION,
                        "Planen förlängs", REVISED_ON));
    }

    @Test
    void keepsAnActivityOngoingThroughoutThePlanWhateverThePeriod() {
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY, Timeline.ongoing()))
                .when(revisePeriod(PlanPeriod.of(2022, 2023), REVISED_ON))
                .expectEvents(new PlanRevisedEvent(PLAN_ID, TITLE, PlanPeriod.of(2022, 2023), ADOPTION,
                        "Planen förlängs", REVISED_ON));
    }

    @Test
    void rejectsARevisionWithoutAReason() {
        expectInvalid(fixture.given(planAdopted(2021, 2024))
                        .when(new RevisePlanCommand(PLAN_ID, null, PlanPeriod.of(2021, 2026), REVISION, " ",
                                REVISED_ON)),
                "reason must not be blank");
    }

    @Test
    void rejectsARevisionWithoutADecision() {
        expectInvalid(fixture.given(planAdopted(2021, 2024))
                        .when(new RevisePlanCommand(PLAN_ID, null, PlanPeriod.of(2021, 2026), null, "Förlängd",
                                REVISED_ON)),
                "decision must be given");
    }
}
