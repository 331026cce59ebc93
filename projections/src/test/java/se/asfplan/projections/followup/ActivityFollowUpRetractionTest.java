package se.asfplan.projections.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpReport;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpView;
import se.asfplan.projections.followup.FollowUpQueries.FindActivityFollowUpQuery;
import se.asfplan.projections.support.Retraction;

/** The activity follow-up folds as if a retracted step or note never happened, once the retraction is recorded. */
class ActivityFollowUpRetractionTest {

    private static final LocalDate TODAY = LocalDate.of(2023, 6, 15);
    private static final Instant RETRACTED_AT = Instant.parse("2023-06-01T08:00:00Z");

    private static FollowUpFact last(FollowUpFixtures plan) {
        List<FollowUpFact> facts = plan.facts();
        return facts.get(facts.size() - 1);
    }

    private static Retraction retraction(FollowUpFact retracted) {
        return new Retraction("retraction", 999, RETRACTED_AT, "coordinator", TODAY, "Fel aktivitet",
                retracted.eventId());
    }

    private static ActivityFollowUpView activity(FollowUpFixtures plan, List<Retraction> retractions,
                                                 Instant asOf) {
        ActivityFollowUpReport report = ActivityFollowUpFold.fold(plan.facts(), retractions,
                new FindActivityFollowUpQuery(FollowUpFixtures.PLAN, asOf, null, null, TODAY)).orElseThrow();
        return report.activities().stream().filter(view -> view.activityId().equals(new ActivityId("aa")))
                .findFirst().orElseThrow();
    }

    @Test
    void aRetractedCompletionLeavesTheActivityStartedFromTheRetractionOn() {
        FollowUpFixtures plan = FollowUpFixtures.planAdopted()
                .activityAdded("aa", FollowUpFixtures.NETWORKING, FollowUpFixtures.AMN, Timeline.years(2021, 2024),
                        "2021-03-01")
                .started("aa", "2021-04-01")
                .completed("aa", "Klar", "2021-11-30");
        List<Retraction> retractions = List.of(retraction(last(plan)));

        ActivityFollowUpView now = activity(plan, retractions, null);
        assertEquals(ActivityStatus.STARTED, now.status());
        assertNull(now.closedOn());
        assertEquals(ActivityStatus.COMPLETED, activity(plan, retractions, RETRACTED_AT.minusSeconds(1)).status());
    }

    @Test
    void aRetractedProgressNoteIsNoLongerTheLatestNote() {
        FollowUpFixtures plan = FollowUpFixtures.planAdopted()
                .activityAdded("aa", FollowUpFixtures.NETWORKING, FollowUpFixtures.AMN, Timeline.years(2021, 2024),
                        "2021-03-01")
                .started("aa", "2021-04-01")
                .progressReported("aa", "Tre träffar", "2021-05-01")
                .progressReported("aa", "Fel aktivitet", "2021-06-01");
        List<Retraction> retractions = List.of(retraction(last(plan)));

        assertEquals("Tre träffar", activity(plan, retractions, null).latestNote());
        assertEquals("Fel aktivitet", activity(plan, retractions, RETRACTED_AT.minusSeconds(1)).latestNote());
    }
}
