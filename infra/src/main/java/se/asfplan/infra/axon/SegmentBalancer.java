package se.asfplan.infra.axon;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares each event processor's segments among the nodes (instances of the service) on one database. Without Axon
 * Server a pooled processor claims every unclaimed segment, so the first node to start would hold them all and a
 * second node would only ever stand by. Every few seconds each node records that it is alive in {@code tracker_node},
 * counts the live nodes, and per processor compares the segments it processes with its share (the segments divided
 * by the live nodes, rounded up): above its share it releases one for a while, so that another node claims it; below
 * it, it claims free segments (unclaimed, or claims that timed out) at once instead of waiting for the processor's
 * next claim round, which also ends a release of its own that is no longer needed. A node alone holds every segment.
 * A node that stops misses its heartbeat, counts as gone two intervals after its last one, and the others claim its
 * segments as soon as its claims time out. Only the processors Axon's configuration knows are balanced (a rebuild's
 * processor runs where it was started), and only service nodes take part: a command-line run is short and never
 * counts as a node. Segments whose status says failed do not count as held ({@link ProcessingSegments}).
 */
@Component
@ConditionalOnWebApplication
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final Clock clock;
    private final Duration interval;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private volatile ScheduledExecutorService executor;

    public SegmentBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing, TokenStore tokenStore,
                           Clock clock, @Value("${tracker.cluster.balance-interval:PT5S}") Duration interval) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * A node is live while its row is younger than two intervals: a node that misses one heartbeat no longer counts,
     * so the others take its segments over as soon as its claims time out. A live node wrongly taken for gone costs
     * nothing: the others only claim segments that are free.
     */
    private Duration liveness() {
        return interval.multipliedBy(2);
    }

    /** One round: say this node is alive, then give back what exceeds its share or claim what it lacks. Failures wait
     * for the next round. */
    void balance() {
        try {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            if (jdbc.update("update tracker_node set last_seen = ? where node_id = ?", now, node) == 0) {
                jdbc.update("insert into tracker_node (node_id, last_seen) values (?, ?)", node, now);
            }
            jdbc.update("delete from tracker_node where last_seen < ?", now.minus(Duration.ofHours(1)));
            Integer live = jdbc.queryForObject("select count(*) from tracker_node where last_seen >= ?",
                    Integer.class, now.minus(liveness()));
            int nodes = Math.max(1, live == null ? 1 : live);
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    balance(name, streaming, nodes);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Balancing segments failed; trying again in {}", interval, e);
        }
    }

    private void balance(String name, StreamingEventProcessor processor, int nodes) {
        Set<Integer> held = ProcessingSegments.active(processor).keySet();
        int segments = tokenStore.fetchSegments(name).length;
        int share = (segments + nodes - 1) / nodes;
        if (held.size() > share) {
            int segment = held.stream().max(Comparator.naturalOrder()).orElseThrow();
            log.info("{} holds {} of {} segments of {} with {} nodes live; releasing segment {}", node,
                    held.size(), segments, name, nodes, segment);
            processor.releaseSegment(segment, liveness().toMillis(), TimeUnit.MILLISECONDS);
        } else if (held.size() < share) {
            List<Integer> free = tokenStore.fetchAvailableSegments(name).stream()
                    .map(Segment::getSegmentId)
                    .filter(segment -> !held.contains(segment))
                    .sorted()
                    .limit(share - held.size())
                    .toList();
            for (int segment : free) {
                log.info("{} holds {} of {} segments of {} with {} nodes live; claiming free segment {}", node,
                        held.size(), segments, name, nodes, segment);
                processor.claimSegment(segment).whenComplete((claimed, failure) -> {
                    if (failure != null || !Boolean.TRUE.equals(claimed)) {
                        log.debug("{} could not claim segment {} of {}; another node was quicker", node, segment,
                                name, failure);
                    }
                });
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, "segment-balancer"));
        scheduled.scheduleWithFixedDelay(this::balance, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = scheduled;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduled = executor;
        executor = null;
        if (scheduled != null) {
            scheduled.shutdownNow();
        }
        try {
            jdbc.update("delete from tracker_node where node_id = ?", node);
        } catch (RuntimeException e) {
            log.debug("Could not remove node {} from tracker_node", node, e);
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Starts after Axon's processors and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
