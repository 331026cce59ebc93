package se.asfplan.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventAvailabilityTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    /** No periodic look within a test, unless the test makes its own: what signals is the commit. */
    private final EventAvailability availability = new EventAvailability(3_600_000);

    @AfterEach
    void close() {
        availability.close();
        store.shutDown();
    }

    @Test
    void aStreamAcceptsTheCallbackAndReadsTheStoresEvents() throws Exception {
        AtomicInteger signalled = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = availability.source(store).openStream(null)) {
            assertThat(stream.setOnAvailableCallback(signalled::incrementAndGet)).isTrue();
            assertThat(availability.listening()).isEqualTo(1);

            store.publish(GenericEventMessage.asEventMessage("recorded"));

            assertThat(stream.hasNextAvailable(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("recorded");
            Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> signalled.get() > 0);
        }
        assertThat(availability.listening()).as("a closed stream no longer listens").isZero();
    }

    @Test
    void signalsSoonAfterACommitThatPublishedEventsNotBefore() throws Exception {
        AtomicInteger signalled = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = availability.source(store).openStream(null)) {
            stream.setOnAvailableCallback(signalled::incrementAndGet);
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            store.publish(GenericEventMessage.asEventMessage("recorded"));
            Thread.sleep(150);
            int beforeCommit = signalled.get();
            assertThat(beforeCommit).as("nothing is committed yet").isZero();
            unitOfWork.commit();
            Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
                    .until(() -> signalled.get() > 0);
        }
    }

    @Test
    void signalsPeriodicallyForEventsOtherNodesAppend() {
        AtomicInteger signalled = new AtomicInteger();
        EventAvailability periodic = new EventAvailability(50);
        BlockingStream<TrackedEventMessage<?>> stream = periodic.source(store).openStream(null);
        stream.setOnAvailableCallback(signalled::incrementAndGet);
        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> signalled.get() >= 2);
        stream.close();
        periodic.close();
    }
}
