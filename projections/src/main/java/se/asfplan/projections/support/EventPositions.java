package se.asfplan.projections.support;

import java.util.List;

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
 */
public final class EventPositions {

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
}
