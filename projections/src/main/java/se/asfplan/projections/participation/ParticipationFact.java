package se.asfplan.projections.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of {@code participation_fact}: a meeting held, a correction of its participants, or an enterprise's
 * participation in an event.
 *
 * @param kind     the meeting's or the participation's kind; null for a correction
 * @param occasion the meeting's identifier, or the event's name
 */
record ParticipationFact(String eventId, long globalIndex, Fact fact, String kind, String occasion,
                         LocalDate occurredOn, Instant recordedAt, List<String> participants) {

    /** What the row records; a {@code RETRACTION} names the retracted event as its {@code occasion}. */
    enum Fact { MEETING_HELD, PARTICIPANTS_CORRECTED, EVENT_PARTICIPATION, RETRACTION }

    ParticipationFact {
        participants = List.copyOf(participants);
    }

    boolean recordedBy(Instant asOf) {
        return asOf == null || !recordedAt.isAfter(asOf);
    }
}
