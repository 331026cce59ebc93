package se.asfplan.projections.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.procurement.BidsMayCover;
import se.asfplan.domain.procurement.ContractPeriod;
import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.CpvCode;
import se.asfplan.domain.procurement.DirectAwardTally;
import se.asfplan.domain.procurement.DisadvantagedEmployment;
import se.asfplan.domain.procurement.LegalGround;
import se.asfplan.domain.procurement.Procedure;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.domain.procurement.ProcurementStatus;
import se.asfplan.domain.procurement.Supplier;

/** The questions the procurement read model answers, and the views it answers them with. */
public final class ProcurementQueries {

    private ProcurementQueries() {
    }

    /**
     * Procurements, newest begun first; each filter is optional. {@code year} is the year the procurement was begun
     * (planned, or announced when not planned first).
     */
    public record FindProcurementsQuery(ContractingAuthority authority, Procedure procedure, Integer year) {
    }

    /** One page of the list {@link FindProcurementsQuery} answers, cut in the database: a {@link ProcurementPage}. */
    public record FindProcurementPageQuery(FindProcurementsQuery filter, long offset, int limit) {
    }

    /** A page of {@link FindProcurementPageQuery}: the page's procurements and how many the whole list holds. */
    public record ProcurementPage(List<ProcurementSummary> items, long total) {
    }

    /** One procurement with its whole story; empty when no such procurement is recorded. */
    public record FindProcurementQuery(ProcurementId procurementId) {
    }

    /** Every recorded procurement step that names the plan activity as the one it carries out, oldest first. */
    public record FindProcurementStepsCarryingOutQuery(PlanId planId, ActivityId activityId) {
    }

    /** A procurement step seen from the plan activity it carries out. */
    public record ProcurementStepFactView(ProcurementId procurementId, ContractingAuthority authority, String subject,
                                          Procedure procedure, String event, LocalDate occurredOn) {
    }

    public record ProcurementSummary(ProcurementId procurementId, ContractingAuthority authority, String subject,
                                     Procedure procedure, LegalGround legalGround, ProcurementStatus status,
                                     LocalDate begunOn, Boolean dividedIntoLots, Supplier supplier,
                                     Boolean supplierIsAsf, BigDecimal contractValue, Boolean directAwardLimitExceeded) {
    }

    public record ProcurementView(ProcurementId procurementId, ContractingAuthority authority, String subject,
                                  List<CpvCode> cpvCodes, Procedure procedure, LegalGround legalGround,
                                  ProcurementStatus status, LocalDate begunOn, LocalDate plannedOn,
                                  LocalDate announcedOn, LotsView lots, List<TenderView> tenders, AwardView award,
                                  LocalDate completedOn, LocalDate cancelledOn, String cancellationReason,
                                  List<EvaluationView> evaluations, List<StepView> lifecycle, long version) {
    }

    /** Whether the contract is divided into lots, decided on {@code decidedOn}; null in the view until decided. */
    public record LotsView(boolean divided, Integer numberOfLots, BidsMayCover bidsMayCover,
                           String reasonNotDivided, LocalDate decidedOn) {
    }

    public record TenderView(Supplier supplier, boolean supplierIsAsf, LocalDate receivedOn) {
    }

    public record AwardView(Supplier supplier, boolean supplierIsAsf, BigDecimal value, ContractPeriod contractPeriod,
                            DisadvantagedEmployment employment, DirectAwardTally directAward, LocalDate awardedOn) {
    }

    public record EvaluationView(LocalDate evaluatedOn, String text) {
    }

    /**
     * One recorded event: its type, business date, the plan activity it carries out, if any, and its event id (which a
     * retraction names).
     */
    public record StepView(String event, LocalDate occurredOn, PlanActivityReference carriesOut, String eventId) {
    }
}
