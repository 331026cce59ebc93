package se.asfplan.domain.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.shared.FactName;

/**
 * What happened to a procurement. These records are the persisted contract of the event store: never rename, move
 * or reshape one without a revision and an upcaster. New optional fields may be added (old events read them as
 * null). {@code legalGround} is null for ordinary procurements and direct awards.
 */
public final class ProcurementEvents {

    private ProcurementEvents() {
    }

    public record ProcurementPlannedEvent(ProcurementId procurementId, ContractingAuthority authority,
                                          String subject, List<CpvCode> cpvCodes, Procedure procedure,
                                          LegalGround legalGround, LocalDate occurredOn,
                                          PlanActivityReference carriesOut) implements ProcurementEvent {
    }

    /** Announced after planning (details as planned) or directly (the procurement is begun by this event). */
    public record ProcurementAnnouncedEvent(ProcurementId procurementId, ContractingAuthority authority,
                                            String subject, List<CpvCode> cpvCodes, Procedure procedure,
                                            LegalGround legalGround, LocalDate occurredOn,
                                            PlanActivityReference carriesOut) implements ProcurementEvent {
    }

    @FactName("ProcurementDividedIntoLotsEvent")
    public record ProcurementDividedIntoLotsEvent(ProcurementId procurementId, int numberOfLots,
                                                  BidsMayCover bidsMayCover, LocalDate occurredOn,
                                                  PlanActivityReference carriesOut) implements ProcurementEvent {
    }

    /** The authority decided not to divide the contract and stated why (LOU 4 kap. 15 §). */
    @FactName("ProcurementNotDividedEvent")
    public record ProcurementNotDividedEvent(ProcurementId procurementId, String reason, LocalDate occurredOn,
                                             PlanActivityReference carriesOut) implements ProcurementEvent {
    }

    @FactName("TenderReceivedEvent")
    public record TenderReceivedEvent(ProcurementId procurementId, Supplier supplier, boolean supplierIsAsf,
                                      LocalDate occurredOn, PlanActivityReference carriesOut)
            implements ProcurementEvent {
    }

    /**
     * {@code employment} is set for a reservation under LOU 4 kap. 18 §, {@code directAward} for a direct award;
     * both are null otherwise.
     */
    public record ContractAwardedEvent(ProcurementId procurementId, Supplier supplier, boolean supplierIsAsf,
                                       BigDecimal value, ContractPeriod contractPeriod,
                                       DisadvantagedEmployment employment, DirectAwardTally directAward,
                                       LocalDate occurredOn, PlanActivityReference carriesOut)
            implements ProcurementEvent {
    }

    @FactName("ProcurementCompletedEvent")
    public record ProcurementCompletedEvent(ProcurementId procurementId, LocalDate occurredOn,
                                            PlanActivityReference carriesOut) implements ProcurementEvent {
    }

    @FactName("ProcurementEvaluatedEvent")
    public record ProcurementEvaluatedEvent(ProcurementId procurementId, String text, LocalDate occurredOn,
                                            PlanActivityReference carriesOut) implements ProcurementEvent {
    }

    public record ProcurementCancelledEvent(ProcurementId procurementId, String reason, LocalDate occurredOn,
                                            PlanActivityReference carriesOut) implements ProcurementEvent {
    }

    /**
     * A fact of the procurement recorded in error is retracted: the event {@code retractedEventId}, a
     * {@code retractedFact} (what it was, e.g. {@code TenderReceivedEvent}), no longer counts from the moment
     * this event is recorded; a retracted lifecycle step restores the state before it. {@code occurredOn} is the day
     * of the retraction. A retraction carries out no plan activity.
     * {@code retractedFact} is the stored name of a {@link se.asfplan.domain.shared.FactName}: it never changes,
     * even when the retracted event's class is renamed.
     */
    public record ProcurementFactRetractedEvent(ProcurementId procurementId, String retractedEventId,
                                                String retractedFact, String reason, LocalDate occurredOn)
            implements ProcurementEvent {

        @Override
        public PlanActivityReference carriesOut() {
            return null;
        }
    }

    /** Every procurement event type, for tools that must know them all. */
    public static final List<Class<? extends ProcurementEvent>> ALL = List.of(ProcurementPlannedEvent.class,
            ProcurementAnnouncedEvent.class, ProcurementDividedIntoLotsEvent.class, ProcurementNotDividedEvent.class,
            TenderReceivedEvent.class, ContractAwardedEvent.class, ProcurementCompletedEvent.class,
            ProcurementEvaluatedEvent.class, ProcurementCancelledEvent.class, ProcurementFactRetractedEvent.class);
}
