package se.asfplan.infra.storedevents;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one stored event as the store holds it now and as the current upcasters give it: what the dead-letter
 * retry hands to the handlers (instead of the copy of the payload the queue took when it parked the event), and
 * what health uses to see whether an event recorded as unreadable reads again.
 */
public class StoredEventReader {

    private final JdbcTemplate jdbc;
    private final Supplier<EventUpcaster> upcasters;
    private final Serializer serializer;

    /**
     * @param upcasters  the chain the storage engine reads through (Axon's configuration builds it once started)
     * @param serializer the event serializer, which reads with today's input rules suspended
     */
    public StoredEventReader(JdbcTemplate jdbc, Supplier<EventUpcaster> upcasters, Serializer serializer) {
        this.jdbc = jdbc;
        this.upcasters = upcasters;
        this.serializer = serializer;
    }

    /** The event's payload after the current upcasters, empty when no event has the id (or it upcasts to none). */
    public Optional<Upcasted> upcasted(String eventId) {
        List<GenericDomainEventEntry<byte[]>> rows = jdbc.query("""
                select type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,
                       payload_revision, payload, meta_data
                from domain_event_entry where event_identifier = ?""",
                (rs, row) -> new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                        metaData(rs.getBytes("meta_data"))), eventId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        EventUpcaster chain = upcasters.get();
        Stream<IntermediateEventRepresentation> initial = Stream.of(new InitialEventRepresentation(rows.get(0), serializer));
        List<IntermediateEventRepresentation> upcasted = (chain == null ? initial : chain.upcast(initial)).toList();
        if (upcasted.size() != 1) {
            return Optional.empty();
        }
        SerializedObject<byte[]> data = upcasted.get(0).getData(byte[].class);
        return Optional.of(new Upcasted(eventId, data.getType().getName(), data.getType().getRevision(),
                data.getData(), data));
    }

    private static byte[] metaData(byte[] stored) {
        return stored == null ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : stored;
    }

    /**
     * Whether the event reads now (as the store and the upcasters give it), as a description of why not; empty when
     * it reads or is no longer stored.
     */
    public Optional<String> whyUnreadable(String eventId) {
        Optional<Upcasted> event = upcasted(eventId);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        try {
            Object payload = serializer.deserialize(event.get().serialized());
            return payload instanceof UnknownSerializedType ? Optional.of("unknown type " + event.get().payloadType())
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(StoredEventProblems.describe(e));
        }
    }

    /** A stored event's payload after upcasting, serialized as the dead-letter queue stores payloads. */
    public record Upcasted(String eventId, String payloadType, String payloadRevision, byte[] payload,
                           SerializedObject<byte[]> serialized) {
    }
}
