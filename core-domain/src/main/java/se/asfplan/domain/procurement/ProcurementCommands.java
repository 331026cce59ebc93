package se.asfplan.domain.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.asfplan.domain.plan.PlanActivityReference;

/**
 * The commands the coordination function gives about a procurement. Each carries {@code occurredOn}, the business
 * date (never in the future), and may name the plan activity it carries out ({@code carriesOut}, optional).
 */
public final class ProcurementCommands {

    private ProcurementCommands() {
    }

    /**
     * What a procurement is: given when it is begun (planned, or announced without being planned first).
     * {@code reservedForIdeaBasedOrganisations} only matters for reserved welfare services (LOU 19 kap. 25 a §).
     */
    public record ProcurementDetails(ContractingAuthority authority, String subject, List<CpvCode> cpvCodes,
                                     Procedure procedure, boolean reservedForIdeaBasedOrganisations) {
        public ProcurementDetails {
            cpvCodes = cpvCodes == null ? List.of() : List.copyOf(cpvCodes);
        }
    }

    public record PlanProcurementCommand(@TargetAggregateIdentifier ProcurementId procurementId,
                                         ProcurementDetails details, LocalDate occurredOn,
                                         PlanActivityReference carriesOut) {
    }

    /** Announce a planned procurement ({@code details} null), or begin one by announcing it (details given). */
    public record AnnounceProcurementCommand(@TargetAggregateIdentifier ProcurementId procurementId,
                                             ProcurementDetails details, LocalDate occurredOn,
                                             PlanActivityReference carriesOut) {
    }

    public record DivideIntoLotsCommand(@TargetAggregateIdentifier ProcurementId procurementId, int numberOfLots,
                                        BidsMayCover bidsMayCover, LocalDate occurredOn,
                                        PlanActivityReference carriesOut) {
    }

    public record DecideNotToDivideCommand(@TargetAggregateIdentifier ProcurementId procurementId, String reason,
                                           LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record ReceiveTenderCommand(@TargetAggregateIdentifier ProcurementId procurementId, Supplier supplier,
                                       LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    /**
     * Award the contract. {@code employment} is required for a reservation under LOU 4 kap. 18 §;
     * {@code purchaseKind} for a direct award (awards of the same kind add up per financial year).
     */
    public record AwardContractCommand(@TargetAggregateIdentifier ProcurementId procurementId, Supplier supplier,
                                       BigDecimal value, ContractPeriod contractPeriod,
                                       DisadvantagedEmployment employment, String purchaseKind,
                                       LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record CompleteProcurementCommand(@TargetAggregateIdentifier ProcurementId procurementId,
                                             LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record EvaluateProcurementCommand(@TargetAggregateIdentifier ProcurementId procurementId, String text,
                                             LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record CancelProcurementCommand(@TargetAggregateIdentifier ProcurementId procurementId, String reason,
                                           LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    /**
     * Retract a fact of the procurement recorded in error, named by its event identifier, with the reason;
     * {@code occurredOn} is the day of the retraction. Tenders and evaluations can be retracted any time; the
     * decision on lots and the completion only while they are the latest step of the lifecycle.
     */
    public record RetractProcurementFactCommand(@TargetAggregateIdentifier ProcurementId procurementId,
                                                String eventId, String reason, LocalDate occurredOn) {
    }
}
