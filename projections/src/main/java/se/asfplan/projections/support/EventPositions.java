package se.asfplan.projections.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An event's own position (global index) in the event store.
 *
 * <p>The position of the tracking token an event handler receives is not always the event's own: a gap-aware token's
 * position is the highest index its processor has seen, so an event committed after one with a higher index (two
 * commands recorded at the same moment) arrives, filling the gap, with the later event's position. A fact that names
 * its event's position reads it from the event store instead, so that what the live processor writes and what a
 * rebuild writes (which meets no gaps, everything being committed) are the same, and a report traces an outcome to
 * the right events.
 *
 * <p>Reading one row per event made a rebuild pay one query per event and group. {@link #of(JdbcTemplate, String,
 * TrackingToken)} reads the identifiers of the next {@value #WINDOW} stored events from the token's position on in one
 * query and keeps them for the processing thread; the following events of a batch are then found without a query.
 * An event not among them (one that filled a gap, below the token's position) is read by itself as before, so the
 * position is always the one stored with the event.
 */
public final class EventPositions {

    /** How many stored events one look-up reads ahead of the token's position. */
    static final int WINDOW = 1000;

    /** The positions a processing thread has read, the most recent {@code 4 * WINDOW}. */
    private static final ThreadLocal<Map<String, Long>> KNOWN = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(4 * WINDOW, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > 4 * WINDOW;
                }
            });

    private EventPositions() {
    }

    /** The global index of the event with this identifier; the event is committed before any processor sees it. */
    public static long of(JdbcTemplate jdbc, String eventId) {
        List<Long> found = jdbc.queryForList("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, eventId);
        if (found.isEmpty()) {
            throw new IllegalStateException("event " + eventId + " is not in the event store");
        }
        return found.get(0);
    }

    /**
     * The global index of the event with this identifier, delivered with {@code token}: read with the events that
     * follow the token's position, or by itself when it is not among them.
     */
    public static long of(JdbcTemplate jdbc, String eventId, TrackingToken token) {
        Map<String, Long> known = KNOWN.get();
        Long index = known.get(eventId);
        if (index != null) {
            return index;
        }
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (position.isPresent()) {
            jdbc.query("select event_identifier, global_index from domain_event_entry where global_index >= ? "
                            + "and global_index < ? order by global_index",
                    row -> {
                        known.put(row.getString(1), row.getLong(2));
                    }, position.getAsLong(), position.getAsLong() + WINDOW);
            index = known.get(eventId);
            if (index != null) {
                return index;
            }
        }
        long own = of(jdbc, eventId);
        known.put(eventId, own);
        return own;
    }
}
