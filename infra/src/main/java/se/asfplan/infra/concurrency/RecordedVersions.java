package se.asfplan.infra.concurrency;

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
 * client sends back as its expected version.
 * <p>
 * The events are seen by a dispatch interceptor on the event bus, which Axon calls while it prepares the command's
 * unit of work for commit, on the thread that sends the command (Axon's local command bus handles commands on the
 * sending thread). Were commands ever handled on other threads, the answer would be empty, never wrong.
 */
public final class RecordedVersions implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final ThreadLocal<Map<String, Long>> CAPTURING = new ThreadLocal<>();

    /**
     * Runs the sending and answers the versions its events reached. Only events that are part of a successful
     * sending count: when it throws, nothing is answered.
     */
    public static Map<String, Long> capture(Runnable sending) {
        Map<String, Long> outer = CAPTURING.get();
        Map<String, Long> versions = new HashMap<>();
        CAPTURING.set(versions);
        try {
            sending.run();
            return Map.copyOf(versions);
        } finally {
            if (outer == null) {
                CAPTURING.remove();
            } else {
                outer.putAll(versions);
                CAPTURING.set(outer);
            }
        }
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            Map<String, Long> versions = CAPTURING.get();
            if (versions != null && message instanceof DomainEventMessage<?> event
                    && event.getAggregateIdentifier() != null) {
                versions.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
            }
            return message;
        };
    }
}
