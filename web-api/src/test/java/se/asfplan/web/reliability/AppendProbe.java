package se.asfplan.web.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A test-only event and a test-only tracking processor ({@value #GROUP}, Axon's default tracking processor, which
 * detects gaps in {@code global_index} like every streaming processor) that counts how often it saw each probe.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AppendProbe {

    public static final String GROUP = "append-probe";

    /** A probe event; each has its own aggregate, so probes are independent of each other. */
    public record ProbeEvent(String probeId) {
    }

    @Bean
    Seen seen() {
        return new Seen();
    }

    /** Publishes one probe in the current transaction (joining it) or in one of its own. */
    static void publish(EventStore eventStore, String probeId) {
        eventStore.publish(new GenericDomainEventMessage<>("Probe", probeId, 0, new ProbeEvent(probeId)));
    }

    static void publishInTransaction(TransactionTemplate transactions, EventStore eventStore, String probeId) {
        transactions.executeWithoutResult(status -> publish(eventStore, probeId));
    }

    /** What the probe processor handled: how often per probe, and in which order. */
    @ProcessingGroup(GROUP)
    public static class Seen {

        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final List<String> order = new CopyOnWriteArrayList<>();
        private final Map<String, Long> positions = new ConcurrentHashMap<>();

        @EventHandler
        void on(ProbeEvent event, TrackingToken token) {
            counts.computeIfAbsent(event.probeId(), id -> new AtomicInteger()).incrementAndGet();
            order.add(event.probeId());
            positions.put(event.probeId(), token.position().orElse(-1));
        }

        public int count(String probeId) {
            AtomicInteger count = counts.get(probeId);
            return count == null ? 0 : count.get();
        }

        public List<String> order() {
            return List.copyOf(order);
        }

        public long position(String probeId) {
            return positions.getOrDefault(probeId, -1L);
        }
    }
}
