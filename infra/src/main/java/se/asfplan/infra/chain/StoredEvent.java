package se.asfplan.infra.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domain_event_entry} exactly as it is stored, and its canonical form: the bytes the chain hashes.
 * <p>
 * The canonical form is the concatenation, in this order, of the fields position ({@code global_index} as decimal
 * digits), event id, aggregate id, sequence number (decimal digits), aggregate type ({@code type}), payload type,
 * payload revision, timestamp (the stored ISO-8601 string), payload (the stored bytes) and metadata (the stored
 * bytes), each written as its length in bytes (4 bytes, big-endian) followed by its bytes (text as UTF-8); a field
 * that is null is written as the length -1 ({@code ff ff ff ff}) and no bytes. docs/auditing.md shows the same in
 * Python.
 *
 * @param position        {@code global_index}
 * @param eventId         {@code event_identifier}
 * @param aggregateId     {@code aggregate_identifier}
 * @param sequence        {@code sequence_number}
 * @param type            {@code type}, the aggregate type (may be null)
 * @param payloadType     {@code payload_type}
 * @param payloadRevision {@code payload_revision} (may be null)
 * @param timestamp       {@code time_stamp} as stored
 * @param payload         {@code payload} as stored
 * @param metaData        {@code meta_data} as stored (may be null)
 */
public record StoredEvent(long position, String eventId, String aggregateId, long sequence, String type,
                          String payloadType, String payloadRevision, String timestamp, byte[] payload,
                          byte[] metaData) {

    /** The columns {@link #read(ResultSet)} reads, in a select list. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, "
            + "type, payload_type, payload_revision, time_stamp, payload, meta_data";

    /** Reads the current row of a result set that selected {@link #COLUMNS}. */
    public static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("type"),
                row.getString("payload_type"), row.getString("payload_revision"), row.getString("time_stamp"),
                row.getBytes("payload"), row.getBytes("meta_data"));
    }

    /** The canonical form (see the class comment). */
    public byte[] canonical() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(payload) + length(metaData));
        field(out, Long.toString(position));
        field(out, eventId);
        field(out, aggregateId);
        field(out, Long.toString(sequence));
        field(out, type);
        field(out, payloadType);
        field(out, payloadRevision);
        field(out, timestamp);
        field(out, payload);
        field(out, metaData);
        return out.toByteArray();
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void field(ByteArrayOutputStream out, String text) {
        field(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        int length = bytes == null ? -1 : bytes.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (bytes != null) {
            out.write(bytes, 0, bytes.length);
        }
    }
}
