package se.asfplan.projections.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import se.asfplan.domain.procurement.Procedure;

/**
 * One row of {@code statistics_procurement_fact}: a procurement event as the procurement statistics need it.
 * {@code authority}, {@code procedure} and the legal ground are set on {@link Kind#BEGUN} (the procurement's first
 * event, planned or announced), {@code numberOfLots} on {@link Kind#DIVIDED_INTO_LOTS}, {@code supplierIsAsf} and
 * {@code value} on {@link Kind#CONTRACT_AWARDED}; everything else is null.
 */
record ProcurementFact(String eventId, long globalIndex, String procurementId, Kind kind, LocalDate occurredOn,
                       Instant recordedAt, String recordedBy, String authority, Procedure procedure,
                       String legalGroundId, String legalGroundCitation, Integer numberOfLots, Boolean supplierIsAsf,
                       BigDecimal value) {

    /** {@code RETRACTED} rows are retractions, read as {@link se.asfplan.projections.support.Retraction}s. */
    enum Kind { BEGUN, DIVIDED_INTO_LOTS, NOT_DIVIDED, CONTRACT_AWARDED, COMPLETED, CANCELLED, RETRACTED }

    boolean recordedBy(Instant asOf) {
        return asOf == null || !recordedAt.isAfter(asOf);
    }

    /** Whether the business date lies in {@code [from, to]}; a missing bound does not limit. */
    boolean occurredWithin(LocalDate from, LocalDate to) {
        return (from == null || !occurredOn.isBefore(from)) && (to == null || !occurredOn.isAfter(to));
    }

    boolean reserved() {
        return procedure == Procedure.RESERVED_FOR_EMPLOYMENT || procedure == Procedure.RESERVED_WELFARE_SERVICES;
    }
}
