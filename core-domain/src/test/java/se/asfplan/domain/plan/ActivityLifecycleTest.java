package se.asfplan.domain.plan;

import static org.junit.jupiter.api.Named.named;
import static se.asfplan.domain.plan.PlanFixtures.*;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.asfplan.domain.plan.PlanCommands.CompleteActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ReportActivityProgressCommand;
import se.asfplan.domain.plan.PlanCommands.StartActivityCommand;
import se.asfplan.domain.plan.PlanEvents.ActivityCancelledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCompletedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityProgressReportedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityRescheduledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityResponsibilityChangedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;

/** An activity's lifecycle: not started, started, and finally completed or cancelled. */
class ActivityLifecycleTest {

    private static final LocalDate LATER = LocalDate.of(2023, 4, 3);
    private static final ActivityId ACTIVITY_ID = new ActivityId(ACTIVITY);
    private static final Responsibility NEW_RESPONSIBILITY =
            Responsibility.of("Arbetsmarknadsförvaltningen", "Stadsledningskontoret");

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    private static Object[] notStarted() {
        return new Object[] {planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY)};
    }

    private static Object[] started() {
        return new Object[] {planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                activityStarted(ACTIVITY)};
    }

    private static Object[] completed() {
        return new Object[] {planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                activityStarted(ACTIVITY), activityCompleted(ACTIVITY)};
    }

    private static Object[] cancelled() {
        return new Object[] {planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                activityCancelled(ACTIVITY)};
    }

    // ------------------------------------------------------------------------------------------- start

    @Test
    void startsAnActivity() {
        fixture.given(notStarted())
                .when(startActivity(ACTIVITY, STARTED_ON))
                .expectEvents(new ActivityStartedEvent(PLAN_ID, ACTIVITY_ID, STARTED_ON));
    }

    @Test
    void refusesToStartAnActivityTwice() {
        expectRefusal(fixture.given(started()).when(startActivity(ACTIVITY, LATER)),
                PlanRule.ACTIVITY_CAN_BE_STARTED_ONCE, "Activity kartlagg-asf was already started on 2022-02-01");
    }

    // ------------------------------------------------------------------------------------------- progress

    @Test
    void reportsProgressOnAStartedActivity() {
        fixture.given(started())
                .when(new ReportActivityProgressCommand(PLAN_ID, ACTIVITY_ID, " Tre träffar hållna ", LATER))
                .expectEvents(new ActivityProgressReportedEvent(PLAN_ID, ACTIVITY_ID, "Tre träffar hållna", LATER));
    }

    @Test
    void reportsProgressOnTheDayTheActivityStarted() {
        fixture.given(started())
                .when(reportProgress(ACTIVITY, STARTED_ON))
                .expectEvents(new ActivityProgressReportedEvent(PLAN_ID, ACTIVITY_ID, "Tre träffar hållna",
                        STARTED_ON));
    }

    @Test
    void refusesProgressOnAnActivityNotYetStarted() {
        expectRefusal(fixture.given(notStarted()).when(reportProgress(ACTIVITY, LATER)),
                PlanRule.ACTIVITY_MUST_BE_STARTED_FIRST,
                "Activity kartlagg-asf is not started; it must be started before progress can be reported");
    }

    @Test
    void refusesProgressDatedBeforeTheActivityStarted() {
        expectRefusal(fixture.given(started()).when(reportProgress(ACTIVITY, STARTED_ON.minusDays(1))),
                PlanRule.ACTIVITY_DATE_MUST_NOT_PRECEDE_START,
                "The date 2022-01-31 lies before activity kartlagg-asf started on 2022-02-01");
    }

    @Test
    void rejectsABlankProgressNote() {
        expectInvalid(fixture.given(started())
                        .when(new ReportActivityProgressCommand(PLAN_ID, ACTIVITY_ID, "  \t ", LATER)),
                "progress note must not be blank");
    }

    // ------------------------------------------------------------------------------------------- reschedule

    @Test
    void reschedulesAnActivity() {
        fixture.given(notStarted())
                .when(reschedule(ACTIVITY, Timeline.years(2023, 2024), LATER))
                .expectEvents(new ActivityRescheduledEvent(PLAN_ID, ACTIVITY_ID, Timeline.years(2023, 2024),
                        "Försenad start", LATER));
    }

    @Test
    void reschedulesAStartedActivityToOngoing() {
        fixture.given(started())
                .when(reschedule(ACTIVITY, Timeline.ongoing(), LATER))
                .expectEvents(new ActivityRescheduledEvent(PLAN_ID, ACTIVITY_ID, Timeline.ongoing(),
                        "Försenad start", LATER));
    }

    @Test
    void refusesAReschedulingThatKeepsTheTimeline() {
        expectRefusal(fixture.given(notStarted()).when(reschedule(ACTIVITY, Timeline.years(2021, 2024), LATER)),
                PlanRule.RESCHEDULE_MUST_CHANGE_TIMELINE, "Activity kartlagg-asf is already planned for 2021-2024");
    }

    @Test
    void refusesAReschedulingThatKeepsAnEarlierReschedule() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                                new PlanEvents.ActivityRescheduledEvent(PLAN_ID, ACTIVITY_ID,
                                        Timeline.years(2022, 2023), "Försenad", STARTED_ON))
                        .when(reschedule(ACTIVITY, Timeline.years(2022, 2023), LATER)),
                PlanRule.RESCHEDULE_MUST_CHANGE_TIMELINE, "is already planned for 2022-2023");
    }

    @Test
    void refusesAReschedulingOutsideThePlanPeriod() {
        expectRefusal(fixture.given(notStarted()).when(reschedule(ACTIVITY, Timeline.years(2024, 2025), LATER)),
                PlanRule.TIMELINE_MUST_LIE_WITHIN_PLAN_PERIOD,
                "Activity kartlagg-asf planned for 2024-2025 must lie within the plan period 2021-2024");
    }

    @Test
    void rejectsAReschedulingWithoutTimeline() {
        expectInvalid(fixture.given(notStarted()).when(reschedule(ACTIVITY, null, LATER)),
                "timeline must be given");
    }

    // ------------------------------------------------------------------------------------------- responsibility

    @Test
    void changesWhoCarriesAnActivity() {
        fixture.given(started())
                .when(changeResponsibility(ACTIVITY, NEW_RESPONSIBILITY, LATER))
                .expectEvents(new ActivityResponsibilityChangedEvent(PLAN_ID, ACTIVITY_ID, NEW_RESPONSIBILITY,
                        "Ny organisation", LATER));
    }

    @Test
    void refusesAResponsibilityChangeThatKeepsTheParties() {
        Responsibility sameParties = Responsibility.of("Stadsledningskontoret", "Stockholm Business Region (SBR)",
                "Stadsledningskontoret", "Stockholm Business Region (SBR)");
        expectRefusal(fixture.given(notStarted()).when(changeResponsibility(ACTIVITY, sameParties, LATER)),
                PlanRule.RESPONSIBILITY_CHANGE_MUST_CHANGE_PARTIES,
                "Activity kartlagg-asf already has lead Stadsledningskontoret and involved parties "
                        + "[Stockholm Business Region (SBR)]");
    }

    @Test
    void refusesAResponsibilityChangeBackToTheCurrentParties() {
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                                new ActivityResponsibilityChangedEvent(PLAN_ID, ACTIVITY_ID, NEW_RESPONSIBILITY,
                                        "Omorganisation", STARTED_ON))
                        .when(changeResponsibility(ACTIVITY, NEW_RESPONSIBILITY, LATER)),
                PlanRule.RESPONSIBILITY_CHANGE_MUST_CHANGE_PARTIES,
                "already has lead Arbetsmarknadsförvaltningen");
    }

    @Test
    void makesAnActivityLedJointly() {
        Responsibility joint = Responsibility.jointly(List.of("Arbetsmarknadsnämnden", "Socialnämnden"),
                List.of("Stockholm Business Region (SBR)"));
        fixture.given(started())
                .when(changeResponsibility(ACTIVITY, joint, LATER))
                .expectEvents(new ActivityResponsibilityChangedEvent(PLAN_ID, ACTIVITY_ID, joint, "Ny organisation",
                        LATER));
    }

    @Test
    void changesTheOrderOfJointLeads() {
        Responsibility joint = Responsibility.jointly(List.of("Arbetsmarknadsnämnden", "Socialnämnden"), List.of());
        Responsibility reversed = Responsibility.jointly(List.of("Socialnämnden", "Arbetsmarknadsnämnden"), List.of());
        fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                        new ActivityResponsibilityChangedEvent(PLAN_ID, ACTIVITY_ID, joint, "Omorganisation",
                                STARTED_ON))
                .when(changeResponsibility(ACTIVITY, reversed, LATER))
                .expectEvents(new ActivityResponsibilityChangedEvent(PLAN_ID, ACTIVITY_ID, reversed,
                        "Ny organisation", LATER));
    }

    @Test
    void makesAnActivityLedByAllCommittees() {
        Responsibility every = new Responsibility(null, List.of("Stadsledningskontoret"), null, true);
        fixture.given(started())
                .when(changeResponsibility(ACTIVITY, every, LATER))
                .expectEvents(new ActivityResponsibilityChangedEvent(PLAN_ID, ACTIVITY_ID, every, "Ny organisation",
                        LATER));
    }

    @Test
    void refusesTheMarkerForALeadStoredAsAllCommitteesInWords() {
        // An event stored before the marker named "samtliga nämnder" as its lead; it reads as the marker.
        Responsibility storedInWords = Responsibility.of("Samtliga nämnder");
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                                new ActivityResponsibilityChangedEvent(PLAN_ID, ACTIVITY_ID, storedInWords,
                                        "Omorganisation", STARTED_ON))
                        .when(changeResponsibility(ACTIVITY, new Responsibility(null, List.of(), null, true), LATER)),
                PlanRule.RESPONSIBILITY_CHANGE_MUST_CHANGE_PARTIES,
                "Activity kartlagg-asf already has lead samtliga nämnder and involved parties []");
    }

    @Test
    void refusesAJointLeadWrittenAgainInAnotherCase() {
        Responsibility joint = Responsibility.jointly(List.of("Arbetsmarknadsnämnden", "Socialnämnden"), List.of());
        expectRefusal(fixture.given(planAdopted(2021, 2024), areaAdded(AREA), activityAdded(ACTIVITY),
                                new ActivityResponsibilityChangedEvent(PLAN_ID, ACTIVITY_ID, joint, "Omorganisation",
                                        STARTED_ON))
                        .when(changeResponsibility(ACTIVITY, Responsibility.jointly(
                                List.of("Arbetsmarknadsnämnden", "Socialnämnden", "socialnämnden"), List.of()),
                                LATER)),
                PlanRule.RESPONSIBILITY_CHANGE_MUST_CHANGE_PARTIES,
                "already has lead Arbetsmarknadsnämnden; Socialnämnden");
    }

    // ------------------------------------------------------------------------------------------- complete

    @Test
    void completesAStartedActivity() {
        fixture.given(started())
                .when(new CompleteActivityCommand(PLAN_ID, ACTIVITY_ID, "Kartläggningen publicerad", LATER))
                .expectEvents(new ActivityCompletedEvent(PLAN_ID, ACTIVITY_ID, "Kartläggningen publicerad", LATER));
    }

    @Test
    void completesAnActivityWithoutANote() {
        fixture.given(started())
                .when(new CompleteActivityCommand(PLAN_ID, ACTIVITY_ID, " ", LATER))
                .expectEvents(new ActivityCompletedEvent(PLAN_ID, ACTIVITY_ID, null, LATER));
    }

    @Test
    void refusesToCompleteAnActivityNotYetStarted() {
        expectRefusal(fixture.given(notStarted()).when(completeActivity(ACTIVITY, LATER)),
                PlanRule.ACTIVITY_MUST_BE_STARTED_FIRST, "it must be started before it can be completed");
    }

    @Test
    void refusesACompletionDatedBeforeTheActivityStarted() {
        expectRefusal(fixture.given(started()).when(completeActivity(ACTIVITY, STARTED_ON.minusDays(1))),
                PlanRule.ACTIVITY_DATE_MUST_NOT_PRECEDE_START,
                "The date 2022-01-31 lies before activity kartlagg-asf started on 2022-02-01");
    }

    // ------------------------------------------------------------------------------------------- cancel

    @Test
    void cancelsAnActivityNotYetStarted() {
        fixture.given(notStarted())
                .when(cancelActivity(ACTIVITY, LATER))
                .expectEvents(new ActivityCancelledEvent(PLAN_ID, ACTIVITY_ID, "Prioriteras bort", LATER));
    }

    @Test
    void cancelsAStartedActivity() {
        fixture.given(started())
                .when(cancelActivity(ACTIVITY, LATER))
                .expectEvents(new ActivityCancelledEvent(PLAN_ID, ACTIVITY_ID, "Prioriteras bort", LATER));
    }

    @Test
    void refusesACancellationDatedBeforeTheActivityStarted() {
        expectRefusal(fixture.given(started()).when(cancelActivity(ACTIVITY, STARTED_ON.minusDays(1))),
                PlanRule.ACTIVITY_DATE_MUST_NOT_PRECEDE_START,
                "The date 2022-01-31 lies before activity kartlagg-asf started on 2022-02-01");
    }

    @Test
    void rejectsACancellationWithoutAReason() {
        expectInvalid(fixture.given(notStarted())
                        .when(new PlanCommands.CancelActivityCommand(PLAN_ID, ACTIVITY_ID, null, LATER)),
                "reason must not be blank");
    }

    // ------------------------------------------------------------------------------------------- every command

    /** Every command that changes an activity, aimed at {@code activityId}, dated {@code on}. */
    static Stream<Arguments> activityCommandsFor(String activityId, LocalDate on) {
        return Stream.of(
                Arguments.of(named("start", startActivity(activityId, on))),
                Arguments.of(named("report progress", reportProgress(activityId, on))),
                Arguments.of(named("reschedule", reschedule(activityId, Timeline.years(2023, 2024), on))),
                Arguments.of(named("change responsibility",
                        changeResponsibility(activityId, NEW_RESPONSIBILITY, on))),
                Arguments.of(named("complete", completeActivity(activityId, on))),
                Arguments.of(named("cancel", cancelActivity(activityId, on))));
    }

    static Stream<Arguments> commandsForAnUnknownActivity() {
        return activityCommandsFor("okand-aktivitet", LATER);
    }

    static Stream<Arguments> commandsForTheClosedActivity() {
        return activityCommandsFor(ACTIVITY, CLOSED_ON.plusDays(1));
    }

    @ParameterizedTest(name = "refuses to {0} an activity the plan lacks")
    @MethodSource("commandsForAnUnknownActivity")
    void refusesToChangeAnActivityThePlanLacks(Object command) {
        expectRefusal(fixture.given(started()).when(command),
                PlanRule.ACTIVITY_MUST_EXIST, "Plan stockholm-asf-2021 has no activity okand-aktivitet");
    }

    @ParameterizedTest(name = "refuses to {0} a completed activity")
    @MethodSource("commandsForTheClosedActivity")
    void refusesToChangeACompletedActivity(Object command) {
        expectRefusal(fixture.given(completed()).when(command),
                PlanRule.CLOSED_ACTIVITY_CANNOT_CHANGE,
                "Activity kartlagg-asf is completed since 2023-11-30 and can no longer change");
    }

    @ParameterizedTest(name = "refuses to {0} a cancelled activity")
    @MethodSource("commandsForTheClosedActivity")
    void refusesToChangeACancelledActivity(Object command) {
        expectRefusal(fixture.given(cancelled()).when(command),
                PlanRule.CLOSED_ACTIVITY_CANNOT_CHANGE,
                "Activity kartlagg-asf is cancelled since 2023-11-30 and can no longer change");
    }

    @Test
    void rejectsAStartWithoutActivityId() {
        expectInvalid(fixture.given(notStarted()).when(new StartActivityCommand(PLAN_ID, null, LATER)),
                "activityId must be given");
    }
}
