package se.asfplan.infra.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The history of a record: every event of its aggregate's stream (for a plan's area, activity or goal, those of
 * the plan's stream whose payload names it), each linked to the retraction that retracts it and to the event it
 * retracts. A retraction is stored in the same stream as the fact it names, so both links are found in the stream.
 */
@Component
public class RecordHistory {

    private final EventLog log;

    RecordHistory(EventLog log) {
        this.log = log;
    }

    /**
     * The history of a record, oldest first; empty when nothing is stored under the id (or, for a part of a plan,
     * when no event of the plan names it).
     *
     * @param id     the record's id; for an area, activity or goal the plan's id
     * @param partId the area's, activity's or goal's id; ignored for other kinds
     */
    public Optional<List<HistoryEntry>> of(RecordKind kind, String id, String partId) {
        List<LoggedEvent> stream = log.stream(kind.aggregateType(), id);
        List<HistoryEntry> linked = linked(stream);
        if (kind.partOfPlan()) {
            linked = linked.stream().filter(entry -> partId != null
                    && partId.equals(entry.event().text(kind.partField()))).toList();
        }
        return linked.isEmpty() ? Optional.empty() : Optional.of(linked);
    }

    /** The ids of every record of a kind that is its own aggregate (plan, enterprise, ...), in order. */
    public List<String> ids(RecordKind kind) {
        return log.aggregates(kind.aggregateType());
    }

    /** One event by its position or id, linked within its aggregate's stream, with the record it belongs to. */
    public Optional<Located> locate(long position) {
        return log.atPosition(position).map(this::located);
    }

    public Optional<Located> locate(String eventId) {
        return log.withId(eventId).map(this::located);
    }

    /** An event with its links and its record; {@code owner} is null for an event of an unknown aggregate type. */
    public record Located(HistoryEntry entry, EventOwner owner) {
    }

    private Located located(LoggedEvent event) {
        HistoryEntry entry = linked(log.stream(event.aggregateType(), event.aggregateId())).stream()
                .filter(candidate -> candidate.event().position() == event.position()).findFirst()
                .orElse(new HistoryEntry(event, event.retractedEventId(), null));
        return new Located(entry, owner(event));
    }

    /** The record an event belongs to, by its aggregate type and, within a plan, the part its payload names. */
    public static EventOwner owner(LoggedEvent event) {
        RecordKind kind = RecordKind.ofAggregateType(event.aggregateType()).orElse(null);
        if (kind == null) {
            return null;
        }
        if (kind == RecordKind.PLAN) {
            for (RecordKind part : List.of(RecordKind.GOAL, RecordKind.ACTIVITY, RecordKind.AREA)) {
                String partId = event.text(part.partField());
                if (partId != null) {
                    return new EventOwner(kind, event.aggregateId(), part, partId);
                }
            }
        }
        return new EventOwner(kind, event.aggregateId(), null, null);
    }

    private static List<HistoryEntry> linked(List<LoggedEvent> stream) {
        Map<String, String> retractedBy = new HashMap<>();
        for (LoggedEvent event : stream) {
            String retracted = event.retractedEventId();
            if (retracted != null) {
                retractedBy.putIfAbsent(retracted, event.eventId());
            }
        }
        return stream.stream().map(event -> new HistoryEntry(event, event.retractedEventId(),
                retractedBy.get(event.eventId()))).toList();
    }
}
