package se.asfplan.projections.rebuild;

import static se.asfplan.projections.generation.ProjectionGenerations.rebuildProcessor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.asfplan.projections.generation.GenerationTables;
import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;

/**
 * Rebuilds a projection from the event store into a new generation of its tables while the active generation keeps
 * answering queries and the live processor keeps folding new events, then switches.
 *
 * <p>The live processor of a group is the one Spring configures under the group's name; it writes the generation
 * active when it handles an event. A rebuild of generation N runs a second processor, named {@code group@N}, built
 * here with the same event store, token store and transaction manager, starting at the tail of the event store and
 * writing generation N only. The switch sets the active generation to N in one transaction: from then on the live
 * processor writes generation N too (a fact row is inserted only when absent, so an event both write counts once).
 * The rebuild's processor keeps running until it has passed the head as it was just after the switch, so every event
 * the live processor handled before the switch is in generation N; then it stops, its tokens are removed and the
 * rows of the other generations are deleted. No processor is stopped that the active generation depends on, so no
 * event is lost at the switch.
 *
 * <p>Every process of the application (the service, the command line) checks the generations once a second: it
 * runs the processor of a rebuild that the database names and no local processor runs yet (so a rebuild resumes
 * after a restart, and the service takes over one started from the command line; processors of the same name share
 * their segments through the token store), switches a rebuild started with {@code switchWhenCaughtUp} once it has
 * been caught up at two checks in a row, and retires its rebuild processors once their generation is active.
 *
 * <p>Every projection's tables carry a generation column, so every group can be rebuilt this way: every read model
 * is a {@link RebuildableProjection} bean, and Spring hands them all to this class, which names none of them.
 * The state projections among them (one row per aggregate, guarded by its last applied sequence number) need the
 * live processor to wait, after a switch, until the rebuild's processor has folded the event it is about to write
 * ({@link se.asfplan.projections.generation.StateGenerations}); a process that finds the tokens of the active
 * generation's rebuild processor, as after a restart between the switch and the processor's retirement, runs that
 * processor on until it has passed the head.
 */
@Component
public class ProjectionRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final int SEGMENTS = 2;
    private static final int BATCH_SIZE = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionGenerations generations;
    private final ProcessedPosition positions;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final Clock clock;
    private final GenerationTables tables;
    private final Map<String, RebuildableProjection> rebuildable;
    private final Map<String, LocalProcessor> local = new ConcurrentHashMap<>();
    private final Map<String, Integer> caughtUpChecks = new ConcurrentHashMap<>();
    /** The head read at the first check after a switch: the rebuild processor must pass it before it stops. */
    private final Map<String, Long> headsAfterSwitch = new ConcurrentHashMap<>();
    /** Groups whose rows of inactive generations are to be deleted: all at start, and one after each switch. */
    private final Map<String, Boolean> cleanupDue = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService checks;

    private record LocalProcessor(String group, int generation, PooledStreamingEventProcessor processor,
                                  ScheduledExecutorService coordinator, ScheduledExecutorService workers) {
    }

    public ProjectionRebuilds(JdbcTemplate jdbc, TransactionTemplate transactions, ProjectionGenerations generations,
                              ProcessedPosition positions, GenerationTables tables,
                              EventStore eventStore, TokenStore tokenStore,
                              TransactionManager transactionManager, Clock clock,
                              List<RebuildableProjection> projections) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.generations = generations;
        this.positions = positions;
        this.tables = tables;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.clock = clock;
        this.rebuildable = projections.stream().collect(Collectors.toUnmodifiableMap(
                RebuildableProjection::processingGroup, Function.identity(), (one, other) -> {
                    throw new IllegalStateException("two read models name the processing group "
                            + one.processingGroup() + ": " + one.getClass().getName() + " and "
                            + other.getClass().getName());
                }));
    }

    /** The groups that can be rebuilt into a new generation. */
    public List<String> groups() {
        return rebuildable.keySet().stream().sorted().toList();
    }

    /**
     * Starts rebuilding the group into the generation after the active one.
     *
     * @throws RebuildConflictException when a rebuild of the group is already under way
     */
    public RebuildStatus start(String group, boolean switchWhenCaughtUp) {
        RebuildableProjection projection = known(group);
        Integer generation = transactions.execute(status -> {
            int active = generations.of(group).active();
            int next = active + 1;
            int updated = jdbc.update("""
                    update projection_generation
                    set rebuilding_generation = ?, rebuild_started_at = ?, rebuild_start_position = ?,
                        switch_when_caught_up = ?
                    where processing_group = ? and active_generation = ? and rebuilding_generation is null""",
                    next, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), head(),
                    switchWhenCaughtUp, group, active);
            if (updated == 0) {
                throw new RebuildConflictException("a rebuild of " + group + " is already under way (generation "
                        + generations.of(group).rebuilding().map(String::valueOf).orElse("?")
                        + "); wait for it to switch, or switch it");
            }
            // nothing of an earlier generation of this number may remain: the rebuild starts from the tail
            jdbc.update("delete from token_entry where processor_name = ?", rebuildProcessor(group, next));
            tables.deleteGeneration(projection, next);
            return next;
        });
        runLocally(group, generation);
        log.info("Rebuilding {} into generation {} ({})", group, generation,
                switchWhenCaughtUp ? "switching when caught up" : "switching on request");
        return status(group);
    }

    /**
     * Makes the rebuilding generation the active one.
     *
     * @throws RebuildConflictException when no rebuild is under way or it has not caught up with the event store
     */
    public RebuildStatus switchOver(String group) {
        known(group);
        RebuildStatus status = status(group);
        if (status.rebuildingGeneration() == null) {
            throw new RebuildConflictException("no rebuild of " + group + " is under way; the active generation is "
                    + status.activeGeneration());
        }
        if (!status.caughtUp()) {
            throw new RebuildConflictException("generation " + status.rebuildingGeneration() + " of " + group
                    + " has reached position " + status.position() + " of " + status.head()
                    + "; it can be switched to once it has caught up");
        }
        int updated = jdbc.update("""
                update projection_generation
                set active_generation = rebuilding_generation, rebuilding_generation = null,
                    rebuild_started_at = null, rebuild_start_position = null, switch_when_caught_up = false
                where processing_group = ? and rebuilding_generation = ?""",
                group, status.rebuildingGeneration());
        if (updated == 0) {
            throw new RebuildConflictException("generation " + status.rebuildingGeneration() + " of " + group
                    + " was switched to or replaced meanwhile");
        }
        log.info("Switched {} to generation {}", group, status.rebuildingGeneration());
        return status(group);
    }

    /** Where the group's generations stand. */
    public RebuildStatus status(String group) {
        known(group);
        record Row(int active, Integer rebuilding, Instant startedAt, boolean switchWhenCaughtUp, long startHead) {
        }
        Row row = jdbc.queryForObject("""
                select active_generation, rebuilding_generation, rebuild_started_at, switch_when_caught_up,
                       rebuild_start_position
                from projection_generation where processing_group = ?""", (rs, n) -> {
            int rebuilding = rs.getInt("rebuilding_generation");
            Integer generation = rs.wasNull() ? null : rebuilding;
            OffsetDateTime started = rs.getObject("rebuild_started_at", OffsetDateTime.class);
            return new Row(rs.getInt("active_generation"), generation, started == null ? null : started.toInstant(),
                    rs.getBoolean("switch_when_caught_up"), rs.getLong("rebuild_start_position"));
        }, group);
        long head = head();
        if (row.rebuilding() == null) {
            return new RebuildStatus(group, row.active(), null, null, false, null, head, null, null, null, false);
        }
        // while new events arrive both processors trail the head by a batch or so, never exactly level: a rebuild
        // within one batch of where the live processor was a moment ago, and past the head at its start, has caught up. The switch loses nothing
        // either way: the rebuild's processor runs on past the head read after the switch before it stops
        long live = positions.of(group).orElse(head);
        OptionalLong folded = positions.of(rebuildProcessor(group, row.rebuilding()));
        Long position = folded.isPresent() ? folded.getAsLong() : null;
        Double percent = position == null ? 0.0 : head == 0 ? 100.0 : Math.min(100.0, 100.0 * position / head);
        double seconds = Math.max(0.001, Duration.between(row.startedAt(), clock.instant()).toMillis() / 1000.0);
        Double rate = position == null ? null : position / seconds;
        Duration timeLeft = position == null || rate <= 0 ? null
                : Duration.ofMillis((long) (Math.max(0, head - position) / rate * 1000));
        return new RebuildStatus(group, row.active(), row.rebuilding(), row.startedAt(), row.switchWhenCaughtUp(),
                position, head, percent, rate, timeLeft, position != null && position >= row.startHead()
                        && position >= Math.min(head, live - BATCH_SIZE));
    }

    /** Whether this process still runs a processor of the group's rebuild (the command line waits for it). */
    public boolean runsLocally(String group) {
        return local.values().stream().anyMatch(processor -> processor.group().equals(group));
    }

    private RebuildableProjection known(String group) {
        RebuildableProjection projection = rebuildable.get(group);
        if (projection == null) {
            throw new IllegalArgumentException("processing group must be one with generations, one of "
                    + groups() + ", but was '" + group + "'");
        }
        return projection;
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private synchronized void runLocally(String group, int generation) {
        String name = rebuildProcessor(group, generation);
        if (local.containsKey(name)) {
            return;
        }
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, "Coordinator[" + name + "]"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(SEGMENTS,
                runnable -> new Thread(runnable, "WorkPackage[" + name + "]"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(rebuildable.get(group).writing(generation))
                        // a handler that fails is retried, never skipped: a generation with a hole must not go live
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(transactionManager)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(SEGMENTS)
                .batchSize(BATCH_SIZE)
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
        processor.start();
        local.put(name, new LocalProcessor(group, generation, processor, coordinator, workers));
    }

    private void retire(LocalProcessor running) {
        String name = rebuildProcessor(running.group(), running.generation());
        running.processor().shutdownAsync().join();
        running.coordinator().shutdownNow();
        running.workers().shutdownNow();
        local.remove(name);
        cleanupDue.put(running.group(), true);
        int active = generations.of(running.group()).active();
        if (active == running.generation()) {
            jdbc.update("delete from token_entry where processor_name = ?", name);
        }
        log.info("Stopped processor {}", name);
    }

    /** One round of the checks described on the class; a failing round is logged and the next one tries again. */
    void check() {
        for (String group : groups()) {
            try {
                checkGroup(group);
            } catch (RuntimeException e) {
                log.warn("Checking the generations of {} failed; trying again in a second", group, e);
            }
        }
    }

    private void checkGroup(String group) {
        RebuildStatus status = status(group);
        if (status.rebuildingGeneration() != null) {
            runLocally(group, status.rebuildingGeneration());
            boolean caughtUp = status.caughtUp();
            int checksInARow = caughtUp ? caughtUpChecks.merge(group, 1, Integer::sum) : 0;
            caughtUpChecks.put(group, checksInARow);
            if (status.switchWhenCaughtUp() && checksInARow >= 2) {
                switchOver(group);
            }
            return;
        }
        String activeRebuild = rebuildProcessor(group, status.activeGeneration());
        if (!local.containsKey(activeRebuild) && jdbc.queryForObject(
                "select count(*) from token_entry where processor_name = ?", Integer.class, activeRebuild) > 0) {
            // switched to, but its processor stopped before it passed the head (a restart): run it on, the live
            // processor of a state projection waits for it
            runLocally(group, status.activeGeneration());
        }
        for (LocalProcessor running : List.copyOf(local.values())) {
            if (!running.group().equals(group)) {
                continue;
            }
            if (running.generation() != status.activeGeneration()) {
                // replaced by a newer rebuild elsewhere: its rows are deleted below
                retire(running);
                continue;
            }
            OptionalLong position = positions.of(rebuildProcessor(group, running.generation()));
            if (position.isPresent() && position.getAsLong() >= switchHead(group, status.head())) {
                retire(running);
            }
        }
        if (!runsLocally(group) && cleanupDue.remove(group) != null) {
            headsAfterSwitch.remove(group);
            tables.deleteGenerationsBefore(rebuildable.get(group), status.activeGeneration());
        }
    }

    private long switchHead(String group, long head) {
        return headsAfterSwitch.computeIfAbsent(group, g -> head);
    }

    @Override
    public void start() {
        groups().forEach(group -> cleanupDue.put(group, true));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, "projection-generations"));
        executor.scheduleWithFixedDelay(this::check, 0, 1, TimeUnit.SECONDS);
        checks = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = checks;
        checks = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (LocalProcessor running : List.copyOf(local.values())) {
            running.processor().shutdownAsync().join();
            running.coordinator().shutdownNow();
            running.workers().shutdownNow();
            local.remove(rebuildProcessor(running.group(), running.generation()));
        }
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }

    /** Starts after Axon's processors and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
