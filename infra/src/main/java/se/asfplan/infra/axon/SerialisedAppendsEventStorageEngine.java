package se.asfplan.infra.axon;

import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import se.asfplan.infra.storedevents.StoredEventChecks;

import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import se.asfplan.infra.chain.EventChain;

/**
 * Axon's JDBC event storage engine with two changes: every append writes the events' links of the hash chain in its
 * transaction ({@link EventChain}), and every append first takes a transaction-scoped lock (the single
 * row of {@code event_append_lock}, {@code select ... for update}), so appends to {@code domain_event_entry} commit
 * one after the other and the order of {@code global_index} is the order of commit.
 * <p>
 * Why: {@code global_index} comes from a sequence, which hands out numbers when rows are inserted, not when they
 * commit. Without the lock, a transaction that inserts index 7 and commits after the one that inserted index 8
 * leaves a gap that a tracking processor has already passed. Axon waits for such gaps only for the gap timeout; an
 * event that commits later than that is never delivered to the projections. With the lock, a gap is only ever left
 * by a transaction that rolled back, and skipping that after the timeout loses nothing (and does not stall
 * processing: the processor goes on with later events meanwhile).
 * <p>
 * The lock is held from the insert until commit, so appends from different commands wait for each other. Command
 * handling itself (loading the aggregate, deciding) still runs in parallel; only the insert-and-commit step is
 * serial. The same statement works on PostgreSQL and H2 (where the session's lock timeout is raised from one
 * second to a minute, PostgreSQL's default being to wait).
 */
public class SerialisedAppendsEventStorageEngine extends JdbcEventStorageEngine {

    /** Locks the one row of the lock table until the surrounding transaction ends. */
    static final String LOCK_STATEMENT = "select id from event_append_lock where id = 1 for update";

    private static final String H2 = "H2";

    /** How long an append on H2 waits for the lock before it fails. */
    static final int H2_LOCK_TIMEOUT_MS = 60_000;

    private final int gapTimeoutMillis;
    private final StoredEventChecks checks;

    private final TransactionManager transactionManager;

    /**
     * @param builder            Axon's builder with every setting but the gap timeout
     * @param transactionManager the same transaction manager the builder was given
     * @param gapTimeoutMillis   how long a gap in {@code global_index} is waited for before it is given up
     */
    public SerialisedAppendsEventStorageEngine(JdbcEventStorageEngine.Builder builder,
                                               TransactionManager transactionManager, int gapTimeoutMillis) {
        this(builder, transactionManager, gapTimeoutMillis, null);
    }

    /**
     * @param checks reads every event handed out and records those that cannot be read or have an unknown type;
     *               a record with an unreadable event cannot be loaded for a command (null: no checks)
     */
    public SerialisedAppendsEventStorageEngine(JdbcEventStorageEngine.Builder builder,
                                               TransactionManager transactionManager, int gapTimeoutMillis,
                                               StoredEventChecks checks) {
        super(builder.gapTimeout(gapTimeoutMillis).transactionManager(transactionManager));
        this.transactionManager = transactionManager;
        this.gapTimeoutMillis = gapTimeoutMillis;
        this.checks = checks;
    }

    /** A record's events, each read as it is handed out (see {@link StoredEventChecks#checked}). */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream events = super.readEvents(aggregateIdentifier, firstSequenceNumber);
        return checks == null ? events : checks.checked(events);
    }

    /** The log from the token on, each event read as it is handed out (see {@link StoredEventChecks#checkedTracked}). */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return checks == null ? events : checks.checkedTracked(events);
    }

    /**
     * Appends as Axon does (taking the append lock first, see {@link #appendEvents(Connection, List, Serializer)}),
     * then, in the same transaction and still under the lock, writes the events' links of the hash chain
     * ({@link EventChain}). Axon's own transaction joins the surrounding one (the command's unit of work), so the
     * events and their links commit, or roll back, together.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            Connection connection = getConnection();
            try {
                EventChain.append(connection, events.stream().map(EventMessage::getIdentifier).toList());
            } catch (SQLException e) {
                throw new EventStoreException("Failed to chain the appended events", e);
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
    }

    /**
     * Reads on from the token as Axon does, after forgetting the token's gaps that have timed out.
     * <p>
     * Axon forgets a timed-out gap only when it reads an event older than the gap timeout, or when a token holds
     * more than its gap-cleaning threshold (250 gaps, and it must be positive). A processor that keeps up with the
     * store does neither, so the gap of a single rolled-back append would stay in its token for ever and the
     * processed position (below the lowest gap) would never pass it. Here the check Axon makes at the threshold is
     * made whenever the token has a gap: a gap is dropped once the event after it is older than the gap timeout.
     * With serialised appends a gap that old can only be a rollback.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return super.fetchTrackedEvents(withTimedOutGapsForgotten(lastToken), batchSize);
    }

    private TrackingToken withTimedOutGapsForgotten(TrackingToken token) {
        if (!(token instanceof GapAwareTrackingToken gapAware) || gapAware.getGaps().isEmpty()) {
            return token;
        }
        SortedSet<Long> gaps = gapAware.getGaps();
        Instant timedOutBefore = GenericEventMessage.clock.instant().minusMillis(gapTimeoutMillis);
        EventSchema schema = schema();
        String sql = "select " + schema.globalIndexColumn() + ", " + schema.timestampColumn() + " from "
                + schema.domainEventTable() + " where " + schema.globalIndexColumn() + " >= ? and "
                + schema.globalIndexColumn() + " <= ? order by " + schema.globalIndexColumn();
        return executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setLong(1, gaps.first());
            statement.setLong(2, gaps.last() + 1);
            return statement;
        }, rows -> {
            GapAwareTrackingToken cleaned = gapAware;
            while (rows.next()) {
                long index = rows.getLong(1);
                Instant recorded = DateTimeUtils.parseInstant(
                        readTimeStamp(rows, schema.timestampColumn()).toString());
                if (gaps.contains(index) || recorded.isAfter(timedOutBefore)) {
                    break; // a gap filled meanwhile, or the rest is too recent to give up on
                }
                if (gaps.contains(index - 1)) {
                    cleaned = cleaned.withGapsTruncatedAt(index);
                }
            }
            return cleaned;
        }, e -> new EventStoreException("Failed to look for timed-out gaps after " + token, e));
    }

    /**
     * Takes the append lock on the connection that is about to insert the events, then builds the insert as Axon
     * does. The lock belongs to the transaction of that connection (the unit of work's), so it is released by its
     * commit or rollback.
     */
    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        lock(connection);
        return super.appendEvents(connection, events, serializer);
    }

    static void lock(Connection connection) throws SQLException {
        if (H2.equals(connection.getMetaData().getDatabaseProductName())) {
            // H2 gives up waiting for a lock after one second by default; an append may wait for a long import.
            // (This setting is per session, does not commit, and is not undone by a rollback.)
            try (Statement statement = connection.createStatement()) {
                statement.execute("set lock_timeout " + H2_LOCK_TIMEOUT_MS);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(LOCK_STATEMENT);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("event_append_lock has no row 1: the Flyway migration is missing");
            }
        }
    }
}
