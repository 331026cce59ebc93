package se.asfplan.domain.meeting;

import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.shared.FactName;

/**
 * What happened to a meeting. These records are the persisted contract of the event store: never rename, move
 * or reshape one without a revision and an upcaster. Participants are enterprises, never people.
 */
public final class MeetingEvents {

    private MeetingEvents() {
    }

    @FactName("MeetingHeldEvent")
    public record MeetingHeldEvent(MeetingId meetingId, MeetingKind kind, String title, String organiser,
                                   LocalDate occurredOn, List<EnterpriseId> participants,
                                   PlanActivityReference carriesOut) implements MeetingEvent {
    }

    /** The participant list replaced by a corrected one; {@code occurredOn} is the day of the correction. */
    public record MeetingParticipantsCorrectedEvent(MeetingId meetingId, List<EnterpriseId> participants,
                                                    String reason, LocalDate occurredOn) implements MeetingEvent {
    }

    /**
     * A fact of the meeting recorded in error is retracted: the event {@code retractedEventId}, a
     * {@code retractedFact} (what it was, {@code MeetingHeldEvent}), no longer counts from the moment this event
     * is recorded; {@code occurredOn} is the day of the retraction.
     * {@code retractedFact} is the stored name of a {@link se.asfplan.domain.shared.FactName}: it never changes,
     * even when the retracted event's class is renamed.
     */
    public record MeetingFactRetractedEvent(MeetingId meetingId, String retractedEventId, String retractedFact,
                                            String reason, LocalDate occurredOn) implements MeetingEvent {
    }

    /** Every meeting event type, for tools that must know them all (serialisation checks, projections). */
    public static final List<Class<? extends MeetingEvent>> ALL = List.of(MeetingHeldEvent.class,
            MeetingParticipantsCorrectedEvent.class, MeetingFactRetractedEvent.class);
}
