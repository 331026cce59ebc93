package se.asfplan.projections.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A retraction kept as a fact in a projection's fact table: the event {@code retractedEventId} was recorded in error
 * and no longer counts from {@code recordedAt}, the moment the retraction was recorded. A fold asked as recorded at a
 * moment before it still counts the retracted fact, which is what the committee saw then.
 *
 * @param eventId          the retraction's own event identifier
 * @param globalIndex      the retraction's position in the event store
 * @param occurredOn       the business date of the retraction (when the error was put right)
 * @param retractedEventId the identifier of the event it retracts
 */
public record Retraction(String eventId, long globalIndex, Instant recordedAt, String recordedBy,
                         LocalDate occurredOn, String reason, String retractedEventId) {

    /** Whether this retraction was recorded at or before {@code asOf}; any is when {@code asOf} is null (now). */
    public boolean recordedBy(Instant asOf) {
        return asOf == null || !recordedAt.isAfter(asOf);
    }

    /** The events retracted by the retractions recorded at or before {@code asOf} (all of them when it is null). */
    public static Set<String> retractedAsOf(Collection<Retraction> retractions, Instant asOf) {
        return retractions.stream().filter(retraction -> retraction.recordedBy(asOf))
                .map(Retraction::retractedEventId).collect(Collectors.toUnmodifiableSet());
    }
}
