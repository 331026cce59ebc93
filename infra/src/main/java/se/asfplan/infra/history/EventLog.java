package se.asfplan.infra.history;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import se.asfplan.infra.privacy.PersonalDataProtection;

/**
 * Reads {@code domain_event_entry} as it is stored, read only: one aggregate's stream in sequence order, or one
 * event by its position or id. Payload and metadata are decoded as JSON trees with a plain {@link ObjectMapper}; a
 * payload that is no JSON is shown as its text rather than failing the history. The payload is shown as every read
 * shows it ({@link PersonalDataProtection#reveal}): a sole trader's name decrypted, or marked erased once its key is
 * destroyed, and every personnummer in a text masked; the stored row is never changed.
 */
@Component
public class EventLog {

    private static final String COLUMNS = """
            select global_index, event_identifier, type, aggregate_identifier, sequence_number, payload_type,
                   payload_revision, time_stamp, payload, meta_data
            from domain_event_entry""";

    private final JdbcTemplate jdbc;
    private final PersonalDataProtection personalData;
    private final ObjectMapper json = new ObjectMapper();
    private final RowMapper<LoggedEvent> rows = this::row;

    EventLog(JdbcTemplate jdbc, PersonalDataProtection personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    /** Every event of one aggregate of the given type, in sequence order; empty when none is stored. */
    public List<LoggedEvent> stream(String aggregateType, String aggregateId) {
        return jdbc.query(COLUMNS + " where aggregate_identifier = ? and type = ? order by sequence_number", rows,
                aggregateId, aggregateType);
    }

    /** The ids of every aggregate of the given type that has an event, in order. */
    public List<String> aggregates(String aggregateType) {
        return jdbc.queryForList("select distinct aggregate_identifier from domain_event_entry where type = ? "
                + "order by aggregate_identifier", String.class, aggregateType);
    }

    /** The event at a position of the log. */
    public Optional<LoggedEvent> atPosition(long position) {
        return jdbc.query(COLUMNS + " where global_index = ?", rows, position).stream().findFirst();
    }

    /** The event with the given event identifier. */
    public Optional<LoggedEvent> withId(String eventId) {
        return jdbc.query(COLUMNS + " where event_identifier = ?", rows, eventId).stream().findFirst();
    }

    private LoggedEvent row(ResultSet rs, int row) throws SQLException {
        String timestamp = rs.getString("time_stamp");
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(timestamp);
        } catch (DateTimeParseException | NullPointerException e) {
            recordedAt = null;
        }
        return new LoggedEvent(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("payload_type"),
                rs.getString("payload_revision"), recordedAt, timestamp, revealed(tree(rs.getBytes("payload"))),
                tree(rs.getBytes("meta_data")));
    }

    private JsonNode revealed(JsonNode payload) {
        if (payload != null && payload.isContainerNode()) {
            personalData.reveal(payload);
        }
        return payload;
    }

    private JsonNode tree(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return TextNode.valueOf(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
