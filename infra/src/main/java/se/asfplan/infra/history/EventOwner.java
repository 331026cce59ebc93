package se.asfplan.infra.history;

/**
 * The record an event belongs to: its aggregate's kind and id, and for a plan's event that names one of the plan's
 * areas, activities or goals, that part too ({@code partKind}, {@code partId}; both null otherwise).
 */
public record EventOwner(RecordKind kind, String id, RecordKind partKind, String partId) {
}
