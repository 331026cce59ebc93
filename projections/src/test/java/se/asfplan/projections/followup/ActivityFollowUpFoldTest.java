package se.asfplan.projections.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.asfplan.projections.followup.FollowUpFixtures.AMN;
import static se.asfplan.projections.followup.FollowUpFixtures.NETWORKING;
import static se.asfplan.projections.followup.FollowUpFixtures.PLAN;
import static se.asfplan.projections.followup.FollowUpFixtures.PROCUREMENT;
import static se.asfplan.projections.followup.FollowUpFixtures.SBR;
import static se.asfplan.projections.followup.FollowUpFixtures.planAdopted;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpReport;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpView;
import se.asfplan.projections.followup.FollowUpQueries.FindActivityFollowUpQuery;
import se.asfplan.projections.followup.FollowUpQueries.FollowUpGroup;
import se.asfplan.projections.followup.FollowUpQueries.StatusCounts;

class ActivityFollowUpFoldTest {

    private static final LocalDate TODAY = LocalDate.of(2023, 6, 15);

    @Test
    void anAddedActivityIsNotStartedUntilStartedAndClosedWhenCompleted() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2023), "2021-03-01");
        assertEquals(ActivityStatus.NOT_STARTED, activity(now(plan), "aa").status());

        plan.started("aa", "2021-04-01");
        ActivityFollowUpView started = activity(now(plan), "aa");
        assertEquals(ActivityStatus.STARTED, started.status());
        assertEquals(LocalDate.of(2021, 4, 1), started.startedOn());
        assertNull(started.closedOn());

        plan.completed("aa", "Klart", "2022-05-31");
        ActivityFollowUpView completed = activity(now(plan), "aa");
        assertEquals(ActivityStatus.COMPLETED, completed.status());
        assertEquals(LocalDate.of(2021, 4, 1), completed.startedOn());
        assertEquals(LocalDate.of(2022, 5, 31), completed.closedOn());
        assertEquals("Klart", completed.closingNote());
    }

    @Test
    void aCancelledActivityIsClosedWithTheReasonGiven() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2021), "2021-03-01")
                .cancelled("aa", "Ersätts av arbetsmöten", "2021-06-01");

        ActivityFollowUpView cancelled = activity(now(plan), "aa");
        assertEquals(ActivityStatus.CANCELLED, cancelled.status());
        assertEquals(LocalDate.of(2021, 6, 1), cancelled.closedOn());
        assertEquals("Ersätts av arbetsmöten", cancelled.closingNote());
        assertFalse(cancelled.late());
    }

    @Test
    void theLatestNoteIsTheOneWithTheLatestBusinessDateEvenWhenAnOlderOneIsRecordedLater() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2023), "2021-03-01")
                .started("aa", "2021-04-01")
                .progressReported("aa", "September", "2021-09-30")
                .progressReported("aa", "Maj, inrapporterad sent", "2021-05-31");

        ActivityFollowUpView activity = activity(now(plan), "aa");
        assertEquals("September", activity.latestNote());
        assertEquals(LocalDate.of(2021, 9, 30), activity.latestNoteOn());
    }

    @Test
    void ofTwoNotesWithTheSameBusinessDateTheLaterRecordedCounts() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2023), "2021-03-01")
                .started("aa", "2021-04-01")
                .progressReported("aa", "första", "2021-09-30")
                .progressReported("aa", "andra", "2021-09-30");

        assertEquals("andra", activity(now(plan), "aa").latestNote());
    }

    @Test
    void anOpenActivityRunsLateOnlyOnceItsEndYearLiesBeforeTheReferenceYear() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("ends-2022", NETWORKING, AMN, Timeline.years(2021, 2022), "2021-03-01")
                .activityAdded("ends-2023", NETWORKING, AMN, Timeline.years(2021, 2023), "2021-03-01")
                .started("ends-2023", "2021-04-01");

        ActivityFollowUpReport report = now(plan);
        assertEquals(TODAY, report.lateAsOf());
        assertTrue(activity(report, "ends-2022").late(), "a timeline ending 2022 has passed in 2023");
        assertFalse(activity(report, "ends-2023").late(), "a timeline ending 2023 has not passed during 2023");
    }

    @Test
    void anOngoingActivityNeverRunsLate() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("ongoing", NETWORKING, AMN, Timeline.ongoing(), "2021-03-01")
                .activityAdded("ongoing-from-2021", NETWORKING, AMN, Timeline.ongoingFrom(2021), "2021-03-01");

        ActivityFollowUpReport report = fold(plan, null, null, LocalDate.of(2030, 1, 1));
        assertFalse(activity(report, "ongoing").late());
        assertFalse(activity(report, "ongoing-from-2021").late());
    }

    @Test
    void aCompletedActivityNeverRunsLate() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2021), "2021-03-01")
                .started("aa", "2021-04-01")
                .completed("aa", null, "2022-08-01");

        assertFalse(activity(now(plan), "aa").late());
    }

    @Test
    void aLaterRescheduleSupersedesTheTimelineAndWithItTheLateFlag() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2022), "2021-03-01")
                .started("aa", "2021-04-01");
        assertTrue(activity(now(plan), "aa").late());

        plan.rescheduled("aa", Timeline.years(2021, 2024), "2023-01-10");
        ActivityFollowUpView rescheduled = activity(now(plan), "aa");
        assertEquals(Timeline.years(2021, 2024), rescheduled.timeline());
        assertFalse(rescheduled.late());
    }

    @Test
    void asOfAMomentIgnoresEverythingRecordedAfterIt() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2022), "2021-03-01")
                .started("aa", "2021-04-01")
                .progressReported("aa", "Första rapporten", "2021-09-30");
        Instant shownToTheCommittee = plan.lastRecordedAt().plusSeconds(1);
        plan.recordedAt(Instant.parse("2023-02-01T09:00:00Z"))
                .progressReported("aa", "Rapport inrapporterad efteråt men daterad tidigare", "2021-08-01")
                .progressReported("aa", "Andra rapporten", "2022-03-01")
                .rescheduled("aa", Timeline.years(2021, 2024), "2023-02-01")
                .responsibilityChanged("aa", SBR, "2023-02-01")
                .completed("aa", "Klart", "2023-02-01")
                .activityAdded("added-later", NETWORKING, AMN, Timeline.ongoing(), "2023-02-01");

        ActivityFollowUpReport then = fold(plan, shownToTheCommittee, null, null);
        assertEquals(List.of("aa"), then.activities().stream().map(a -> a.activityId().value()).toList());
        ActivityFollowUpView asShown = activity(then, "aa");
        assertEquals(ActivityStatus.STARTED, asShown.status());
        assertEquals("Första rapporten", asShown.latestNote());
        assertEquals(AMN, asShown.responsibility().lead());
        assertEquals(Timeline.years(2021, 2022), asShown.timeline());
        assertEquals(LocalDate.of(2021, 3, 1), then.lateAsOf(), "the moment's own date in Sweden decides lateness");
        assertFalse(asShown.late());

        ActivityFollowUpView now = activity(now(plan), "aa");
        assertEquals(ActivityStatus.COMPLETED, now.status());
        assertEquals("Andra rapporten", now.latestNote());
        assertEquals(SBR, now.responsibility().lead());
    }

    @Test
    void aPlanNotYetRecordedAtTheMomentHasNoFollowUp() {
        FollowUpFixtures plan = planAdopted();
        Instant beforeAdoption = Instant.parse("2021-03-01T07:59:59Z");

        assertTrue(ActivityFollowUpFold.fold(plan.facts(), query(beforeAdoption, null, null)).isEmpty());
        assertTrue(ActivityFollowUpFold.fold(List.of(), query(null, null, null)).isEmpty());
    }

    @Test
    void aRangeEndIgnoresFactsDatedAfterItAndDecidesLateness() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2021), "2021-03-01")
                .activityAdded("bb", NETWORKING, AMN, Timeline.years(2021, 2022), "2021-03-01")
                .started("aa", "2021-04-01")
                .progressReported("aa", "2021 års rapport", "2021-11-01")
                .progressReported("aa", "2022 års rapport", "2022-02-01")
                .completed("aa", "Klart", "2022-03-01")
                .started("bb", "2022-09-01")
                .activityAdded("cc", PROCUREMENT, AMN, Timeline.ongoing(), "2022-06-01");

        ActivityFollowUpReport endOf2021 = fold(plan, null, null, LocalDate.of(2021, 12, 31));
        assertEquals(List.of("aa", "bb"), endOf2021.activities().stream().map(a -> a.activityId().value()).toList());
        assertEquals(ActivityStatus.STARTED, activity(endOf2021, "aa").status());
        assertEquals("2021 års rapport", activity(endOf2021, "aa").latestNote());
        assertFalse(activity(endOf2021, "aa").late(), "a timeline ending 2021 has not passed on 2021-12-31");
        assertEquals(ActivityStatus.NOT_STARTED, activity(endOf2021, "bb").status());

        ActivityFollowUpReport february2022 = fold(plan, null, null, LocalDate.of(2022, 2, 15));
        assertEquals(ActivityStatus.STARTED, activity(february2022, "aa").status());
        assertTrue(activity(february2022, "aa").late(), "not yet completed when 2021 had passed");
    }

    @Test
    void aRangeStartLimitsWhichNotesCountForThePeriod() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2024), "2021-03-01")
                .started("aa", "2021-04-01")
                .progressReported("aa", "2021 års rapport", "2021-11-01");

        ActivityFollowUpReport in2022 = fold(plan, null, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
        assertNull(activity(in2022, "aa").latestNote());
        assertEquals(ActivityStatus.STARTED, activity(in2022, "aa").status(), "the status is the one at the range end");

        ActivityFollowUpReport in2021 = fold(plan, null, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
        assertEquals("2021 års rapport", activity(in2021, "aa").latestNote());
    }

    @Test
    void groupsPerLeadFollowResponsibilityChangesWithCountsPerStatus() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2022), "2021-03-01")
                .activityAdded("bb", NETWORKING, AMN, Timeline.years(2021, 2024), "2021-03-01")
                .activityAdded("cc", PROCUREMENT, SBR, Timeline.ongoing(), "2021-03-01")
                .started("aa", "2021-04-01")
                .started("cc", "2021-04-01")
                .completed("cc", null, "2021-12-01");
        Instant beforeChange = plan.lastRecordedAt();
        plan.responsibilityChanged("bb", SBR, "2022-01-10");

        List<FollowUpGroup> before = fold(plan, beforeChange, null, null).byLead();
        assertEquals(List.of(AMN, SBR), before.stream().map(FollowUpGroup::name).toList());
        assertEquals(List.of("aa", "bb"), ids(before.get(0)));

        List<FollowUpGroup> after = now(plan).byLead();
        assertEquals(List.of("aa"), ids(after.get(0)));
        assertEquals(new StatusCounts(0, 1, 0, 0, 1), after.get(0).counts());
        assertEquals(List.of("bb", "cc"), ids(after.get(1)));
        assertEquals(new StatusCounts(1, 0, 1, 0, 0), after.get(1).counts());
    }

    @Test
    void groupsPerLeadListAJointActivityUnderEachLeadAndACollectiveOneUnderAllCommittees() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2022), "2021-03-01")
                .activityAdded("bb", NETWORKING, AMN, Timeline.years(2021, 2024), "2021-03-01")
                .activityAdded("cc", PROCUREMENT, "Samtliga nämnder", Timeline.ongoing(), "2021-03-01")
                .responsibilityChanged("bb", Responsibility.jointly(List.of(SBR, AMN), List.of()), "2022-01-10");

        List<FollowUpGroup> groups = now(plan).byLead();
        assertEquals(List.of(AMN, "samtliga nämnder", SBR), groups.stream().map(FollowUpGroup::name).toList());
        assertEquals(List.of("aa", "bb"), ids(groups.get(0)));
        assertEquals(List.of("cc"), ids(groups.get(1)));
        assertEquals(List.of("bb"), ids(groups.get(2)));
    }

    @Test
    void groupsPerAreaFollowThePlansOrderAndListAreasWithoutActivities() {
        FollowUpFixtures plan = planAdopted()
                .activityAdded("aa", NETWORKING, AMN, Timeline.years(2021, 2022), "2021-03-01")
                .activityAdded("bb", NETWORKING, SBR, Timeline.years(2021, 2024), "2021-03-01")
                .cancelled("bb", "Ersatt", "2021-05-01");

        List<FollowUpGroup> areas = now(plan).byArea();
        assertEquals(List.of("natverkande", "upphandling"), areas.stream().map(FollowUpGroup::key).toList());
        assertEquals("Nätverkande", areas.get(0).name());
        assertEquals(new StatusCounts(1, 0, 0, 1, 1), areas.get(0).counts());
        assertEquals(new StatusCounts(0, 0, 0, 0, 0), areas.get(1).counts());
        assertEquals("Nätverkande", activity(now(plan), "aa").areaName());
    }

    @Test
    void aPlanRevisionRetitlesTheReportOnlyFromItsRecording() {
        FollowUpFixtures plan = planAdopted();
        Instant beforeRevision = plan.lastRecordedAt();
        plan.recordedAt(Instant.parse("2022-01-01T10:00:00Z"));
        List<FollowUpFact> facts = new java.util.ArrayList<>(plan.facts());
        facts.add(FollowUpFact.planFact(new FollowUpFact.Recording("revision", 99, Instant.parse(
                "2022-01-01T10:00:00Z"), "coordinator"), PLAN, FollowUpFact.FactType.PLAN_REVISED,
                LocalDate.of(2022, 1, 1), "Reviderad plan", null, new PlanPeriod(2021, 2025), "Förlängd"));

        assertEquals("Reviderad plan", ActivityFollowUpFold.fold(facts, query(null, null, null))
                .orElseThrow().plan().title());
        assertEquals("Testkommun", ActivityFollowUpFold.fold(facts, query(null, null, null))
                .orElseThrow().plan().municipality());
        assertEquals("Handlingsplan för ASF", ActivityFollowUpFold.fold(facts, query(beforeRevision, null, null))
                .orElseThrow().plan().title());
    }

    @Test
    void aRangeMustNotEndBeforeItStarts() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> query(null, LocalDate.of(2022, 1, 1), LocalDate.of(2021, 12, 31)));
        assertEquals("the range start 2022-01-01 lies after its end 2021-12-31", refused.getMessage());
    }

    private static ActivityFollowUpReport now(FollowUpFixtures plan) {
        return fold(plan, null, null, null);
    }

    private static ActivityFollowUpReport fold(FollowUpFixtures plan, Instant asOf, LocalDate from, LocalDate to) {
        return ActivityFollowUpFold.fold(plan.facts(), query(asOf, from, to)).orElseThrow();
    }

    private static FindActivityFollowUpQuery query(Instant asOf, LocalDate from, LocalDate to) {
        return new FindActivityFollowUpQuery(PLAN, asOf, from, to, TODAY);
    }

    private static ActivityFollowUpView activity(ActivityFollowUpReport report, String activityId) {
        return report.activities().stream().filter(a -> a.activityId().value().equals(activityId)).findFirst()
                .orElseThrow(() -> new AssertionError("no activity " + activityId));
    }

    private static List<String> ids(FollowUpGroup group) {
        return group.activities().stream().map(a -> a.activityId().value()).toList();
    }
}
