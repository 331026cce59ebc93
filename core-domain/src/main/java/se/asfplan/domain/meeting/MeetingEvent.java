package se.asfplan.domain.meeting;

import java.time.LocalDate;

/** What every event in a meeting's history says: which meeting, and the business date it happened on. */
public interface MeetingEvent {

    MeetingId meetingId();

    LocalDate occurredOn();
}
