package se.asfplan.infra.storedevents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored events that could not be read, and those of a type this release has no class for, as they were met:
 * by a command loading its record, or by the event processors reading the log. Each is kept once (table
 * {@code stored_event_problem}) with its position ({@code global_index}), its record (aggregate type and id), its
 * number in the record's stream, its stored type and the cause, and logged once per node. Health and metrics read
 * them; an unreadable event leaves the table when it reads again ({@link #forgetUnreadable}).
 * <p>
 * Each problem is written in a transaction of its own, so that it stays recorded when the command or batch that met
 * it is rolled back.
 */
public class StoredEventProblems {

    private static final Logger log = LoggerFactory.getLogger(StoredEventProblems.class);
    public static final String UNREADABLE = "unreadable";
    public static final String UNKNOWN_TYPE = "unknown-type";
    private static final int CAUSE_MAX = 1900;
    private static final Duration SUMMARY_TTL = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Set<String> knownHere = ConcurrentHashMap.newKeySet();
    private volatile Summary cached;
    private final List<java.util.function.Consumer<String>> unknownTypeListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public StoredEventProblems(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Records an event whose payload could not be read; its position is looked up when not given. */
    public void unreadable(String eventId, Long position, String aggregateType, String aggregateId, Long sequence,
                           String payloadType, Throwable cause) {
        record(UNREADABLE, eventId, position, aggregateType, aggregateId, sequence, payloadType, describe(cause));
    }

    /** Records an event whose stored type names no class of this release (it is handled by nothing). */
    public void unknownType(String eventId, Long position, String aggregateType, String aggregateId, Long sequence,
                            String payloadType) {
        record(UNKNOWN_TYPE, eventId, position, aggregateType, aggregateId, sequence, payloadType,
                "no class " + payloadType + " in this release: no handler sees the event");
    }

    /** Calls the listener with the stored type of each event of unknown type this node records from now on. */
    public void onUnknownType(java.util.function.Consumer<String> listener) {
        unknownTypeListeners.add(listener);
    }

    /** The event reads again (repaired, or an upcaster now reads it): it is no longer a problem. */
    public void forgetUnreadable(String eventId) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "delete from stored_event_problem where event_identifier = ? and problem = ?", eventId, UNREADABLE));
        knownHere.remove(eventId);
        cached = null;
    }

    /** Every unreadable event recorded, oldest position first. */
    public List<Problem> unreadable() {
        return jdbc.query("""
                select event_identifier, problem, global_index, aggregate_type, aggregate_identifier, sequence_number,
                       payload_type, cause, first_seen
                from stored_event_problem where problem = ? order by global_index, event_identifier""",
                (rs, row) -> new Problem(rs.getString("event_identifier"), rs.getString("problem"),
                        (Long) rs.getObject("global_index", Long.class), rs.getString("aggregate_type"),
                        rs.getString("aggregate_identifier"), (Long) rs.getObject("sequence_number", Long.class),
                        rs.getString("payload_type"), rs.getString("cause"), Instant.parse(rs.getString("first_seen"))),
                UNREADABLE);
    }

    /** The unreadable events and the events of unknown type per stored type, read at most every few seconds. */
    public Summary summary() {
        Summary summary = cached;
        Instant now = clock.instant();
        if (summary == null || summary.readAt().plus(SUMMARY_TTL).isBefore(now)) {
            Map<String, Long> unknown = new LinkedHashMap<>();
            jdbc.query("select payload_type, count(*) from stored_event_problem where problem = ? "
                            + "group by payload_type order by payload_type",
                    rs -> {
                        unknown.put(rs.getString(1), rs.getLong(2));
                    }, UNKNOWN_TYPE);
            Long unreadable = jdbc.queryForObject("select count(*) from stored_event_problem where problem = ?",
                    Long.class, UNREADABLE);
            summary = new Summary(unreadable == null ? 0 : unreadable, Map.copyOf(unknown), now);
            cached = summary;
        }
        return summary;
    }

    private void record(String problem, String eventId, Long position, String aggregateType, String aggregateId,
                        Long sequence, String payloadType, String cause) {
        if (!knownHere.add(eventId)) {
            return;
        }
        log.error("Stored event {} (position {}, {} of {} {}, sequence {}) {}: {}", eventId, position, payloadType,
                aggregateType, aggregateId, sequence, UNREADABLE.equals(problem) ? "cannot be read" : "has an unknown type",
                cause);
        try {
            ownTransaction.executeWithoutResult(status -> {
                Long index = position != null ? position : jdbc.query(
                        "select global_index from domain_event_entry where event_identifier = ?",
                        rs -> rs.next() ? rs.getLong(1) : null, eventId);
                try {
                    jdbc.update("""
                            insert into stored_event_problem (event_identifier, problem, global_index, aggregate_type,
                                                              aggregate_identifier, sequence_number, payload_type,
                                                              cause, first_seen)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            eventId, problem, index, aggregateType, aggregateId, sequence, payloadType,
                            cause.length() > CAUSE_MAX ? cause.substring(0, CAUSE_MAX) : cause,
                            clock.instant().toString());
                } catch (DuplicateKeyException alreadyRecorded) {
                    // another node, or this one before a restart, recorded it
                }
            });
            cached = null;
            if (UNKNOWN_TYPE.equals(problem)) {
                unknownTypeListeners.forEach(listener -> listener.accept(payloadType));
            }
        } catch (DataAccessException e) {
            knownHere.remove(eventId);
            log.warn("Could not record the problem of stored event {}", eventId, e);
        }
    }

    /** The innermost causes' classes and messages, never a stack trace. */
    static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder();
        Throwable current = cause;
        for (int depth = 0; current != null && depth < 4; depth++, current = current.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(current.getClass().getSimpleName()).append(": ").append(firstLine(current.getMessage()));
            if (current.getCause() == current) {
                break;
            }
        }
        return text.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * @param position  {@code global_index}, the event's place in the log
     * @param firstSeen when a node first met it
     */
    public record Problem(String eventId, String problem, Long position, String aggregateType, String aggregateId,
                          Long sequenceNumber, String payloadType, String cause, Instant firstSeen) {
    }

    /**
     * @param unreadable   how many stored events cannot be read
     * @param unknownTypes per stored type without a class, how many events have it
     */
    public record Summary(long unreadable, Map<String, Long> unknownTypes, Instant readAt) {
    }
}
