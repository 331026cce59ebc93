package se.asfplan.infra.axon;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import se.asfplan.infra.storedevents.StoredEventReader;
import se.asfplan.infra.storedevents.StoredEventReader.Upcasted;

/**
 * A dead-letter queue keeps its own copy of each parked event's payload, taken when it was parked; retried as is, an
 * event parked because it could not be read fails the same way after the stored event was repaired or an upcaster
 * was added. Before a retry, each parked event's payload, type and revision are replaced with the event as the event
 * store and the current upcasters give it now ({@link StoredEventReader}); an event no longer in the store keeps its
 * copy.
 */
public class DeadLetterRefresh {

    private final JdbcTemplate jdbc;
    private final StoredEventReader reader;

    public DeadLetterRefresh(JdbcTemplate jdbc, StoredEventReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** @return how many parked events of the processing group were brought up to date */
    public int refresh(String processingGroup) {
        List<String> eventIds = jdbc.queryForList(
                "select event_identifier from dead_letter_entry where processing_group = ?", String.class,
                processingGroup);
        int refreshed = 0;
        for (String eventId : eventIds) {
            Upcasted event = reader.upcasted(eventId).orElse(null);
            if (event != null) {
                refreshed += jdbc.update("""
                        update dead_letter_entry set payload_type = ?, payload_revision = ?, payload = ?
                        where processing_group = ? and event_identifier = ?""",
                        event.payloadType(), event.payloadRevision(), event.payload(), processingGroup, eventId);
            }
        }
        return refreshed;
    }
}
