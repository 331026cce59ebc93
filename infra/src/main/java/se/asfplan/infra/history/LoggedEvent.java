package se.asfplan.infra.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import se.asfplan.domain.shared.RecordingMetadataKeys;

/**
 * One row of the event store as it is stored: position ({@code global_index}), event id, the aggregate it belongs
 * to with its type and sequence number, the payload's stored type and revision, the recording moment, and payload
 * and metadata as JSON trees.
 *
 * @param recordedAtText the stored timestamp as written, kept in case it does not parse as an ISO-8601 instant
 */
public record LoggedEvent(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                          String payloadType, String payloadRevision, Instant recordedAt, String recordedAtText,
                          JsonNode payload, JsonNode metaData) {

    /** Axon's own metadata keys for the ids that tie an event to the message that caused it. */
    public static final String CORRELATION_ID = "correlationId";
    public static final String TRACE_ID = "traceId";

    /** The stable type: the payload's stored class name without its package and enclosing class. */
    public String type() {
        return simpleName(payloadType);
    }

    public static String simpleName(String storedType) {
        if (storedType == null) {
            return null;
        }
        int cut = Math.max(storedType.lastIndexOf('$'), storedType.lastIndexOf('.'));
        return storedType.substring(cut + 1);
    }

    /** A top-level text field of the payload; null when absent or not a scalar. */
    public String text(String field) {
        JsonNode node = payload == null ? null : payload.get(field);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private String meta(String key) {
        JsonNode node = metaData == null ? null : metaData.get(key);
        return node == null || node.isNull() ? null : node.asText();
    }

    public String recordedBy() {
        return meta(RecordingMetadataKeys.RECORDED_BY);
    }

    public String recordedVia() {
        return meta(RecordingMetadataKeys.RECORDED_VIA);
    }

    public String requestId() {
        return meta(RecordingMetadataKeys.REQUEST_ID);
    }

    public String correlationId() {
        return meta(CORRELATION_ID);
    }

    public String traceId() {
        return meta(TRACE_ID);
    }

    /** The event this one retracts, when it is a retraction ({@code *FactRetractedEvent} naming a {@code retractedEventId}). */
    public String retractedEventId() {
        String type = type();
        return type != null && type.endsWith("RetractedEvent") ? text("retractedEventId") : null;
    }

    /**
     * The business date: {@code occurredOn}, or else the first top-level field whose name ends in "On" or "Date"
     * holding a date written YYYY-MM-DD; null when the event names none.
     */
    public LocalDate businessDate() {
        LocalDate occurredOn = date(text("occurredOn"));
        if (occurredOn != null || payload == null) {
            return occurredOn;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ((field.getKey().endsWith("On") || field.getKey().endsWith("Date")) && field.getValue().isTextual()) {
                LocalDate date = date(field.getValue().asText());
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
