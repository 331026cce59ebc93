package se.asfplan.infra.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes the chain rows of events just appended, on the appending connection, in its transaction. The caller must
 * hold the append lock (see {@code SerialisedAppendsEventStorageEngine}) from before the events were inserted until
 * the transaction ends: then no other append can chain in between, the chain's head read here is the last committed
 * one, and the chain follows the order of commit. A rolled-back append takes its chain rows with it (its positions
 * stay a gap in both tables, which is no break: each chain row names its predecessor's position).
 */
public final class EventChain {

    private static final int IDS_PER_QUERY = 500;

    private EventChain() {
    }

    /**
     * Chains the events with the given ids (just inserted on this connection), in the order of their positions.
     *
     * @throws IllegalStateException when one of them is not found, or lies before the chain's head
     */
    public static void append(Connection connection, List<String> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return;
        }
        List<StoredEvent> events = read(connection, eventIds);
        if (events.size() != eventIds.size()) {
            throw new IllegalStateException("Only " + events.size() + " of the " + eventIds.size()
                    + " appended events were found to chain");
        }
        Head head = head(connection);
        String chainedAt = Instant.now().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event_chain (global_index, previous_index, event_identifier, event_sha256,
                                         payload_sha256, meta_data_sha256, link, chained_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (StoredEvent event : events) {
                if (head.position() != null && event.position() <= head.position()) {
                    throw new IllegalStateException("Event " + event.eventId() + " at position " + event.position()
                            + " lies before the chain's head at " + head.position()
                            + ": appends are not serialised");
                }
                byte[] canonical = event.canonical();
                String link = ChainHash.link(head.link(), canonical);
                insert.setLong(1, event.position());
                if (head.position() == null) {
                    insert.setNull(2, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(2, head.position());
                }
                insert.setString(3, event.eventId());
                insert.setString(4, ChainHash.sha256(canonical));
                insert.setString(5, ChainHash.sha256(event.payload()));
                insert.setString(6, ChainHash.sha256(event.metaData()));
                insert.setString(7, link);
                insert.setString(8, chainedAt);
                insert.addBatch();
                head = new Head(event.position(), link);
            }
            insert.executeBatch();
        }
    }

    /**
     * Chains every event after the chain's head, in the order of position, a page at a time: for the Flyway
     * migration that introduces the chain into a database that already holds events (it runs before the service
     * appends anything). Answers how many events were chained.
     */
    public static long chainEverythingAfterHead(Connection connection, int pageSize) throws SQLException {
        long chained = 0;
        while (true) {
            Head head = head(connection);
            List<String> ids = new ArrayList<>(pageSize);
            try (PreparedStatement statement = connection.prepareStatement("select event_identifier from "
                    + "domain_event_entry where global_index > ? order by global_index limit " + pageSize)) {
                statement.setLong(1, head.position() == null ? Long.MIN_VALUE : head.position());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return chained;
            }
            append(connection, ids);
            chained += ids.size();
        }
    }

    /** The chain's last row: its position (null when the chain is empty) and link (the genesis link then). */
    public record Head(Long position, String link) {
    }

    /** The last row of the chain as this connection sees it. */
    public static Head head(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select global_index, link from event_chain order by global_index desc limit 1");
             ResultSet row = statement.executeQuery()) {
            return row.next() ? new Head(row.getLong(1), row.getString(2)) : new Head(null, ChainHash.GENESIS);
        }
    }

    private static List<StoredEvent> read(Connection connection, List<String> eventIds) throws SQLException {
        List<StoredEvent> events = new ArrayList<>(eventIds.size());
        for (int from = 0; from < eventIds.size(); from += IDS_PER_QUERY) {
            List<String> part = eventIds.subList(from, Math.min(eventIds.size(), from + IDS_PER_QUERY));
            String sql = "select " + StoredEvent.COLUMNS + " from domain_event_entry where event_identifier in ("
                    + String.join(",", Collections.nCopies(part.size(), "?")) + ")";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) {
                    statement.setString(i + 1, part.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(StoredEvent.read(rows));
                    }
                }
            }
        }
        events.sort(java.util.Comparator.comparingLong(StoredEvent::position));
        return events;
    }
}
