package se.asfplan.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.asfplan.infra.axon.SerialisedAppendsEventStorageEngine;
import se.asfplan.web.reliability.AppendProbe.ProbeEvent;
import se.asfplan.web.reliability.AppendProbe.Seen;

/**
 * No event is skipped because its transaction commits after a newer one (Axon's gap-timeout problem). Appends are
 * serialised by {@link SerialisedAppendsEventStorageEngine}; these tests hold one append open past the (here
 * shortened, see {@link ReliabilityTest}) gap timeout while others try to append, and check that every event reaches a processor exactly once;
 * that Axon's plain engine does skip the late event in the same situation; that a rolled-back append's permanent
 * gap does not stall processing; and they print what serialising costs in appends per second.
 */
class EventAppendOrderIT extends ReliabilityTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PlatformTransactionManager platformTransactions;
    @Autowired
    Seen seen;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    EventSchema eventSchema;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private TransactionTemplate transactions;
    private ExecutorService threads;

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(platformTransactions);
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        processing.eventProcessor(AppendProbe.GROUP).ifPresent(processor -> {
            if (!processor.isRunning()) {
                processor.start();
            }
        });
    }

    @Test
    void theStorageEngineIsTheSerialisingOne() {
        assertThat(storageEngine).isInstanceOf(SerialisedAppendsEventStorageEngine.class);
    }

    /**
     * The worst case for the plain engine: the processor is behind (here: stopped) while one append stays open past
     * the gap timeout and others want to commit; when it reads on, the newer events are older than the gap
     * timeout. With serialised appends the others wait for the open one, so nothing commits behind it.
     */
    @Test
    void anAppendHeldOpenPastTheGapTimeoutIsNeitherSkippedNorDuplicated() throws Exception {
        String held = "held-" + run;
        List<String> others = IntStream.range(0, 4).mapToObj(i -> "other-" + i + "-" + run).toList();
        AppendProbe.publishInTransaction(transactions, eventStore, "before-" + run);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> seen.count("before-" + run) == 1);
        processing.eventProcessor(AppendProbe.GROUP).orElseThrow().shutDown();

        CountDownLatch heldAppended = new CountDownLatch(1);
        CountDownLatch releaseHeld = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(status -> {
            AppendProbe.publish(eventStore, held);
            heldAppended.countDown();
            await(releaseHeld);
        }));
        assertThat(heldAppended.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> appends = new ArrayList<>();
        for (String other : others) {
            appends.add(threads.submit(() -> AppendProbe.publishInTransaction(transactions, eventStore, other)));
        }
        Thread.sleep(GAP_TIMEOUT_MS + 1500);
        assertThat(appends).as("appends wait for the open one instead of committing ahead of it")
                .noneMatch(Future::isDone);

        processing.eventProcessor(AppendProbe.GROUP).orElseThrow().start();
        Thread.sleep(1000);
        releaseHeld.countDown();
        holder.get(10, TimeUnit.SECONDS);
        for (Future<?> append : appends) {
            append.get(10, TimeUnit.SECONDS);
        }

        List<String> all = Stream.concat(Stream.of(held), others.stream()).toList();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> all.stream().allMatch(id -> seen.count(id) > 0));
        Thread.sleep(1000);
        assertThat(all).allSatisfy(id -> assertThat(seen.count(id)).as(id).isEqualTo(1));
        assertThat(seen.position(held)).as("the held append commits first, so it has the lowest index")
                .isLessThan(others.stream().mapToLong(seen::position).min().orElseThrow());
    }

    /**
     * The same situation on Axon's plain engine, read the way a tracking processor reads: the newer events commit,
     * the reader reads them after the gap timeout and gives up the gap, and the late event is never delivered.
     * The serialising engine, in the same steps, delivers it.
     */
    @Test
    void axonsPlainEngineSkipsTheLateEventTheSerialisingOneDoesNot() throws Exception {
        JdbcEventStorageEngine plain = engineBuilder().build();
        assertThat(delivered(plain, "plain")).as("plain engine delivers the held event").isFalse();
        assertThat(delivered(storageEngine, "serialised")).as("serialising engine delivers the held event").isTrue();
    }

    /** Holds one append open past the gap timeout while others append; true when a reader gets the held event. */
    private boolean delivered(EventStorageEngine engine, String label) throws Exception {
        String held = label + "-held-" + run;
        TrackingToken start = engine.createHeadToken();
        CountDownLatch heldAppended = new CountDownLatch(1);
        CountDownLatch releaseHeld = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(status -> {
            engine.appendEvents(probe(held));
            heldAppended.countDown();
            await(releaseHeld);
        }));
        assertThat(heldAppended.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> appends = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String other = label + "-other-" + i + "-" + run;
            appends.add(threads.submit(() -> transactions.executeWithoutResult(
                    status -> engine.appendEvents(probe(other)))));
        }
        Thread.sleep(GAP_TIMEOUT_MS + 1500);
        List<String> read = new ArrayList<>();
        TrackingToken token = readAll(engine, start, read);
        releaseHeld.countDown();
        holder.get(10, TimeUnit.SECONDS);
        for (Future<?> append : appends) {
            append.get(10, TimeUnit.SECONDS);
        }
        readAll(engine, token, read);
        System.out.printf("[append-order] %s engine: read %s%n", label, read);
        assertThat(read).as("the newer events are always read")
                .contains(label + "-other-0-" + run, label + "-other-1-" + run, label + "-other-2-" + run)
                .doesNotHaveDuplicates();
        return read.contains(held);
    }

    /** Reads everything after the token, as far as it goes, adding the probe ids; returns the last token. */
    private TrackingToken readAll(EventStorageEngine engine, TrackingToken from, List<String> read) {
        TrackingToken token = from;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
            java.util.Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (event.getPayload() instanceof ProbeEvent probe) {
                    read.add(probe.probeId());
                }
                token = event.trackingToken();
            }
        }
        return token;
    }

    /** A rollback leaves a permanent gap in global_index; later events are handled at once, not after a wait. */
    @Test
    void aRolledBackAppendsGapDoesNotStallProcessing() {
        String rolledBack = "rolled-back-" + run;
        transactions.executeWithoutResult(status -> {
            AppendProbe.publish(eventStore, rolledBack);
            status.setRollbackOnly();
        });
        List<String> later = IntStream.range(0, 3).mapToObj(i -> "after-rollback-" + i + "-" + run).toList();
        long start = System.nanoTime();
        later.forEach(id -> AppendProbe.publishInTransaction(transactions, eventStore, id));
        Awaitility.await().atMost(Duration.ofMillis(GAP_TIMEOUT_MS)).pollInterval(Duration.ofMillis(50))
                .until(() -> later.stream().allMatch(id -> seen.count(id) == 1));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("[append-order] events after a rolled-back append handled within %d ms (gap timeout %d ms)%n",
                millis, GAP_TIMEOUT_MS);
        assertThat(seen.count(rolledBack)).isZero();
        Long gaps = jdbc.queryForObject("select max(global_index) - min(global_index) + 1 - count(*) "
                + "from domain_event_entry", Long.class);
        assertThat(gaps).as("the rollback left a gap in global_index").isPositive();

        // once the gap timeout has passed, the processor's token forgets the gap, so the processed position (which
        // the reports show) passes it
        Awaitility.await().atMost(Duration.ofMillis(GAP_TIMEOUT_MS * 4L)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    AppendProbe.publishInTransaction(transactions, eventStore, "tick-" + UUID.randomUUID());
                    return probeGaps().isEmpty();
                });
    }

    private java.util.Set<Long> probeGaps() {
        java.util.Set<Long> gaps = new java.util.TreeSet<>();
        processing.eventProcessor(AppendProbe.GROUP, StreamingEventProcessor.class).orElseThrow()
                .processingStatus().values().forEach(status -> {
                    if (status.getTrackingToken() instanceof GapAwareTrackingToken token) {
                        gaps.addAll(token.getGaps());
                    }
                });
        return gaps;
    }

    /** What serialising costs: concurrent single-event appends per second, serialised and plain. */
    @Test
    void measuresTheThroughputOfSerialisedAppends() throws Exception {
        JdbcEventStorageEngine plain = engineBuilder().build();
        int threadCount = 4;
        int perThread = 100;
        appendsPerSecond(plain, "warm-up", threadCount, 20);
        appendsPerSecond(storageEngine, "warm-up", threadCount, 20);
        double plainRate = appendsPerSecond(plain, "plain", threadCount, perThread);
        double serialisedRate = appendsPerSecond(storageEngine, "serialised", threadCount, perThread);
        System.out.printf("[append-order] %d threads x %d single-event appends: plain %.0f events/s, "
                + "serialised %.0f events/s (%.0f%%)%n", threadCount, perThread, plainRate, serialisedRate,
                100 * serialisedRate / plainRate);
        Long stored = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?",
                Long.class, "%-bench-%-" + run);
        assertThat(stored).isEqualTo(2L * threadCount * perThread + 2L * threadCount * 20);
    }

    private double appendsPerSecond(EventStorageEngine engine, String label, int threadCount, int perThread)
            throws Exception {
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        String prefix = label + "-" + (engine instanceof SerialisedAppendsEventStorageEngine ? "s" : "p");
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            workers.add(threads.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String id = prefix + "-bench-" + thread + "-" + i + "-" + run;
                    transactions.executeWithoutResult(status -> engine.appendEvents(probe(id)));
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return threadCount * perThread / seconds;
    }

    private JdbcEventStorageEngine.Builder engineBuilder() {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .connectionProvider(connectionProvider)
                .transactionManager(axonTransactions)
                .schema(eventSchema)
                .gapTimeout(GAP_TIMEOUT_MS);
    }

    private static List<EventMessage<?>> probe(String probeId) {
        return List.of(new GenericDomainEventMessage<>("Probe", probeId, 0, new ProbeEvent(probeId)));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
