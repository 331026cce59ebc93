package se.asfplan.infra.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import se.asfplan.infra.chain.EventChainVerifier.Report;
import se.asfplan.infra.chain.EventChainVerifier.SuppliedCheckpoint;

/**
 * Verifications of the chain, each a row of {@code event_chain_verification}: started (in the background, one at a
 * time per node, for the API; or here and now, for the command line), with its progress written about once a
 * second, and its result when it ends. Any node answers the polling, and health shows the last one ended.
 */
public class ChainVerifications {

    /** A verification that has written no progress for this long is no longer running (its node stopped). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(ChainVerifications.class);

    private final EventChainVerifier verifier;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-chain-verification");
        thread.setDaemon(true);
        return thread;
    });

    public ChainVerifications(EventChainVerifier verifier, JdbcTemplate jdbc, Clock clock) {
        this.verifier = verifier;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One verification as stored.
     *
     * @param id         its id
     * @param state      QUEUED, RUNNING, PASSED (no break), BROKEN (breaks found), FAILED (could not finish) or
     *                   ABANDONED (its node stopped while it ran)
     * @param startedAt  when it was asked for
     * @param startedBy  by whom
     * @param position   the position reached
     * @param head       the last position it reads
     * @param events     chain rows read so far
     * @param updatedAt  its last progress
     * @param finishedAt when it ended
     * @param breakCount breaks found
     * @param result     the report (or the failure) once it has ended
     */
    public record Verification(String id, String state, Instant startedAt, String startedBy, Long position, Long head,
                               long events, Instant updatedAt, Instant finishedAt, int breakCount, JsonNode result) {

        public boolean ended() {
            return finishedAt != null || "ABANDONED".equals(state);
        }

        /** Events per second so far. */
        public Double eventsPerSecond() {
            Instant until = finishedAt != null ? finishedAt : updatedAt;
            double seconds = Duration.between(startedAt, until).toMillis() / 1000.0;
            return seconds <= 0 ? null : events / seconds;
        }

        /** How far it has come, 0 to 100. */
        public double percent() {
            if (finishedAt != null) {
                return 100;
            }
            return head == null || head == 0 || position == null ? 0 : Math.min(100, 100.0 * position / head);
        }

        /** The time left at the current rate, when known. */
        public Duration timeLeft() {
            Double rate = eventsPerSecond();
            if (ended() || rate == null || rate == 0 || head == null || position == null) {
                return ended() ? Duration.ZERO : null;
            }
            return Duration.ofMillis((long) ((head - position) / rate * 1000));
        }
    }

    /**
     * Queues a verification on this node and answers its id at once; while one is queued or running anywhere (and
     * has not been abandoned), answers that one's id instead.
     */
    public synchronized String start(String startedBy, SuppliedCheckpoint supplied) {
        Optional<Verification> running = jdbc.query("select * from event_chain_verification where finished_at is null "
                + "order by started_at desc", (row, n) -> row(row)).stream().filter(v -> !v.ended()).findFirst();
        if (running.isPresent()) {
            return running.get().id();
        }
        String id = create(startedBy, "QUEUED");
        background.submit(() -> run(id, supplied, EventChainVerifier.Progress.NONE));
        return id;
    }

    /** Runs a verification here (the command line), reporting progress also to {@code progress}; its report. */
    public Report runHere(String startedBy, SuppliedCheckpoint supplied, EventChainVerifier.Progress progress) {
        return run(create(startedBy, "RUNNING"), supplied, progress);
    }

    public Optional<Verification> get(String id) {
        return jdbc.query("select * from event_chain_verification where id = ?", (row, n) -> row(row), id)
                .stream().findFirst();
    }

    /** The most recent verifications, newest first. */
    public List<Verification> recent(int count) {
        return jdbc.query("select * from event_chain_verification order by started_at desc, id limit " + count,
                (row, n) -> row(row));
    }

    /** The last verification that ended (passed, broken or failed). */
    public Optional<Verification> lastEnded() {
        return jdbc.query("select * from event_chain_verification where finished_at is not null "
                + "order by finished_at desc limit 1", (row, n) -> row(row)).stream().findFirst();
    }

    private String create(String startedBy, String state) {
        String id = UUID.randomUUID().toString();
        String now = clock.instant().toString();
        jdbc.update("insert into event_chain_verification (id, started_at, started_by, state, events, updated_at, "
                + "break_count) values (?, ?, ?, ?, 0, ?, 0)", id, now, startedBy, state, now);
        return id;
    }

    private Report run(String id, SuppliedCheckpoint supplied, EventChainVerifier.Progress also) {
        jdbc.update("update event_chain_verification set state = 'RUNNING', updated_at = ? where id = ?",
                clock.instant().toString(), id);
        long[] lastWrite = {0};
        EventChainVerifier.Progress progress = (read, total, position) -> {
            also.at(read, total, position);
            long now = System.nanoTime();
            if (now - lastWrite[0] > 1_000_000_000L) {
                lastWrite[0] = now;
                jdbc.update("update event_chain_verification set position = ?, events = ?, updated_at = ? "
                        + "where id = ?", position, read, clock.instant().toString(), id);
            }
        };
        try {
            Long head = jdbc.queryForObject("select max(global_index) from event_chain", Long.class);
            jdbc.update("update event_chain_verification set head = ? where id = ?", head, id);
            Report report = verifier.verify(supplied, (read, total, position) -> {
                progress.at(read, total, position);
            });
            String now = clock.instant().toString();
            jdbc.update("update event_chain_verification set state = ?, position = ?, head = ?, events = ?, "
                            + "updated_at = ?, finished_at = ?, break_count = ?, result = ? where id = ?",
                    report.passed() ? "PASSED" : "BROKEN", report.head(), report.head(), report.chainRows(), now, now,
                    (int) Math.min(Integer.MAX_VALUE, report.breakCount()), json.writeValueAsString(toJson(report)),
                    id);
            if (!report.passed()) {
                LOG.error("The event log's chain has {} break(s); the first at position {}: {}", report.breakCount(),
                        report.breaks().get(0).position(), report.breaks().get(0).detail());
            }
            return report;
        } catch (RuntimeException | JsonProcessingException e) {
            String now = clock.instant().toString();
            jdbc.update("update event_chain_verification set state = 'FAILED', updated_at = ?, finished_at = ?, "
                    + "result = ? where id = ?", now, now, "{\"error\":" + quote(String.valueOf(e.getMessage()))
                    + "}", id);
            LOG.warn("The verification {} of the event log's chain failed", id, e);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private String quote(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            return "\"\"";
        }
    }

    /** The report as the API and the stored row show it. */
    public static Map<String, Object> toJson(Report report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", report.passed());
        map.put("events", report.events());
        map.put("chainRows", report.chainRows());
        map.put("head", report.head());
        map.put("headLink", report.headLink());
        map.put("checkpointsCompared", report.checkpoints());
        if (report.suppliedCheckpoint() != null) {
            map.put("suppliedCheckpoint", Map.of("position", report.suppliedCheckpoint().position(),
                    "head", report.suppliedCheckpoint().head(), "matches", report.suppliedMatches()));
        }
        map.put("breakCount", report.breakCount());
        map.put("breaks", report.breaks().stream().map(b -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("position", b.position());
            entry.put("kind", b.kind().name());
            entry.put("eventId", b.eventId());
            entry.put("detail", b.detail());
            return entry;
        }).toList());
        map.put("tookMillis", report.took().toMillis());
        return map;
    }

    private Verification row(java.sql.ResultSet row) throws java.sql.SQLException {
        String state = row.getString("state");
        Instant updatedAt = Instant.parse(row.getString("updated_at"));
        String finished = row.getString("finished_at");
        if (finished == null && updatedAt.plus(ABANDONED_AFTER).isBefore(clock.instant())) {
            state = "ABANDONED";
        }
        JsonNode result = null;
        String text = row.getString("result");
        if (text != null) {
            try {
                result = json.readTree(text);
            } catch (JsonProcessingException e) {
                result = null;
            }
        }
        return new Verification(row.getString("id"), state, Instant.parse(row.getString("started_at")),
                row.getString("started_by"), (Long) row.getObject("position", Long.class),
                (Long) row.getObject("head", Long.class), row.getLong("events"), updatedAt,
                finished == null ? null : Instant.parse(finished), row.getInt("break_count"), result);
    }
}
