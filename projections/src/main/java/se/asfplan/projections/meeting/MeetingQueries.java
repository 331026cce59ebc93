package se.asfplan.projections.meeting;

import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.domain.meeting.MeetingKind;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;

/** The questions the meetings read model answers, and the view it answers them with. */
public final class MeetingQueries {

    private MeetingQueries() {
    }

    /** All meetings, newest first, optionally of one kind or with one participating enterprise. */
    public record FindMeetingsQuery(MeetingKind kind, EnterpriseId participant) {
    }

    /** One page of the list {@link FindMeetingsQuery} answers, cut in the database: a {@link MeetingPage}. */
    public record FindMeetingPageQuery(MeetingKind kind, EnterpriseId participant, long offset, int limit) {
    }

    /** A page of {@link FindMeetingPageQuery}: the page's meetings and how many the whole list holds. */
    public record MeetingPage(List<MeetingView> items, long total) {
    }

    /** One meeting; empty when no such meeting is recorded. */
    public record FindMeetingQuery(MeetingId meetingId) {
    }

    /** Every meeting that names the given plan activity as the one it carries out. */
    public record FindMeetingsCarryingOutQuery(PlanId planId, ActivityId activityId) {
    }

    /** A meeting with its current participants; {@code correctedOn} is set once the list was corrected. */
    /**
     * A meeting; {@code heldEventId} is the event id a retraction names, {@code retractedOn} and
     * {@code retractionReason} are set once the meeting is retracted (it then counts nowhere).
     */
    public record MeetingView(MeetingId meetingId, MeetingKind kind, String title, String organiser,
                              LocalDate occurredOn, List<EnterpriseId> participants,
                              PlanActivityReference carriesOut, LocalDate correctedOn, String correctionReason,
                              long version, String heldEventId, LocalDate retractedOn, String retractionReason) {
    }
}
