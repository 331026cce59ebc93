package se.asfplan.infra.history;

/**
 * One event of a record's history with its links: the event it retracts (when it is a retraction) and the
 * retraction that retracts it (when one does), both by event id; null when there is none.
 */
public record HistoryEntry(LoggedEvent event, String retracts, String retractedBy) {
}
