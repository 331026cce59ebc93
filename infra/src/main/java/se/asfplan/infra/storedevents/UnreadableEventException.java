package se.asfplan.infra.storedevents;

import se.asfplan.domain.shared.RecordRule;
import se.asfplan.domain.shared.RuleViolationException;

/**
 * A command's record has a stored event that cannot be read, so the record's state is unknown and the command is
 * refused ({@link RecordRule#STORED_EVENTS_MUST_BE_READABLE}, 409) rather than failing with a server error. The
 * event is recorded in {@link StoredEventProblems}, which health shows.
 */
public class UnreadableEventException extends RuleViolationException {

    private final String eventId;
    private final String aggregateId;
    private final long sequenceNumber;

    public UnreadableEventException(String eventId, String aggregateId, long sequenceNumber, String payloadType) {
        super(RecordRule.STORED_EVENTS_MUST_BE_READABLE, "The record " + aggregateId + " has a stored event that "
                + "cannot be read (event " + eventId + ", number " + sequenceNumber + " of the record, type "
                + simpleName(payloadType) + "), so it cannot change until the event is repaired or read by an upcaster;"
                + " health (/actuator/health/storedEvents) names it");
        this.eventId = eventId;
        this.aggregateId = aggregateId;
        this.sequenceNumber = sequenceNumber;
    }

    public String eventId() {
        return eventId;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }

    static String simpleName(String payloadType) {
        return payloadType == null ? "?" : payloadType.substring(payloadType.lastIndexOf('.') + 1)
                .substring(payloadType.substring(payloadType.lastIndexOf('.') + 1).lastIndexOf('$') + 1);
    }
}
