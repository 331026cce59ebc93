package se.asfplan.domain.plan;

import static se.asfplan.domain.plan.PlanFixtures.ACTIVITY;
import static se.asfplan.domain.plan.PlanFixtures.CLOSED_ON;
import static se.asfplan.domain.plan.PlanFixtures.PLAN_ID;
import static se.asfplan.domain.plan.PlanFixtures.STARTED_ON;
import static se.asfplan.domain.plan.PlanFixtures.TODAY;
import static se.asfplan.domain.plan.PlanFixtures.activityAdded;
import static se.asfplan.domain.plan.PlanFixtures.activityCancelled;
import static se.asfplan.domain.plan.PlanFixtures.activityCompleted;
import static se.asfplan.domain.plan.PlanFixtures.activityStarted;
import static se.asfplan.domain.plan.PlanFixtures.areaAdded;
import static se.asfplan.domain.plan.PlanFixtures.completeActivity;
import static se.asfplan.domain.plan.PlanFixtures.expectInvalid;
import static se.asfplan.domain.plan.PlanFixtures.expectRefusal;
import static se.asfplan.domain.plan.PlanFixtures.planAdopted;
import static se.asfplan.domain.plan.PlanFixtures.planFixture;
import static se.asfplan.domain.plan.PlanFixtures.shareGoalSet;
import static se.asfplan.domain.plan.PlanFixtures.startActivity;
import static se.asfplan.domain.shared.GivenEventIds.idOf;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.PlanCommands.RetractPlanFactCommand;
import se.asfplan.domain.plan.PlanEvents.ActivityCompletedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityProgressReportedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalOutcomeReportedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanFactRetractedEvent;

/** Retracting a plan's fact recorded in error: notes and outcome reports any time, an activity's latest step. */
class PlanRetractionTest {

    private static final String REASON = "Registrerat på fel aktivitet";
    private static final ActivityId ACTIVITY_ID = new ActivityId(ACTIVITY);
    private static final GoalId SHARE_GOAL = new GoalId("share-2023");

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    private TestExecutor<Plan> given(Object... more) {
        Object[] events = new Object[3 + more.length];
        events[0] = planAdopted(2021, 2024);
        events[1] = areaAdded("natverkande");
        events[2] = activityAdded(ACTIVITY);
        System.arraycopy(more, 0, events, 3, more.length);
        return fixture.given(events);
    }

    private String id(long sequence) {
        return idOf(fixture, PLAN_ID.value(), sequence);
    }

    private static RetractPlanFactCommand retract(String eventId) {
        return new RetractPlanFactCommand(PLAN_ID, eventId, REASON, TODAY);
    }

    private static PlanFactRetractedEvent retractedStep(String eventId, String fact) {
        return new PlanFactRetractedEvent(PLAN_ID, eventId, fact, ACTIVITY_ID, null, REASON, TODAY);
    }

    private static ActivityProgressReportedEvent progress(LocalDate on) {
        return new ActivityProgressReportedEvent(PLAN_ID, ACTIVITY_ID, "Tre träffar hållna", on);
    }

    @Test
    void retractsAProgressNoteEvenAfterTheActivityClosed() {
        TestExecutor<Plan> given = given(activityStarted(ACTIVITY), progress(STARTED_ON.plusDays(5)),
                activityCompleted(ACTIVITY));
        String note = id(4);
        given.when(retract(note)).expectEvents(retractedStep(note, "ActivityProgressReportedEvent"));
    }

    @Test
    void retractsAnOutcomeReportNamingItsGoal() {
        TestExecutor<Plan> given = given(shareGoalSet(SHARE_GOAL.value(), 2023, Target.atLeast(10, "%")),
                new GoalOutcomeReportedEvent(PLAN_ID, SHARE_GOAL, 2023, new BigDecimal("12"), "SCB", CLOSED_ON),
                new GoalOutcomeReportedEvent(PLAN_ID, SHARE_GOAL, 2023, new BigDecimal("14"), "SCB", CLOSED_ON));
        String first = id(4);
        given.when(retract(first)).expectEvents(new PlanFactRetractedEvent(PLAN_ID, first,
                "GoalOutcomeReportedEvent", null, SHARE_GOAL, REASON, TODAY));
    }

    @Test
    void retractingTheCompletionReopensTheStartedActivity() {
        TestExecutor<Plan> given = given(activityStarted(ACTIVITY), activityCompleted(ACTIVITY));
        String completion = id(4);
        given.andGiven(retractedStep(completion, "ActivityCompletedEvent"))
                .when(completeActivity(ACTIVITY, CLOSED_ON.plusDays(3)))
                .expectEvents(new ActivityCompletedEvent(PLAN_ID, ACTIVITY_ID, "Klar", CLOSED_ON.plusDays(3)));
    }

    @Test
    void retractingTheStartLeavesTheActivityNotStarted() {
        TestExecutor<Plan> given = given(activityStarted(ACTIVITY));
        String start = id(3);
        given.andGiven(retractedStep(start, "ActivityStartedEvent"))
                .when(startActivity(ACTIVITY, STARTED_ON.plusDays(30)))
                .expectEvents(new ActivityStartedEvent(PLAN_ID, ACTIVITY_ID, STARTED_ON.plusDays(30)));
    }

    @Test
    void retractsACancellationOfAnActivityNeverStarted() {
        TestExecutor<Plan> given = given(activityCancelled(ACTIVITY));
        String cancellation = id(3);
        given.andGiven(retractedStep(cancellation, "ActivityCancelledEvent"))
                .when(startActivity(ACTIVITY, STARTED_ON))
                .expectEvents(new ActivityStartedEvent(PLAN_ID, ACTIVITY_ID, STARTED_ON));
    }

    @Test
    void refusesToRetractTheStartOfACompletedActivity() {
        TestExecutor<Plan> given = given(activityStarted(ACTIVITY), activityCompleted(ACTIVITY));
        String start = id(3);
        expectRefusal(given.when(retract(start)), PlanRule.ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED,
                "is not activity kartlagg-asf's latest step");
    }

    @Test
    void refusesAnEventThatIsNotOneOfThePlansRetractableFacts() {
        TestExecutor<Plan> given = given();
        String added = id(2);
        expectRefusal(given.when(retract(added)), PlanRule.RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD,
                "holds no fact recorded by event " + added);
    }

    @Test
    void refusesToRetractAFactTwice() {
        TestExecutor<Plan> given = given(activityStarted(ACTIVITY), progress(STARTED_ON.plusDays(5)));
        String note = id(4);
        expectRefusal(given.andGiven(retractedStep(note, "ActivityProgressReportedEvent")).when(retract(note)),
                PlanRule.EVENT_IS_ALREADY_RETRACTED, "is already retracted");
    }

    @Test
    void rejectsARetractionWithoutReason() {
        TestExecutor<Plan> given = given(activityStarted(ACTIVITY));
        String start = id(3);
        expectInvalid(given.when(new RetractPlanFactCommand(PLAN_ID, start, null, TODAY)),
                "reason must not be blank");
    }
}
