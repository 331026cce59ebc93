package se.asfplan.web.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import se.asfplan.infra.history.EventOwner;
import se.asfplan.infra.history.HistoryEntry;
import se.asfplan.infra.history.LoggedEvent;
import se.asfplan.infra.history.RecordHistory;
import se.asfplan.infra.history.RecordKind;
import se.asfplan.web.api.problem.NotFoundException;

/**
 * The histories and event look-ups the auditor's API and pages show, filtered by who recorded and by the recorded
 * time, and paged. A history is read whole from its aggregate's stream (the links need the whole stream) and paged
 * after filtering.
 */
@Component
public class HistoryReader {

    /** The largest page a history answers. */
    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");

    private final RecordHistory histories;

    HistoryReader(RecordHistory histories) {
        this.histories = histories;
    }

    /** A filter on a history: who recorded (exact login, null for anyone) and the recorded-time range, inclusive. */
    public record Filter(String user, Instant from, Instant to) {

        boolean accepts(LoggedEvent event) {
            return (user == null || user.isBlank() || user.strip().equals(event.recordedBy()))
                    && (from == null || event.recordedAt() != null && !event.recordedAt().isBefore(from))
                    && (to == null || event.recordedAt() != null && !event.recordedAt().isAfter(to));
        }
    }

    /**
     * One page of a record's history.
     *
     * @param total    how many events the filtered history holds
     * @param unfiltered how many events the record's history holds in all
     */
    public record HistoryPage(RecordReference record, String user, Instant from, Instant to, int page, int size,
                              long total, long unfiltered, List<HistoryEvent> events) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** One event with the record it belongs to, its full payload and metadata as stored. */
    public record EventAnswer(HistoryEvent event, RecordReference record, RecordReference stream,
                              String aggregateType, String payloadType, String payloadRevision,
                              String storedTimestamp, JsonNode payload, JsonNode metaData) {
    }

    public static RecordKind kind(String name) {
        return RecordKind.fromPath(name == null ? "" : name.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalArgumentException("kind must be one of plan, area, activity, goal, enterprise, meeting, "
                        + "procurement, party, but was '" + name + "'"));
    }

    public HistoryPage history(RecordKind kind, String id, String partId, Filter filter, int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE + ", but was " + size);
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, but was " + page);
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new IllegalArgumentException("from must not be after to");
        }
        List<HistoryEntry> all = histories.of(kind, id, partId).orElseThrow(() -> new NotFoundException(
                kind.partOfPlan() ? "No event of plan " + id + " names the " + kind.pathName() + " " + partId
                        : "No " + kind.pathName() + " " + id + " is recorded"));
        List<HistoryEntry> kept = all.stream().filter(entry -> filter.accepts(entry.event())).toList();
        List<HistoryEvent> events = kept.stream().skip((long) page * size).limit(size).map(HistoryEvent::of).toList();
        RecordReference record = kind.partOfPlan() ? RecordReference.of(kind, partId, id)
                : RecordReference.of(kind, id, null);
        return new HistoryPage(record, filter.user(), filter.from(), filter.to(), page, size, kept.size(),
                all.size(), events);
    }

    /** One event by its position (digits) or its event id. */
    public EventAnswer event(String positionOrId) {
        String key = positionOrId == null ? "" : positionOrId.strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("positionOrId must be a position (digits) or an event id");
        }
        RecordHistory.Located located = (POSITION.matcher(key).matches()
                ? histories.locate(Long.parseLong(key)) : histories.locate(key))
                .orElseThrow(() -> new NotFoundException("No event is stored at position or with id " + key));
        LoggedEvent event = located.entry().event();
        EventOwner owner = located.owner();
        return new EventAnswer(HistoryEvent.of(located.entry()),
                owner == null ? null : RecordReference.record(owner),
                owner == null ? null : RecordReference.stream(owner),
                event.aggregateType(), event.payloadType(), event.payloadRevision(), event.recordedAtText(),
                event.payload(), event.metaData());
    }
}
