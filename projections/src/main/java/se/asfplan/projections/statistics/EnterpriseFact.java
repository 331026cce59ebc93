package se.asfplan.projections.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * One row of {@code statistics_enterprise_fact}: an enterprise event as the register statistics need it. The
 * details ({@code countsAsAsf}, {@code municipality}, {@code district}, {@code legalForm}) are set on
 * {@link Kind#REGISTERED} and {@link Kind#DETAILS_CHANGED}, {@code level} on {@link Kind#JOINED_IP} and
 * {@link Kind#LEVEL_CHANGED}; everything else is null.
 */
record EnterpriseFact(String eventId, long globalIndex, String enterpriseId, Kind kind, LocalDate occurredOn,
                      Instant recordedAt, String recordedBy, Boolean countsAsAsf, String municipality,
                      String district, String legalForm, String level) {

    /** {@code RETRACTED} rows are retractions, read as {@link se.asfplan.projections.support.Retraction}s. */
    enum Kind { REGISTERED, DETAILS_CHANGED, CLOSED, INVITED_TO_IP, JOINED_IP, LEVEL_CHANGED, LEFT_IP, RETRACTED }

    /** Business date first; of facts on the same date the one stored later in the event store comes later. */
    static final Comparator<EnterpriseFact> IN_BUSINESS_ORDER = Comparator.comparing(EnterpriseFact::occurredOn)
            .thenComparingLong(EnterpriseFact::globalIndex);

    boolean recordedBy(Instant asOf) {
        return asOf == null || !recordedAt.isAfter(asOf);
    }
}
