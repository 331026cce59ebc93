package se.asfplan.projections.recompute;

import static se.asfplan.projections.generation.ProjectionGenerations.rebuildProcessor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.asfplan.projections.generation.GenerationTables;
import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.recompute.GenerationComparison.Found;
import se.asfplan.projections.recompute.RecomputationReport.ColumnDifference;
import se.asfplan.projections.recompute.RecomputationReport.Difference;
import se.asfplan.projections.recompute.RecomputationReport.ReadModelResult;
import se.asfplan.projections.recompute.RecomputationReport.ReportResult;
import se.asfplan.projections.recompute.RecomputationReport.TableResult;

/**
 * Independent recomputation: every read model rebuilt from the event store into a generation of its own, compared
 * with the live generation, and the comparison kept as a report.
 *
 * <p>Recomputation number {@code n} fills generation {@code 1000000 + n} of every read model, each with a processor of
 * its own ({@code group@1000000n}, one segment) that starts at the tail of the event store and writes that generation
 * only. The generation is never named in {@code projection_generation}, so no query reads it unless asked by number,
 * the live processors never write it, and a coordinator's rebuild (which fills the generation after the active one
 * and deletes the ones before it) neither sees nor touches it: a recomputation and a rebuild may run side by side.
 *
 * <p>A read model is compared once its recomputed generation has caught up with the live one, at a moment when both
 * have handled exactly the same events: in one read-only transaction at repeatable-read isolation (one snapshot of
 * the database), the tokens of the live processor and of the recomputation's processor are read; every event up to
 * the lowest position every segment of both has passed is in both, and of the later events up to the highest
 * position any segment has seen, each one of a type the read model handles must have been handled by both or by
 * neither (the segment that owns its aggregate decides; a segment's token need not move past the events of other
 * segments' aggregates). Only then are the rows and reports compared, in that same snapshot. A processor writes its
 * rows and its token in one transaction, so the rows seen are exactly those of the events the tokens cover. While
 * events keep arriving such a moment comes whenever both processors have handled the newest event of the read
 * model; until it comes the read model shows as {@code COMPARING}, and after {@link #ALIGN_PATIENCE} it is reported
 * as not compared rather than compared at different positions, which could show differences that are none.
 *
 * <p>After a read model has been compared its processor stops and its tokens and recomputed rows are deleted; the
 * report stays in the table {@code recomputation}. A running recomputation renews its heartbeat there every five
 * seconds; one whose heartbeat is older than a minute stopped with its process and is marked {@code INTERRUPTED}.
 * At start-up, and when a recomputation starts, the rows and tokens of every recomputation generation but those of
 * running ones are deleted.
 */
@Component
public class Recomputations implements SmartLifecycle {

    /** Recomputation n fills generation GENERATION_BASE + n: far above any generation a rebuild will reach. */
    public static final int GENERATION_BASE = 1_000_000;
    /** At most this many differences are listed per read model; the count says how many there are. */
    public static final int DIFFERENCES_LISTED = 100;
    static final Duration ALIGN_PATIENCE = Duration.ofMinutes(2);
    static final Duration STALL_PATIENCE = Duration.ofMinutes(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A recomputation whose heartbeat is older than this has stopped with its process. */
    private static final Duration STALE = Duration.ofMinutes(1);
    private static final int BATCH_SIZE = 100;
    /** Beyond this many positions between the slowest and the fastest segment, the two are not compared yet. */
    private static final long MAX_UNSETTLED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(Recomputations.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshot;
    private final ProjectionGenerations generations;
    private final ProcessedPosition positions;
    private final GenerationTables tables;
    private final GenerationComparison comparison;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, RebuildableProjection> projections;
    private final List<ComparedReport> reports;
    private final Map<String, Set<String>> handledTypes = new ConcurrentHashMap<>();
    private final Map<Long, Run> running = new ConcurrentHashMap<>();
    private volatile ExecutorService runner;

    public Recomputations(JdbcTemplate jdbc, PlatformTransactionManager platformTransactions,
                          ProjectionGenerations generations, ProcessedPosition positions, GenerationTables tables,
                          GenerationComparison comparison, EventStore eventStore, TokenStore tokenStore,
                          TransactionManager transactionManager, Clock clock, ObjectMapper json,
                          List<RebuildableProjection> projections, List<ComparedReport> reports) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(platformTransactions);
        this.snapshot = new TransactionTemplate(platformTransactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.generations = generations;
        this.positions = positions;
        this.tables = tables;
        this.comparison = comparison;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.clock = clock;
        this.json = json;
        this.projections = projections.stream().collect(Collectors.toMap(RebuildableProjection::processingGroup,
                Function.identity(), (one, other) -> one, java.util.TreeMap::new));
        this.reports = List.copyOf(reports);
        this.projections.forEach((group, projection) -> {
            Set<String> types = handledTypes(org.springframework.aop.support.AopUtils.getTargetClass(projection));
            if (types != null) {
                handledTypes.put(group, types);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ the API

    /**
     * Starts a recomputation of every read model.
     *
     * @throws RecomputationConflictException when one is already under way
     */
    public RecomputationReport start(String startedBy) {
        Run run = transactions.execute(status -> {
            interruptStale();
            List<Long> unfinished = jdbc.queryForList(
                    "select recomputation_id from recomputation where outcome is null", Long.class);
            if (!unfinished.isEmpty()) {
                throw new RecomputationConflictException("recomputation " + unfinished.get(0) + " is under way; "
                        + "wait for its report (GET /api/audit/recomputations/" + unfinished.get(0) + ")");
            }
            Long last = jdbc.queryForObject("select max(recomputation_id) from recomputation", Long.class);
            long id = last == null ? 1 : last + 1;
            int generation = GENERATION_BASE + (int) id;
            Instant now = clock.instant();
            try {
                jdbc.update("""
                        insert into recomputation
                            (recomputation_id, recomputed_generation, started_at, started_by, heartbeat_at)
                        values (?, ?, ?, ?, ?)""", id, generation, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        startedBy, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            } catch (DuplicateKeyException e) {
                throw new RecomputationConflictException("another recomputation was started at the same moment; "
                        + "wait for its report");
            }
            return new Run(id, generation, now, startedBy);
        });
        running.put(run.id, run);
        ExecutorService executor = runner;
        if (executor == null) {
            run.finish(RecomputationReport.INTERRUPTED);
            persist(run);
            throw new RecomputationConflictException("the service is stopping; start the recomputation again");
        }
        executor.submit(() -> execute(run));
        log.info("Recomputation {} started by {} into generation {}", run.id, startedBy, run.generation);
        return run.report();
    }

    /** A recomputation's report: while it runs, how far each read model has got; then what it found. */
    public Optional<RecomputationReport> find(long id) {
        Run run = running.get(id);
        if (run != null) {
            return Optional.of(run.report());
        }
        List<RecomputationReport> stored = jdbc.query("""
                select recomputation_id, recomputed_generation, started_at, started_by, finished_at, outcome, result
                from recomputation where recomputation_id = ?""", (rs, n) -> stored(rs), id);
        return stored.stream().findFirst();
    }

    /** The latest recomputations, newest first. */
    public List<RecomputationReport> latest(int count) {
        List<Long> ids = jdbc.queryForList(
                "select recomputation_id from recomputation order by recomputation_id desc limit " + count,
                Long.class);
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The read models a recomputation rebuilds, by processing group. */
    public Set<String> readModels() {
        return projections.keySet();
    }

    private RecomputationReport stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("recomputation_id");
        int generation = rs.getInt("recomputed_generation");
        Instant started = rs.getObject("started_at", OffsetDateTime.class).toInstant();
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        String outcome = rs.getString("outcome");
        String result = rs.getString("result");
        if (result != null) {
            try {
                return json.readValue(result, RecomputationReport.class);
            } catch (java.io.IOException e) {
                log.warn("The report of recomputation {} cannot be read", id, e);
            }
        }
        // unfinished and not in this process: another process of the service runs it, and reports at the end
        String state = outcome == null ? RecomputationReport.RUNNING : outcome;
        return new RecomputationReport(id, generation, started, rs.getString("started_by"),
                finished == null ? null : finished.toInstant(), state, summary(state, 0, List.of()), List.of());
    }

    // ------------------------------------------------------------------------------------------------ a run

    /** One recomputation under way in this process. */
    private final class Run {

        final long id;
        final int generation;
        final Instant startedAt;
        final String startedBy;
        final Map<String, ReadModel> readModels = new LinkedHashMap<>();
        volatile Instant finishedAt;
        volatile String outcome = RecomputationReport.RUNNING;
        Instant heartbeat;

        Run(long id, int generation, Instant startedAt, String startedBy) {
            this.id = id;
            this.generation = generation;
            this.startedAt = startedAt;
            this.startedBy = startedBy;
            projections.keySet().forEach(group -> readModels.put(group, new ReadModel(group)));
        }

        void finish(String outcome) {
            this.finishedAt = clock.instant();
            this.outcome = outcome;
        }

        RecomputationReport report() {
            List<ReadModelResult> results = readModels.values().stream().map(ReadModel::result).toList();
            int differences = results.stream().mapToInt(ReadModelResult::differenceCount).sum();
            return new RecomputationReport(id, generation, startedAt, startedBy, finishedAt, outcome,
                    summary(outcome, differences, results), results);
        }
    }

    /** One read model of a run, as far as it has got. */
    private static final class ReadModel {

        final String group;
        volatile String state = "WAITING";
        volatile Long position;
        volatile Long head;
        volatile Long comparedAt;
        volatile Integer liveGeneration;
        volatile List<TableResult> tables = List.of();
        volatile List<ReportResult> reports = List.of();
        volatile int differenceCount;
        volatile List<Difference> differences = List.of();
        volatile String error;
        PooledStreamingEventProcessor processor;
        ScheduledExecutorService coordinator;
        ScheduledExecutorService workers;
        Instant alignSince;
        int attempts;
        long lastPosition = -1;
        Instant lastProgress;

        ReadModel(String group) {
            this.group = group;
        }

        boolean done() {
            return state.equals("EQUAL") || state.equals("DIFFERENT") || state.equals("FAILED");
        }

        ReadModelResult result() {
            Double percent = position == null || head == null ? null
                    : head <= 0 ? 100.0 : Math.min(100.0, Math.floor(1000.0 * position / head) / 10.0);
            return new ReadModelResult(group, state, position, head, percent, comparedAt, liveGeneration, tables,
                    reports, differenceCount, differences, error);
        }
    }

    private void execute(Run run) {
        try {
            clearRecomputedGenerations();
            for (ReadModel model : run.readModels.values()) {
                try {
                    startProcessor(run, model);
                    model.state = "REBUILDING";
                    model.lastProgress = clock.instant();
                } catch (RuntimeException e) {
                    fail(model, "the recomputation could not start: " + e.getMessage(), e);
                }
            }
            while (run.readModels.values().stream().anyMatch(model -> !model.done())) {
                if (Thread.currentThread().isInterrupted() || runner == null) {
                    throw new InterruptedException();
                }
                for (ReadModel model : run.readModels.values()) {
                    if (!model.done()) {
                        try {
                            advance(run, model);
                        } catch (RuntimeException e) {
                            fail(model, "the read model could not be compared: " + e.getMessage(), e);
                        }
                        if (model.done()) {
                            retire(run, model);
                        }
                    }
                }
                heartbeat(run);
                Thread.sleep(100);
            }
            boolean failed = run.readModels.values().stream().anyMatch(model -> model.state.equals("FAILED"));
            boolean different = run.readModels.values().stream().anyMatch(model -> model.state.equals("DIFFERENT"));
            run.finish(failed ? RecomputationReport.INCOMPLETE
                    : different ? RecomputationReport.DIFFERENT : RecomputationReport.EQUAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.finish(RecomputationReport.INTERRUPTED);
        } catch (RuntimeException e) {
            log.warn("Recomputation {} failed", run.id, e);
            run.readModels.values().stream().filter(model -> !model.done())
                    .forEach(model -> fail(model, "the recomputation stopped: " + e.getMessage(), null));
            run.finish(RecomputationReport.INCOMPLETE);
        } finally {
            for (ReadModel model : run.readModels.values()) {
                try {
                    retire(run, model);
                } catch (RuntimeException e) {
                    log.warn("Could not clear generation {} of {}", run.generation, model.group, e);
                }
            }
            if (run.finishedAt == null) {
                run.finish(RecomputationReport.INTERRUPTED);
            }
            persist(run);
            running.remove(run.id);
            log.info("Recomputation {} finished: {}", run.id, run.outcome);
        }
    }

    private void fail(ReadModel model, String error, Throwable cause) {
        if (cause != null) {
            log.warn("Recomputation of {}: {}", model.group, error, cause);
        }
        model.error = error;
        model.state = "FAILED";
    }

    /** One look at a read model: its progress, and once caught up an attempt to compare it. */
    private void advance(Run run, ReadModel model) {
        String processor = rebuildProcessor(model.group, run.generation);
        long head = head();
        OptionalLong folded = positions.of(processor);
        OptionalLong live = positions.of(model.group);
        model.head = head;
        model.position = folded.isPresent() ? folded.getAsLong() : null;
        Instant now = clock.instant();
        long position = folded.orElse(-1);
        if (position > model.lastPosition) {
            model.lastPosition = position;
            model.lastProgress = now;
        }
        boolean caughtUp = head == 0 || folded.isPresent() && (position >= head
                || live.isPresent() && position >= live.getAsLong());
        if (!caughtUp) {
            if (Duration.between(model.lastProgress, now).compareTo(STALL_PATIENCE) > 0) {
                fail(model, "the recomputed generation has stopped at position " + position + " of " + head
                        + " for " + STALL_PATIENCE.toMinutes() + " minutes: a handler fails on an event (see the "
                        + "service's log)", null);
            }
            return;
        }
        model.state = "COMPARING";
        if (model.alignSince == null) {
            model.alignSince = now;
        }
        model.attempts++;
        Boolean compared = snapshot.execute(status -> compareAligned(run, model));
        if (Boolean.TRUE.equals(compared)) {
            log.info("Recomputation {}: {} compared at position {} (attempt {}): {}", run.id, model.group,
                    model.comparedAt, model.attempts, model.state);
            return;
        }
        if (Duration.between(model.alignSince, now).compareTo(ALIGN_PATIENCE) > 0) {
            fail(model, "not compared: for " + ALIGN_PATIENCE.toMinutes() + " minutes the live read model and the "
                    + "recomputed one never stood at the same position at the same moment (events kept arriving, "
                    + "or a coordinator's rebuild was filling the live generation); start again in a quieter moment",
                    null);
        }
    }

    /**
     * In one snapshot: when the live and the recomputed generation have handled exactly the same events, compares
     * them and answers true; otherwise answers false and compares nothing.
     */
    private boolean compareAligned(Run run, ReadModel model) {
        int active = generations.of(model.group).active();
        String filling = rebuildProcessor(model.group, active);
        if (count("select count(*) from token_entry where processor_name = ?", filling) > 0) {
            return false; // a coordinator's rebuild switched to, still being filled: the live generation moves
        }
        List<TokenState> liveTokens = tokens(model.group);
        List<TokenState> recomputedTokens = tokens(rebuildProcessor(model.group, run.generation));
        long low = low(liveTokens, recomputedTokens);
        long high = high(liveTokens, recomputedTokens);
        if (high - low > MAX_UNSETTLED) {
            return false;
        }
        Optional<Long> at = samePosition(liveTokens, recomputedTokens, handledBetween(model.group, low, high));
        if (at.isEmpty()) {
            return false;
        }
        List<TableResult> tableResults = new ArrayList<>();
        List<ReportResult> reportResults = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        int total = 0;
        RebuildableProjection projection = projections.get(model.group);
        for (String table : projection.tables()) {
            Found found = comparison.compareTable(table, active, run.generation);
            tableResults.add(new TableResult(table, found.liveRows(), found.recomputedRows(),
                    found.differences().size()));
            total += found.differences().size();
            differences.addAll(found.differences());
        }
        for (ComparedReport report : reports) {
            if (!report.processingGroup().equals(model.group)) {
                continue;
            }
            List<String> questions = report.questions(active, run.generation);
            int differing = 0;
            for (String question : questions) {
                List<ColumnDifference> figures;
                try {
                    JsonNode live = json.valueToTree(report.answer(question, active));
                    JsonNode recomputed = json.valueToTree(report.answer(question, run.generation));
                    figures = GenerationComparison.compareAnswers(live, recomputed);
                } catch (RuntimeException e) {
                    figures = List.of(new ColumnDifference("error", "the report could not be computed: "
                            + e.getMessage(), null));
                }
                if (!figures.isEmpty()) {
                    differing++;
                    differences.add(new Difference("REPORT", report.name(), question, "DIFFERENT", figures));
                }
            }
            total += differing;
            reportResults.add(new ReportResult(report.name(), questions.size(), differing));
        }
        model.liveGeneration = active;
        model.comparedAt = at.get();
        model.tables = List.copyOf(tableResults);
        model.reports = List.copyOf(reportResults);
        model.differenceCount = total;
        model.differences = List.copyOf(differences.subList(0, Math.min(DIFFERENCES_LISTED, differences.size())));
        model.state = total == 0 ? "EQUAL" : "DIFFERENT";
        return true;
    }

    /** A segment's token: the highest position it has seen and the stored events below it that it has not. */
    record TokenState(int segment, long index, Set<Long> pending) {

        /** The position up to which the segment has seen every stored event. */
        long complete() {
            long position = index;
            for (long gap : pending) {
                position = Math.min(position, gap - 1);
            }
            return position;
        }
    }

    /** A stored event: its position, its aggregate (what the segments are split by) and its payload type. */
    record StoredEvent(long position, String aggregate, String type) {
    }

    /**
     * The position both processors stand at, or empty when they have not handled the same events. Every event up to
     * the lowest complete position of any segment of either is handled by both; of the events beyond it, up to the
     * highest position any segment has seen ({@code between}: those of a type the read model handles, in order),
     * each must have been handled by both or by neither, each processor's segment being the one that owns the
     * event's aggregate (segments are split by aggregate). The answer is the position up to which both have handled
     * every such event.
     */
    static Optional<Long> samePosition(List<TokenState> live, List<TokenState> recomputed, List<StoredEvent> between) {
        if (live.isEmpty() || recomputed.isEmpty()) {
            return Optional.empty();
        }
        long position = high(live, recomputed);
        boolean complete = true;
        for (StoredEvent event : between) {
            boolean inLive = handled(live, event);
            if (inLive != handled(recomputed, event)) {
                return Optional.empty();
            }
            if (!inLive && complete) {
                position = event.position() - 1;
                complete = false;
            }
        }
        return Optional.of(Math.max(position, low(live, recomputed)));
    }

    /** The lowest position up to which every segment of either processor has seen every stored event. */
    static long low(List<TokenState> live, List<TokenState> recomputed) {
        long low = Long.MAX_VALUE;
        for (List<TokenState> tokens : List.of(live, recomputed)) {
            for (TokenState token : tokens) {
                low = Math.min(low, token.complete());
            }
        }
        return low == Long.MAX_VALUE ? -1 : low;
    }

    /** The highest position any segment of either processor has seen. */
    static long high(List<TokenState> live, List<TokenState> recomputed) {
        long high = -1;
        for (List<TokenState> tokens : List.of(live, recomputed)) {
            for (TokenState token : tokens) {
                high = Math.max(high, token.index());
            }
        }
        return high;
    }

    /** Whether the segment of these tokens that owns the event's aggregate has handled the event. */
    private static boolean handled(List<TokenState> tokens, StoredEvent event) {
        int[] ids = tokens.stream().mapToInt(TokenState::segment).toArray();
        for (Segment segment : Segment.computeSegments(ids)) {
            if (segment.matches(event.aggregate())) {
                for (TokenState token : tokens) {
                    if (token.segment() == segment.getSegmentId()) {
                        return token.index() >= event.position() && !token.pending().contains(event.position());
                    }
                }
            }
        }
        return false;
    }

    /** The stored events after {@code low} up to {@code high} of a type the read model handles, in order. */
    private List<StoredEvent> handledBetween(String group, long low, long high) {
        if (high <= low) {
            return List.of();
        }
        Set<String> types = handledTypes.get(group);
        return jdbc.query("""
                        select global_index, aggregate_identifier, payload_type from domain_event_entry
                        where global_index > ? and global_index <= ? order by global_index""",
                        (rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3)), low, high)
                .stream().filter(event -> types == null || types.contains(event.type())).toList();
    }

    /**
     * The payload types a read model's handlers take, by class name as the event store names them; null when a
     * handler takes a type that is not one concrete class (then every event counts as handled).
     */
    static Set<String> handledTypes(Class<?> projection) {
        Set<String> types = new TreeSet<>();
        for (Class<?> type = projection; type != null && type != Object.class; type = type.getSuperclass()) {
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                EventHandler handler = method.getAnnotation(EventHandler.class);
                if (handler == null) {
                    continue;
                }
                Class<?> payload = handler.payloadType() != Object.class ? handler.payloadType()
                        : method.getParameterCount() > 0 ? method.getParameterTypes()[0] : Object.class;
                if (payload.isInterface() || java.lang.reflect.Modifier.isAbstract(payload.getModifiers())
                        || payload == Object.class) {
                    return null;
                }
                types.add(payload.getName());
            }
        }
        return types;
    }

    /** The tokens of a processor, one per segment; a segment that has handled nothing stands at -1. */
    private List<TokenState> tokens(String processor) {
        record Read(int segment, long index, List<Long> gaps) {
        }
        List<Read> read = new ArrayList<>();
        Set<Long> allGaps = new TreeSet<>();
        for (Map<String, Object> row : jdbc.queryForList(
                "select segment, token from token_entry where processor_name = ? order by segment", processor)) {
            byte[] token = (byte[]) row.get("token");
            long index = -1;
            List<Long> gaps = new ArrayList<>();
            if (token != null) {
                try {
                    for (JsonNode node = json.readTree(token); node != null && !node.isNull();
                         node = node.get("currentToken")) {
                        if (node.hasNonNull("index")) {
                            index = node.get("index").asLong();
                            node.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
                            break;
                        }
                        if (node.hasNonNull("globalIndex")) {
                            index = node.get("globalIndex").asLong();
                            break;
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("a token of " + processor + " cannot be read", e);
                }
            }
            read.add(new Read(((Number) row.get("segment")).intValue(), index, gaps));
            allGaps.addAll(gaps);
        }
        Set<Long> storedGaps = new HashSet<>();
        List<Long> gaps = List.copyOf(allGaps);
        for (int from = 0; from < gaps.size(); from += 500) {
            List<Long> batch = gaps.subList(from, Math.min(gaps.size(), from + 500));
            storedGaps.addAll(jdbc.queryForList("select global_index from domain_event_entry where global_index in ("
                    + String.join(", ", java.util.Collections.nCopies(batch.size(), "?")) + ")", Long.class,
                    batch.toArray()));
        }
        List<TokenState> states = new ArrayList<>();
        for (Read one : read) {
            Set<Long> pending = new TreeSet<>(one.gaps());
            pending.retainAll(storedGaps);
            states.add(new TokenState(one.segment(), one.index(), pending));
        }
        return states;
    }

    private void startProcessor(Run run, ReadModel model) {
        String name = rebuildProcessor(model.group, run.generation);
        jdbc.update("delete from token_entry where processor_name = ?", name);
        tables.deleteGeneration(projections.get(model.group), run.generation);
        model.coordinator = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, "Coordinator[" + name + "]"));
        model.workers = Executors.newScheduledThreadPool(1,
                runnable -> new Thread(runnable, "WorkPackage[" + name + "]"));
        model.processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projections.get(model.group).writing(run.generation))
                        // a failing handler is retried, never skipped: a recomputation with a hole would mislead
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(transactionManager)
                .coordinatorExecutor(model.coordinator)
                .workerExecutor(model.workers)
                .initialSegmentCount(1)
                .batchSize(BATCH_SIZE)
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
        model.processor.start();
    }

    /** Stops the read model's processor and deletes its tokens and recomputed rows. */
    private void retire(Run run, ReadModel model) {
        if (model.processor != null) {
            model.processor.shutdownAsync().join();
            model.coordinator.shutdownNow();
            model.workers.shutdownNow();
            model.processor = null;
        }
        jdbc.update("delete from token_entry where processor_name = ?", rebuildProcessor(model.group, run.generation));
        tables.deleteGeneration(projections.get(model.group), run.generation);
    }

    /**
     * Deletes the rows and tokens of every recomputation generation but those of recomputations still running (in
     * this or another process: their heartbeat is fresh).
     */
    private void clearRecomputedGenerations() {
        interruptStale();
        Set<Integer> alive = new HashSet<>(jdbc.queryForList(
                "select recomputed_generation from recomputation where outcome is null", Integer.class));
        running.values().forEach(run -> alive.add(run.generation));
        List<Integer> recomputed = jdbc.queryForList("select recomputed_generation from recomputation", Integer.class);
        String kept = alive.isEmpty() ? "-1" : alive.stream().map(String::valueOf).collect(Collectors.joining(", "));
        for (RebuildableProjection projection : projections.values()) {
            for (String table : projection.tables()) {
                jdbc.update("delete from " + table + " where generation >= ? and generation not in (" + kept + ")",
                        GENERATION_BASE);
            }
            for (int generation : recomputed) {
                if (!alive.contains(generation)) {
                    jdbc.update("delete from token_entry where processor_name = ?",
                            rebuildProcessor(projection.processingGroup(), generation));
                }
            }
        }
    }

    /** Says that the run is alive, every few seconds: a run whose heartbeat stops has stopped with its process. */
    private void heartbeat(Run run) {
        Instant now = clock.instant();
        if (run.heartbeat == null || Duration.between(run.heartbeat, now).compareTo(HEARTBEAT) >= 0) {
            jdbc.update("update recomputation set heartbeat_at = ? where recomputation_id = ?",
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC), run.id);
            run.heartbeat = now;
        }
    }

    /** Marks every unfinished recomputation whose heartbeat has stopped (its process ended) INTERRUPTED. */
    private void interruptStale() {
        OffsetDateTime stale = OffsetDateTime.ofInstant(clock.instant().minus(STALE), ZoneOffset.UTC);
        jdbc.update("""
                update recomputation set outcome = ?, finished_at = ?
                where outcome is null and heartbeat_at < ?""", RecomputationReport.INTERRUPTED,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), stale);
    }

    private void persist(Run run) {
        try {
            RecomputationReport report = run.report();
            jdbc.update("update recomputation set finished_at = ?, outcome = ?, result = ? where recomputation_id = ?",
                    OffsetDateTime.ofInstant(run.finishedAt, ZoneOffset.UTC), run.outcome,
                    json.writeValueAsString(report), run.id);
        } catch (Exception e) {
            log.error("The report of recomputation {} could not be stored", run.id, e);
            jdbc.update("update recomputation set finished_at = ?, outcome = ? where recomputation_id = ?",
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), RecomputationReport.INCOMPLETE, run.id);
        }
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private int count(String sql, Object... arguments) {
        Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }

    /** One sentence in Swedish saying what the report says. */
    static String summary(String outcome, int differences, List<ReadModelResult> readModels) {
        return switch (outcome) {
            case RecomputationReport.RUNNING -> "Omräkningen pågår: "
                    + readModels.stream().filter(model -> model.state().equals("EQUAL")
                    || model.state().equals("DIFFERENT") || model.state().equals("FAILED")).count()
                    + " av " + readModels.size() + " läsmodeller jämförda.";
            case RecomputationReport.EQUAL -> "Lika: varje läsmodell och rapport räknad på nytt ur händelseloggen är "
                    + "lika med den som svarar.";
            case RecomputationReport.DIFFERENT -> differences + (differences == 1 ? " skillnad" : " skillnader")
                    + " mellan de omräknade läsmodellerna och dem som svarar.";
            case RecomputationReport.INCOMPLETE -> "Ofullständig: minst en läsmodell kunde inte jämföras (se den).";
            default -> "Avbruten: tjänsten stannade innan omräkningen var klar. Starta en ny.";
        };
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        try {
            clearRecomputedGenerations();
        } catch (RuntimeException e) {
            log.warn("Could not clear the generations of earlier recomputations", e);
        }
        runner = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "recomputation"));
    }

    @Override
    public void stop() {
        ExecutorService executor = runner;
        runner = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return runner != null;
    }

    /** Starts after Axon's processors and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
