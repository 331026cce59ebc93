package se.asfplan.infra.storedevents;

import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * Reads each event the storage engine hands out, so that nothing is dropped without a trace: an event whose payload
 * cannot be read is recorded with its position and record, and so is an event of a type this release has no class
 * for (which no handler would see). Loading a record for a command, an unreadable event refuses the command
 * ({@link UnreadableEventException}); read by the event processors it goes on to them, where the handler meets the
 * same failure and the event is parked in the dead-letter queue with its cause.
 */
public class StoredEventChecks {

    private final StoredEventProblems problems;

    public StoredEventChecks(StoredEventProblems problems) {
        this.problems = problems;
    }

    /** A record's events, for loading it: the first unreadable one ends the stream with a refusal. */
    public DomainEventStream checked(DomainEventStream events) {
        Stream<? extends DomainEventMessage<?>> checked = events.asStream().map(event -> {
            if (!readable(event, null, true)) {
                throw new UnreadableEventException(event.getIdentifier(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), event.getPayloadType().getName());
            }
            return event;
        });
        return DomainEventStream.of(checked, events::getLastSequenceNumber);
    }

    /** The log as the processors read it: problems are recorded, every event goes on. */
    public <T extends TrackedEventMessage<?>> Stream<T> checkedTracked(Stream<T> events) {
        return events.map(event -> {
            Long position = event.trackingToken() == null ? null
                    : event.trackingToken().position().isPresent() ? event.trackingToken().position().getAsLong() : null;
            readable(event, position, false);
            return event;
        });
    }

    private boolean readable(EventMessage<?> event, Long position, boolean loadingRecord) {
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Object payload;
        try {
            payload = event.getPayload();
        } catch (SerializationException e) {
            problems.unreadable(event.getIdentifier(), position, aggregateType, aggregateId, sequence,
                    storedType(event), e);
            return false;
        }
        if (payload instanceof UnknownSerializedType unknown) {
            problems.unknownType(event.getIdentifier(), position, aggregateType, aggregateId, sequence,
                    unknown.serializedType().getName());
        }
        return true;
    }

    private static String storedType(EventMessage<?> event) {
        try {
            return event.getPayloadType().getName();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
