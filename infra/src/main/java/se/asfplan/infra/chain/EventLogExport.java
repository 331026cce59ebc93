package se.asfplan.infra.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole log as JSON Lines, streamed a page at a time, and the check of such a file.
 * <p>
 * The first line is a header: {@code {"format": "asf-plan-tracker/event-log/v1", "exportedAt", "genesis", "head":
 * {"position", "link"}}}, the chain's head when the export began; every following line is one event up to that
 * position, in order: {@code position, eventId, aggregateId, sequence, type, payloadType, payloadRevision,
 * timestamp, payload, metaData, link, previousPosition}. {@code payload} and {@code metaData} are the stored bytes
 * as text (they are UTF-8 JSON); bytes that are no valid UTF-8 are given as {@code payloadBase64} /
 * {@code metaDataBase64} instead. {@code link} is the stored link (null for an event that was never chained).
 */
public class EventLogExport {

    /** The header's {@code format}. */
    public static final String FORMAT = "asf-plan-tracker/event-log/v1";

    private static final int PAGE = 2_000;

    private final JdbcTemplate jdbc;
    private final JsonFactory factory = new JsonFactory();

    public EventLogExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the export; answers how many events it wrote. {@code progress} hears of every page. */
    public long export(OutputStream out, EventChainVerifier.Progress progress) throws IOException {
        EventChain.Head head = jdbc.query("select global_index, link from event_chain order by global_index desc "
                + "limit 1", (row, n) -> new EventChain.Head(row.getLong(1), row.getString(2))).stream()
                .findFirst().orElse(new EventChain.Head(null, ChainHash.GENESIS));
        long bound = head.position() == null ? 0 : head.position();
        long total = head.position() == null ? 0 : jdbc.queryForObject(
                "select count(*) from domain_event_entry where global_index <= ?", Long.class, bound);
        JsonGenerator json = factory.createGenerator(out);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeStringField("exportedAt", Instant.now().toString());
        json.writeStringField("genesis", ChainHash.GENESIS);
        json.writeObjectFieldStart("head");
        if (head.position() == null) {
            json.writeNullField("position");
        } else {
            json.writeNumberField("position", head.position());
        }
        json.writeStringField("link", head.link());
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
        long written = 0;
        long after = Long.MIN_VALUE;
        while (head.position() != null) {
            List<Object[]> page = new ArrayList<>(PAGE);
            jdbc.query("select " + prefixed() + ", c.link, c.previous_index from domain_event_entry e "
                    + "left join event_chain c on c.global_index = e.global_index and "
                    + EventChainVerifier.range("c.", after, bound) + " where "
                    + EventChainVerifier.range("e.", after, bound) + " order by e.global_index limit " + PAGE,
                    row -> {
                        page.add(new Object[] {StoredEvent.read(row), row.getString("link"),
                                row.getObject("previous_index", Long.class)});
                    });
            for (Object[] entry : page) {
                write(json, (StoredEvent) entry[0], (String) entry[1], (Long) entry[2]);
                written++;
            }
            json.flush();
            if (page.isEmpty()) {
                break;
            }
            after = ((StoredEvent) page.get(page.size() - 1)[0]).position();
            progress.at(written, total, after);
            if (page.size() < PAGE) {
                break;
            }
        }
        json.flush();
        return written;
    }

    private static String prefixed() {
        return "e." + StoredEvent.COLUMNS.replace(", ", ", e.");
    }

    private void write(JsonGenerator json, StoredEvent event, String link, Long previous) throws IOException {
        json.writeStartObject();
        json.writeNumberField("position", event.position());
        json.writeStringField("eventId", event.eventId());
        json.writeStringField("aggregateId", event.aggregateId());
        json.writeNumberField("sequence", event.sequence());
        json.writeStringField("type", event.type());
        json.writeStringField("payloadType", event.payloadType());
        json.writeStringField("payloadRevision", event.payloadRevision());
        json.writeStringField("timestamp", event.timestamp());
        bytes(json, "payload", event.payload());
        bytes(json, "metaData", event.metaData());
        json.writeStringField("link", link);
        if (previous == null) {
            json.writeNullField("previousPosition");
        } else {
            json.writeNumberField("previousPosition", previous);
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static void bytes(JsonGenerator json, String field, byte[] bytes) throws IOException {
        if (bytes == null) {
            json.writeNullField(field);
            return;
        }
        try {
            json.writeStringField(field, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            json.writeStringField(field + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    /**
     * What the check of an export file found.
     *
     * @param events   event lines read
     * @param head     the header's head position
     * @param headLink the link recomputed at the last event
     * @param problems each problem, with its line's position
     */
    public record FileCheck(long events, Long head, String headLink, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks an export file on its own: recomputes every link from the genesis over the events in the file and
     * compares each with the exported link, the last with the header's head, and with {@code supplied} if given.
     */
    public static FileCheck check(InputStream file, EventChainVerifier.SuppliedCheckpoint supplied)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(file, StandardCharsets.UTF_8));
        String headerLine = lines.readLine();
        JsonNode header = headerLine == null ? null : mapper.readTree(headerLine);
        if (header == null || !FORMAT.equals(header.path("format").asText())) {
            return new FileCheck(0, null, null, List.of("the first line is no header of format " + FORMAT));
        }
        Long headPosition = header.path("head").path("position").isNumber()
                ? header.path("head").path("position").asLong() : null;
        String link = ChainHash.GENESIS;
        Long last = null;
        boolean suppliedSeen = false;
        long events = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode event = mapper.readTree(line);
            events++;
            StoredEvent stored = new StoredEvent(event.path("position").asLong(), text(event, "eventId"),
                    text(event, "aggregateId"), event.path("sequence").asLong(), text(event, "type"),
                    text(event, "payloadType"), text(event, "payloadRevision"), text(event, "timestamp"),
                    bytes(event, "payload"), bytes(event, "metaData"));
            if (last != null && stored.position() <= last) {
                problems.add("position " + stored.position() + ": not after position " + last);
            }
            link = ChainHash.link(link, stored.canonical());
            if (!link.equals(text(event, "link"))) {
                problems.add("position " + stored.position() + ": the link recomputed is " + link
                        + ", the export says " + text(event, "link"));
                if (ChainHash.isLink(text(event, "link"))) {
                    link = text(event, "link"); // judge the next event against the link the log holds
                }
            }
            if (supplied != null && supplied.position() == stored.position()) {
                suppliedSeen = true;
                if (!supplied.head().equals(link)) {
                    problems.add("position " + stored.position() + ": your checkpoint's head is " + supplied.head()
                            + ", the export's chain has " + link);
                }
            }
            last = stored.position();
        }
        if (!java.util.Objects.equals(last, headPosition)) {
            problems.add("the header names the head at position " + headPosition + ", the last event is at " + last);
        } else if (headPosition != null && !link.equals(header.path("head").path("link").asText())) {
            problems.add("the header's head link " + header.path("head").path("link").asText()
                    + " is not the last link " + link);
        }
        if (supplied != null && !suppliedSeen) {
            problems.add("your checkpoint's position " + supplied.position() + " is not in the export");
        }
        return new FileCheck(events, headPosition, link, problems);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(JsonNode node, String field) {
        JsonNode text = node.get(field);
        if (text != null && !text.isNull()) {
            return text.asText().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode base64 = node.get(field + "Base64");
        if (base64 != null && !base64.isNull()) {
            return Base64.getDecoder().decode(base64.asText());
        }
        return null;
    }

}
