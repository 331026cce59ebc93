package se.asfplan.projections.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import se.asfplan.domain.procurement.Procedure;

/**
 * Fact rows for the statistics folds. Each fact gets the next global index and is recorded one minute after the
 * previous one, starting at {@link #FIRST_RECORDED}, unless a test says when.
 */
final class StatisticsFixtures {

    static final Instant FIRST_RECORDED = Instant.parse("2024-01-10T08:00:00Z");

    private long index;

    long lastIndex() {
        return index;
    }

    Instant recordedAtOf(long globalIndex) {
        return FIRST_RECORDED.plusSeconds(60 * (globalIndex - 1));
    }

    private EnterpriseFact enterprise(String enterprise, EnterpriseFact.Kind kind, String occurredOn,
                                      Boolean countsAsAsf, String district, String level) {
        index++;
        return new EnterpriseFact("event-" + index, index, enterprise, kind, LocalDate.parse(occurredOn),
                recordedAtOf(index), "coordinator", countsAsAsf, countsAsAsf == null ? null : "Stockholm", district,
                countsAsAsf == null ? null : "EKONOMISK_FORENING", level);
    }

    EnterpriseFact registeredAsf(String enterprise, String district, String occurredOn) {
        return enterprise(enterprise, EnterpriseFact.Kind.REGISTERED, occurredOn, true, district, null);
    }

    EnterpriseFact registeredNotAsf(String enterprise, String district, String occurredOn) {
        return enterprise(enterprise, EnterpriseFact.Kind.REGISTERED, occurredOn, false, district, null);
    }

    EnterpriseFact detailsChanged(String enterprise, boolean countsAsAsf, String district, String occurredOn) {
        return enterprise(enterprise, EnterpriseFact.Kind.DETAILS_CHANGED, occurredOn, countsAsAsf, district, null);
    }

    EnterpriseFact closed(String enterprise, String occurredOn) {
        return enterprise(enterprise, EnterpriseFact.Kind.CLOSED, occurredOn, null, null, null);
    }

    EnterpriseFact invited(String enterprise, String occurredOn) {
        return enterprise(enterprise, EnterpriseFact.Kind.INVITED_TO_IP, occurredOn, null, null, null);
    }

    EnterpriseFact joined(String enterprise, String level, String occurredOn) {
        return enterprise(enterprise, EnterpriseFact.Kind.JOINED_IP, occurredOn, null, null, level);
    }

    EnterpriseFact levelChanged(String enterprise, String level, String occurredOn) {
        return enterprise(enterprise, EnterpriseFact.Kind.LEVEL_CHANGED, occurredOn, null, null, level);
    }

    EnterpriseFact left(String enterprise, String occurredOn) {
        return enterprise(enterprise, EnterpriseFact.Kind.LEFT_IP, occurredOn, null, null, null);
    }

    private ProcurementFact procurement(String procurement, ProcurementFact.Kind kind, String occurredOn,
                                        String authority, Procedure procedure, String citation, Boolean asf,
                                        String value) {
        index++;
        return new ProcurementFact("event-" + index, index, procurement, kind, LocalDate.parse(occurredOn),
                recordedAtOf(index), "coordinator", authority, procedure,
                citation == null ? null : "ground-" + index, citation, kind == ProcurementFact.Kind.DIVIDED_INTO_LOTS
                ? 3 : null, asf, value == null ? null : new BigDecimal(value));
    }

    ProcurementFact begunOrdinary(String procurement, String authority, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.BEGUN, occurredOn, authority, Procedure.ORDINARY, null,
                null, null);
    }

    ProcurementFact begunReservedForEmployment(String procurement, String authority, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.BEGUN, occurredOn, authority,
                Procedure.RESERVED_FOR_EMPLOYMENT, "LOU 4 kap. 18 §", null, null);
    }

    ProcurementFact begunReservedWelfare(String procurement, String authority, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.BEGUN, occurredOn, authority,
                Procedure.RESERVED_WELFARE_SERVICES, "LOU 19 kap. 25 §", null, null);
    }

    ProcurementFact begunDirectAward(String procurement, String authority, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.BEGUN, occurredOn, authority, Procedure.DIRECT_AWARD,
                null, null, null);
    }

    ProcurementFact dividedIntoLots(String procurement, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.DIVIDED_INTO_LOTS, occurredOn, null, null, null, null,
                null);
    }

    ProcurementFact notDivided(String procurement, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.NOT_DIVIDED, occurredOn, null, null, null, null, null);
    }

    ProcurementFact awardedToAsf(String procurement, String value, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.CONTRACT_AWARDED, occurredOn, null, null, null, true,
                value);
    }

    ProcurementFact awardedToNonAsf(String procurement, String value, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.CONTRACT_AWARDED, occurredOn, null, null, null, false,
                value);
    }

    ProcurementFact completed(String procurement, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.COMPLETED, occurredOn, null, null, null, null, null);
    }

    ProcurementFact cancelled(String procurement, String occurredOn) {
        return procurement(procurement, ProcurementFact.Kind.CANCELLED, occurredOn, null, null, null, null, null);
    }
}
