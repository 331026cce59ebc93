package se.asfplan.web.audit;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import se.asfplan.infra.history.HistoryEntry;
import se.asfplan.infra.history.LoggedEvent;

/**
 * One event of a history as the API shows it.
 *
 * @param name         a readable Swedish name of the kind of event
 * @param type         the stable type (the stored payload type without its package)
 * @param businessDate the date it happened in the world ({@code occurredOn}, or the event's own date field)
 * @param recordedAt   when it was recorded
 * @param position     its position in the log ({@code global_index})
 * @param retracts     the event id this retraction retracts; null for any other event
 * @param retractedBy  the event id of the retraction that retracts this event; null when none does
 * @param retractable  whether a retraction may name this event now (a retractable fact not yet retracted)
 */
public record HistoryEvent(
        @Schema(example = "Aktiviteten startade") String name,
        @Schema(example = "ActivityStartedEvent") String type,
        LocalDate businessDate, Instant recordedAt, String recordedBy, String recordedVia, String requestId,
        String correlationId, String traceId, long position, String eventId, String aggregateId, long sequence,
        String retracts, String retractedBy, boolean retractable, String link) {

    static HistoryEvent of(HistoryEntry entry) {
        LoggedEvent event = entry.event();
        return new HistoryEvent(EventNames.name(event.type()), event.type(), event.businessDate(),
                event.recordedAt(), event.recordedBy(), event.recordedVia(), event.requestId(),
                event.correlationId(), event.traceId(), event.position(), event.eventId(), event.aggregateId(),
                event.sequence(), entry.retracts(), entry.retractedBy(),
                EventNames.retractable(event.type()) && entry.retractedBy() == null,
                "/api/events/" + event.eventId());
    }
}
