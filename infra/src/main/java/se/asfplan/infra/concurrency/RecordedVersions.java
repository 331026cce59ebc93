package se.asfplan.infra.concurrency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * The version each aggregate reached through the commands a caller sends: {@link #capture(Runnable)} runs the
 * sending and answers, per aggregate identifier, the sequence number of the last event it recorded — the version a
 * client sends back as its expected version. {@link #record(Runnable)} answers the identifiers of the events it
 * recorded as well (a client names one of them to retract it).
 * <p>
 * The events are seen by a dispatch interceptor on the event bus, which Axon calls while it prepares the command's
 * unit of work for commit, on the thread that sends the command (Axon's local command bus handles commands on the
 * sending thread). Were commands ever handled on other threads, the answer would be empty, never wrong.
 */
public final class RecordedVersions implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final ThreadLocal<Capture> CAPTURING = new ThreadLocal<>();

    /**
     * What a sending recorded: the version each aggregate reached and the identifiers of its events in the order
     * they were published.
     */
    public record Recording(Map<String, Long> versions, List<String> eventIds) {

        public Recording {
            versions = Map.copyOf(versions);
            eventIds = List.copyOf(eventIds);
        }
    }

    private record Capture(Map<String, Long> versions, List<String> eventIds) {
    }

    /**
     * Runs the sending and answers the versions its events reached. Only events that are part of a successful
     * sending count: when it throws, nothing is answered.
     */
    public static Map<String, Long> capture(Runnable sending) {
        return record(sending).versions();
    }

    /** Runs the sending and answers what it recorded; as {@link #capture(Runnable)}, nothing when it throws. */
    public static Recording record(Runnable sending) {
        Capture outer = CAPTURING.get();
        Capture capture = new Capture(new HashMap<>(), new ArrayList<>());
        CAPTURING.set(capture);
        try {
            sending.run();
            return new Recording(capture.versions(), capture.eventIds());
        } finally {
            if (outer == null) {
                CAPTURING.remove();
            } else {
                outer.versions().putAll(capture.versions());
                outer.eventIds().addAll(capture.eventIds());
                CAPTURING.set(outer);
            }
        }
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            Capture capture = CAPTURING.get();
            if (capture != null && message instanceof DomainEventMessage<?> event
                    && event.getAggregateIdentifier() != null) {
                capture.versions().merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
                if (!capture.eventIds().contains(event.getIdentifier())) {
                    capture.eventIds().add(event.getIdentifier());
                }
            }
            return message;
        };
    }
}
