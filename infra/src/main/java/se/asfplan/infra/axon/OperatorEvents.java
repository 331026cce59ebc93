package se.asfplan.infra.axon;

import java.util.List;

/**
 * What an operator did to the running system that the log must remember, with who did it (the event's
 * {@code recordedBy}) and why. These are not facts of a record: they are stored in the log without an aggregate
 * (Axon gives such an event its own id as stream and 0 as number), and no read model counts them. Like every
 * stored event they are a persisted contract: never rename or reshape one without an upcaster.
 */
public final class OperatorEvents {

    private OperatorEvents() {
    }

    /**
     * A parked event was taken out of a projection's dead-letter queue without being handled: the projection
     * {@code processingGroup} will never apply the event {@code eventId} (of type {@code eventType}, number
     * {@code sequenceNumber} of the record {@code aggregateId}); {@code cause} is why it was parked, {@code reason}
     * the operator's.
     */
    public record DeadLetterEvictedEvent(String processingGroup, String eventId, String eventType, String aggregateId,
                                         Long sequenceNumber, String cause, String reason) {
    }

    /** Every operator event type, for tools that must know them all (serialisation checks). */
    public static final List<Class<?>> ALL = List.of(DeadLetterEvictedEvent.class);
}
