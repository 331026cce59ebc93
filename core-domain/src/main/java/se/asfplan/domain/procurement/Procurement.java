package se.asfplan.domain.procurement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.asfplan.domain.shared.CommandChecks.required;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import se.asfplan.domain.enterprise.PlanActivities;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.procurement.ProcurementCommands.AnnounceProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.AwardContractCommand;
import se.asfplan.domain.procurement.ProcurementCommands.CancelProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.CompleteProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.DecideNotToDivideCommand;
import se.asfplan.domain.procurement.ProcurementCommands.DivideIntoLotsCommand;
import se.asfplan.domain.procurement.ProcurementCommands.EvaluateProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.PlanProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.ProcurementDetails;
import se.asfplan.domain.procurement.ProcurementCommands.ReceiveTenderCommand;
import se.asfplan.domain.procurement.ProcurementCommands.RetractProcurementFactCommand;
import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementAnnouncedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCancelledEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCompletedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementDividedIntoLotsEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementEvaluatedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementFactRetractedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementNotDividedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementPlannedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.TenderReceivedEvent;
import se.asfplan.domain.shared.CommandChecks;
import se.asfplan.domain.shared.RecordRule;
import se.asfplan.domain.shared.RetractableFacts;
import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.domain.shared.Values;

/**
 * A procurement (upphandling) by one contracting authority, from planning or announcement to award, completion and
 * evaluation, or cancellation. It keeps the lifecycle in order and the reservation rules of LOU: the legal ground of
 * a reserved welfare-services procurement follows from the date it was begun and limits its CPV codes and contract
 * length; a 4:18 reservation records the supplier's share of disadvantaged employees and its evidence; direct awards
 * add up per authority, purchase kind and financial year. Facts that span procurements (the register, earlier
 * reserved awards, direct-award totals) come through ports injected into the handlers.
 *
 * <p>Command handlers check and then apply; event handlers only assign state. Every later step's business date
 * must not precede the latest lifecycle step (begun, announced, awarded, completed).
 */
@AggregateRoot(type = "Procurement")
public class Procurement {

    public static final int SUBJECT_MAX = 300;
    public static final int TEXT_MAX = 4000;
    public static final int REASON_MAX = 2000;
    public static final int PURCHASE_KIND_MAX = 200;
    /** The legal minimum share of disadvantaged employees for a reservation under LOU 4 kap. 18 §, in percent. */
    public static final BigDecimal EMPLOYMENT_RESERVATION_MINIMUM_SHARE = BigDecimal.valueOf(30);

    @AggregateIdentifier
    private ProcurementId procurementId;
    private boolean begun;
    /** The stream under this id holds another aggregate's events: the id is taken. */
    private boolean idTakenByAnotherRecord;
    private ContractingAuthority authority;
    private String subject;
    private List<CpvCode> cpvCodes;

    /** More codes than any real procurement names; the read model stores them in one bounded column. */
    static final int MAX_CPV_CODES = 100;
    private Procedure procedure;
    private LegalGround legalGround;
    private ProcurementStatus status;
    private LocalDate lastStepOn;
    private String lastStep;
    private boolean lotsDecided;
    /** The tenders, lot decisions, completion and evaluations a retraction may name. */
    private final RetractableFacts retractable = new RetractableFacts();
    /** The lifecycle steps not retracted, oldest first, each with the state before it. */
    private final List<LifecycleStep> lifecycle = new ArrayList<>();
    /** The evaluations not retracted: while one stands, the completion it evaluates cannot be retracted. */
    private final Set<String> evaluations = new HashSet<>();

    /** For Axon: rebuilds the procurement from its events. */
    protected Procurement() {
    }

    // ---------------------------------------------------------------------------------------------- begin

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlanProcurementCommand command, Clock clock, ReservedWelfareGrounds grounds,
                       PlanActivities activities) {
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        procurementCanBeBegunOnce();
        ProcurementId id = required(command.procurementId(), "procurementId");
        LocalDate occurredOn = CommandChecks.recordable(command.occurredOn(), "occurredOn", clock,
                ProcurementRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        Begun begun = begin(required(command.details(), "details"), occurredOn, grounds);
        apply(new ProcurementPlannedEvent(id, begun.authority, begun.subject, begun.cpvCodes, begun.procedure,
                begun.legalGround, occurredOn, carriesOut));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AnnounceProcurementCommand command, Clock clock, ReservedWelfareGrounds grounds,
                       PlanActivities activities) {
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        ProcurementId id = required(command.procurementId(), "procurementId");
        if (!begun) {
            procurementCanBeBegunOnce();
            if (command.details() == null) {
                throw new RuleViolationException(ProcurementRule.PROCUREMENT_MUST_EXIST, "No procurement " + id
                        + " is planned; give its details to begin it by announcing it");
            }
            LocalDate occurredOn = CommandChecks.recordable(command.occurredOn(), "occurredOn", clock,
                    ProcurementRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
            Begun begun = begin(command.details(), occurredOn, grounds);
            apply(new ProcurementAnnouncedEvent(id, begun.authority, begun.subject, begun.cpvCodes, begun.procedure,
                    begun.legalGround, occurredOn, carriesOut));
            return;
        }
        notCancelled();
        if (status != ProcurementStatus.PLANNED) {
            throw new RuleViolationException(ProcurementRule.PROCUREMENT_CAN_BE_ANNOUNCED_ONCE,
                    "Procurement " + procurementId + " is already " + describeStatus());
        }
        if (command.details() != null) {
            throw new RuleViolationException(ProcurementRule.PROCUREMENT_DETAILS_ARE_GIVEN_WHEN_BEGUN,
                    "Procurement " + procurementId + " was planned with its authority, subject, CPV codes and "
                            + "procedure; announce it without details");
        }
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new ProcurementAnnouncedEvent(procurementId, authority, subject, cpvCodes, procedure, legalGround,
                occurredOn, carriesOut));
    }

    private Begun begin(ProcurementDetails details, LocalDate begunOn, ReservedWelfareGrounds grounds) {
        ContractingAuthority by = required(details.authority(), "authority");
        String what = Values.text(details.subject(), "subject", SUBJECT_MAX);
        List<CpvCode> codes = List.copyOf(new LinkedHashSet<>(details.cpvCodes()));
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("cpvCodes must name at least one CPV code");
        }
        if (codes.size() > MAX_CPV_CODES) {
            throw new IllegalArgumentException("cpvCodes may name at most " + MAX_CPV_CODES + " CPV codes, but names "
                    + codes.size());
        }
        Procedure how = required(details.procedure(), "procedure");
        if (details.reservedForIdeaBasedOrganisations() && how != Procedure.RESERVED_WELFARE_SERVICES) {
            throw new IllegalArgumentException("reservedForIdeaBasedOrganisations applies only to procedure "
                    + Procedure.RESERVED_WELFARE_SERVICES + ", not " + how);
        }
        LegalGround ground = switch (how) {
            case RESERVED_FOR_EMPLOYMENT -> LegalGround.EMPLOYMENT_RESERVATION;
            case RESERVED_WELFARE_SERVICES ->
                    reservedWelfareGround(begunOn, details.reservedForIdeaBasedOrganisations(), codes, grounds);
            case ORDINARY, DIRECT_AWARD -> null;
        };
        return new Begun(by, what, codes, how, ground);
    }

    private static LegalGround reservedWelfareGround(LocalDate begunOn, boolean ideaBased, List<CpvCode> codes,
                                                     ReservedWelfareGrounds grounds) {
        ReservedWelfareGround ground = grounds.groundFor(begunOn, ideaBased).orElseThrow(() ->
                new RuleViolationException(ProcurementRule.RESERVED_WELFARE_GROUND_MUST_APPLY_ON_BEGUN_DATE,
                        "No legal ground reserves welfare services" + (ideaBased ? " for idea-based organisations" : "")
                                + " for a procurement begun on " + begunOn));
        List<CpvCode> notListed = codes.stream().filter(code -> !ground.covers(code)).toList();
        if (!notListed.isEmpty()) {
            throw new RuleViolationException(ProcurementRule.RESERVED_WELFARE_SERVICES_MUST_BE_LISTED_CPV_CODES,
                    "CPV code(s) " + notListed + " are not listed in " + ground.ground().citation()
                            + ", which applies to procurements begun on " + begunOn
                            + "; only the services it lists may be reserved");
        }
        return ground.ground();
    }

    // ---------------------------------------------------------------------------------------------- lots

    @CommandHandler
    public void handle(DivideIntoLotsCommand command, Clock clock, PlanActivities activities) {
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        lotsCanBeDecided();
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        if (command.numberOfLots() < 2) {
            throw new IllegalArgumentException("numberOfLots must be at least 2, but was " + command.numberOfLots());
        }
        apply(new ProcurementDividedIntoLotsEvent(procurementId, command.numberOfLots(),
                required(command.bidsMayCover(), "bidsMayCover"), occurredOn, carriesOut));
    }

    @CommandHandler
    public void handle(DecideNotToDivideCommand command, Clock clock, PlanActivities activities) {
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        lotsCanBeDecided();
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolationException(ProcurementRule.REASONS_MUST_BE_STATED_FOR_NOT_DIVIDING,
                    "An authority that does not divide a contract into lots must state its reasons");
        }
        apply(new ProcurementNotDividedEvent(procurementId, Values.text(command.reason(), "reason", REASON_MAX),
                occurredOn, carriesOut));
    }

    private void lotsCanBeDecided() {
        stillOpen();
        if (lotsDecided) {
            throw new RuleViolationException(ProcurementRule.DIVISION_INTO_LOTS_IS_DECIDED_ONCE,
                    "Whether procurement " + procurementId + " is divided into lots is already decided");
        }
        if (status == ProcurementStatus.AWARDED) {
            throw new RuleViolationException(ProcurementRule.DIVISION_INTO_LOTS_IS_DECIDED_BEFORE_AWARD,
                    "Procurement " + procurementId + " is already awarded; division into lots is decided before");
        }
    }

    // ---------------------------------------------------------------------------------------------- tenders, award

    @CommandHandler
    public void handle(ReceiveTenderCommand command, Clock clock, SupplierRegister register,
                       PlanActivities activities) {
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        stillOpen();
        if (status == ProcurementStatus.AWARDED) {
            throw new RuleViolationException(ProcurementRule.TENDERS_MUST_PRECEDE_AWARD,
                    "Procurement " + procurementId + " is already awarded; tenders are received before the award");
        }
        mustBeAnnouncedUnlessDirectAward("a tender can be received");
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        Supplier supplier = required(command.supplier(), "supplier");
        apply(new TenderReceivedEvent(procurementId, supplier, isAsf(supplier, occurredOn, register), occurredOn,
                carriesOut));
    }

    @CommandHandler
    public void handle(AwardContractCommand command, Clock clock, SupplierRegister register,
                       ReservedWelfareGrounds grounds, ReservedAwardHistory history, DirectAwardLimits limits,
                       DirectAwardTotals totals, PlanActivities activities) {
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        stillOpen();
        if (status == ProcurementStatus.AWARDED) {
            throw new RuleViolationException(ProcurementRule.CONTRACT_CAN_BE_AWARDED_ONCE,
                    "Procurement " + procurementId + " is already awarded");
        }
        mustBeAnnouncedUnlessDirectAward("the contract can be awarded");
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        Supplier supplier = required(command.supplier(), "supplier");
        BigDecimal value = Money.sek(command.value(), "value");
        ContractPeriod period = required(command.contractPeriod(), "contractPeriod");
        if (procedure != Procedure.RESERVED_FOR_EMPLOYMENT && command.employment() != null) {
            throw new IllegalArgumentException("employment is recorded only for procedure "
                    + Procedure.RESERVED_FOR_EMPLOYMENT + ", not " + procedure);
        }
        if (procedure != Procedure.DIRECT_AWARD && command.purchaseKind() != null) {
            throw new IllegalArgumentException("purchaseKind is recorded only for procedure "
                    + Procedure.DIRECT_AWARD + ", not " + procedure);
        }
        DisadvantagedEmployment employment = null;
        DirectAwardTally tally = null;
        ReservedWelfareGround welfareGround = null;
        switch (procedure) {
            case RESERVED_WELFARE_SERVICES -> welfareGround = reservedWelfareAwardAllowed(supplier, period,
                    occurredOn, grounds, history);
            case RESERVED_FOR_EMPLOYMENT -> employment = employmentReservationMet(command.employment(), occurredOn);
            case DIRECT_AWARD -> tally = directAwardTally(command.purchaseKind(), value, occurredOn, limits, totals);
            case ORDINARY -> { }
        }
        if (tally != null) {
            totals.record(procurementId, authority, tally.purchaseKind(), tally.financialYear(), value);
        }
        if (welfareGround != null && welfareGround.repeatAwardBarYears() != null && !supplier.soleTrader()) {
            history.record(procurementId, authority, supplier.organisationNumber(), occurredOn, cpvCodes);
        }
        apply(new ContractAwardedEvent(procurementId, supplier, isAsf(supplier, occurredOn, register), value, period,
                employment, tally, occurredOn, carriesOut));
    }

    /**
     * The contract of a reserved welfare-services procurement runs at most the years the ground allows (three under
     * 6 a § and 25 §), and an authority may not award a supplier such a contract <em>for the services concerned</em>
     * when it awarded it one for them the same way less than that many years before or after, comparing award dates:
     * exactly three years apart is allowed. The bar is per service (LOU 19 kap. 6 a § and 25 §: "för de aktuella
     * tjänsterna"; directive 2014/24/EU art. 77.2 d: "for the services concerned"): two contracts concern the same
     * services when a CPV code of one equals, includes or lies within a code of the other
     * ({@link CpvCode#concernsSameServicesAs}); a contract for other services may be awarded that way. Only awards
     * on grounds with such a bar count ("that way": 6 a § and its renumbered successor 25 §, not 25 a §). A sole
     * trader is recorded without any number, so the repeat rule cannot be checked for one.
     */
    private ReservedWelfareGround reservedWelfareAwardAllowed(Supplier supplier, ContractPeriod period, LocalDate awardedOn,
                                             ReservedWelfareGrounds grounds, ReservedAwardHistory history) {
        ReservedWelfareGround ground = grounds.ground(legalGround.id()).orElseThrow(() -> new IllegalStateException(
                "legal ground " + legalGround.id() + " of procurement " + procurementId + " is no longer configured"));
        Integer maxYears = ground.maxContractYears();
        if (maxYears != null && !period.runsAtMostYears(maxYears)) {
            throw new RuleViolationException(ProcurementRule.RESERVED_WELFARE_CONTRACT_RUNS_AT_MOST_THREE_YEARS,
                    "A contract reserved under " + ground.ground().citation() + " runs at most " + maxYears
                            + " years; " + period.from() + " to " + period.to() + " is longer (the last allowed day is "
                            + period.from().plusYears(maxYears).minusDays(1) + ")");
        }
        Integer barYears = ground.repeatAwardBarYears();
        if (barYears != null && !supplier.soleTrader()) {
            for (ReservedAwardHistory.ReservedAward earlier : history.awards(authority, supplier.organisationNumber())) {
                LocalDate on = earlier.awardedOn();
                if (awardedOn.isBefore(on.plusYears(barYears)) && on.isBefore(awardedOn.plusYears(barYears))
                        && earlier.concernsAnyOf(cpvCodes)) {
                    throw new RuleViolationException(
                            ProcurementRule.RESERVED_WELFARE_AWARD_TO_SAME_SUPPLIER_ONCE_IN_THREE_YEARS,
                            authority + " awarded " + supplier + " a reserved welfare-services contract on " + on
                                    + " for " + (earlier.services().isEmpty() ? "services not on record"
                                    : "the services " + earlier.services()) + "; under " + ground.ground().citation()
                                    + " it may not award it another that way for the services concerned ("
                                    + cpvCodes + ") within " + barYears + " years of that (it may for other services, "
                                    + "or in an ordinary procurement)");
                }
            }
        }
        return ground;
    }

    private static DisadvantagedEmployment employmentReservationMet(DisadvantagedEmployment employment,
                                                                    LocalDate awardedOn) {
        if (employment == null || employment.sharePercent() == null || employment.tenderDate() == null) {
            throw new RuleViolationException(ProcurementRule.EMPLOYMENT_RESERVATION_REQUIRES_THIRTY_PERCENT,
                    "A contract reserved under LOU 4 kap. 18 § records the supplier's share of employees with "
                            + "disabilities or disadvantaged at the tender date; give sharePercent and tenderDate");
        }
        if (employment.sharePercent().compareTo(EMPLOYMENT_RESERVATION_MINIMUM_SHARE) < 0) {
            throw new RuleViolationException(ProcurementRule.EMPLOYMENT_RESERVATION_REQUIRES_THIRTY_PERCENT,
                    "Under LOU 4 kap. 18 § at least 30 % of the supplier's employees must have disabilities or be "
                            + "disadvantaged; the share at the tender date " + employment.tenderDate() + " was "
                            + employment.sharePercent().toPlainString() + " %");
        }
        if (employment.evidenceReference() == null) {
            throw new RuleViolationException(ProcurementRule.EMPLOYMENT_RESERVATION_REQUIRES_EVIDENCE,
                    "A contract reserved under LOU 4 kap. 18 § records the reference of the evidence for the share "
                            + "of disadvantaged employees; give evidenceReference");
        }
        if (employment.tenderDate().isAfter(awardedOn)) {
            throw new RuleViolationException(ProcurementRule.TENDER_DATE_MUST_NOT_FOLLOW_AWARD,
                    "The share is measured at the tender date " + employment.tenderDate() + ", which cannot lie after "
                            + "the award on " + awardedOn);
        }
        return employment;
    }

    private DirectAwardTally directAwardTally(String purchaseKind, BigDecimal value, LocalDate awardedOn,
                                              DirectAwardLimits limits, DirectAwardTotals totals) {
        if (purchaseKind == null || purchaseKind.isBlank()) {
            throw new RuleViolationException(ProcurementRule.DIRECT_AWARD_REQUIRES_PURCHASE_KIND,
                    "Direct awards of the same kind add up per financial year; give the purchaseKind");
        }
        String kind = Values.text(purchaseKind, "purchaseKind", PURCHASE_KIND_MAX).toLowerCase(Locale.ROOT);
        int financialYear = awardedOn.getYear();
        BigDecimal limit = limits.limitFor(financialYear).orElseThrow(() -> new RuleViolationException(
                ProcurementRule.DIRECT_AWARD_LIMIT_MUST_BE_CONFIGURED, "No direct-award limit is configured for "
                + financialYear + "; the administrator must add the year's limit before direct awards are recorded"));
        BigDecimal total = totals.totalSoFar(authority, kind, financialYear).add(value);
        return new DirectAwardTally(kind, financialYear, total, limit, total.compareTo(limit) > 0);
    }

    private static boolean isAsf(Supplier supplier, LocalDate on, SupplierRegister register) {
        return !supplier.soleTrader() && register.countsAsAsf(supplier.organisationNumber(), on);
    }

    // ---------------------------------------------------------------------------------------------- closing

    @CommandHandler
    public void handle(CompleteProcurementCommand command, Clock clock, PlanActivities activities) {
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        stillOpen();
        if (status != ProcurementStatus.AWARDED) {
            throw new RuleViolationException(ProcurementRule.CONTRACT_MUST_BE_AWARDED_BEFORE_COMPLETION,
                    "Procurement " + procurementId + " is " + describeStatus() + "; its contract must be awarded "
                            + "before it is completed");
        }
        apply(new ProcurementCompletedEvent(procurementId, recordable(command.occurredOn(), clock),
                carriesOut));
    }

    @CommandHandler
    public void handle(EvaluateProcurementCommand command, Clock clock, PlanActivities activities) {
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        notCancelled();
        if (status != ProcurementStatus.COMPLETED) {
            throw new RuleViolationException(ProcurementRule.PROCUREMENT_MUST_BE_COMPLETED_BEFORE_EVALUATION,
                    "Procurement " + procurementId + " is " + describeStatus() + "; it is evaluated once completed");
        }
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new ProcurementEvaluatedEvent(procurementId, Values.text(command.text(), "evaluation text", TEXT_MAX),
                occurredOn, carriesOut));
    }

    @CommandHandler
    public void handle(CancelProcurementCommand command, Clock clock, PlanActivities activities,
                       ReservedAwardHistory history, DirectAwardTotals totals) {
        PlanActivityReference carriesOut = carriedOut(command.carriesOut(), activities);
        stillOpen();
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        // a cancelled award neither bars the supplier's next reserved award nor counts towards the year's
        // direct-award sum; the award event itself stays in the history
        history.withdraw(procurementId);
        totals.withdraw(procurementId);
        apply(new ProcurementCancelledEvent(procurementId, Values.text(command.reason(), "reason", REASON_MAX),
                occurredOn, carriesOut));
    }

    // ---------------------------------------------------------------------------------------------- retraction

    /**
     * Retracts a fact recorded in error. Tenders and evaluations are independent occurrences, retractable any time;
     * the decision on lots and the completion only while they are the latest lifecycle step (and a completion only
     * once its evaluations are retracted), and retracting one restores the state before it.
     */
    @CommandHandler
    public void handle(RetractProcurementFactCommand command, Clock clock) {
        idMustNameAProcurement();
        LocalDate occurredOn = CommandChecks.recordable(command.occurredOn(), "occurredOn", clock,
                ProcurementRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        String fact = retractable.retractable(command.eventId(),
                ProcurementRule.RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD, ProcurementRule.EVENT_IS_ALREADY_RETRACTED,
                "procurement " + procurementId);
        String eventId = command.eventId().strip();
        boolean step = lifecycle.stream().anyMatch(s -> s.eventId().equals(eventId));
        if (step && !lifecycle.get(lifecycle.size() - 1).eventId().equals(eventId)) {
            throw new RuleViolationException(ProcurementRule.ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED,
                    "The " + fact + " " + eventId + " is not procurement " + procurementId
                            + "'s latest step (it is " + describeStatus() + "); only the latest step can be retracted");
        }
        if (step && !evaluations.isEmpty()) {
            throw new RuleViolationException(ProcurementRule.ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED,
                    "Procurement " + procurementId + " has " + evaluations.size() + " evaluation(s) of its"
                            + " completion; retract them before the completion");
        }
        apply(new ProcurementFactRetractedEvent(procurementId, eventId, fact, reason, occurredOn));
    }

    /** A lifecycle step with the state before it, so that retracting the step restores that state. */
    private record LifecycleStep(String eventId, ProcurementStatus statusBefore, String lastStepBefore,
                                 LocalDate lastStepOnBefore, boolean lotsDecidedBefore) {
    }

    // ---------------------------------------------------------------------------------------------- rules

    private void procurementCanBeBegunOnce() {
        if (idTakenByAnotherRecord) {
            throw new RuleViolationException(RecordRule.ID_MUST_NOT_NAME_ANOTHER_RECORD,
                    "The id " + procurementId + " is already used by another kind of record (e.g. a plan); choose "
                            + "another procurement id");
        }
        if (begun) {
            throw new RuleViolationException(ProcurementRule.PROCUREMENT_CAN_BE_BEGUN_ONCE,
                    "Procurement " + procurementId + " is already recorded (" + describeStatus() + ")");
        }
    }

    private void notCancelled() {
        idMustNameAProcurement();
        if (status == ProcurementStatus.CANCELLED) {
            throw new RuleViolationException(ProcurementRule.CANCELLED_PROCUREMENT_CANNOT_CHANGE,
                    "Procurement " + procurementId + " was cancelled on " + lastStepOn + " and can no longer change");
        }
    }

    /**
     * A procurement's history exists whenever a command reaches it; one that was never begun is another kind of
     * record's history under the same id.
     */
    private void idMustNameAProcurement() {
        if (!begun) {
            throw new RuleViolationException(RecordRule.ID_MUST_NOT_NAME_ANOTHER_RECORD,
                    "No procurement " + procurementId + " is recorded (the id is used by another kind of record)");
        }
    }

    private void stillOpen() {
        notCancelled();
        if (status == ProcurementStatus.COMPLETED) {
            throw new RuleViolationException(ProcurementRule.COMPLETED_PROCUREMENT_CAN_ONLY_BE_EVALUATED,
                    "Procurement " + procurementId + " was completed on " + lastStepOn + "; it can only be evaluated");
        }
    }

    private void mustBeAnnouncedUnlessDirectAward(String purpose) {
        if (status == ProcurementStatus.PLANNED && procedure != Procedure.DIRECT_AWARD) {
            throw new RuleViolationException(ProcurementRule.PROCUREMENT_MUST_BE_ANNOUNCED_FIRST,
                    "Procurement " + procurementId + " is only planned; it must be announced before " + purpose);
        }
    }

    private LocalDate recordable(LocalDate occurredOn, Clock clock) {
        CommandChecks.recordable(occurredOn, "occurredOn", clock, ProcurementRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        if (occurredOn.isBefore(lastStepOn)) {
            throw new RuleViolationException(ProcurementRule.DATE_MUST_NOT_PRECEDE_EARLIER_STEP,
                    "The date " + occurredOn + " lies before procurement " + procurementId + " was " + lastStep
                            + " on " + lastStepOn);
        }
        return occurredOn;
    }

    private String describeStatus() {
        return status.name().toLowerCase(Locale.ROOT) + " since " + lastStepOn;
    }

    /** The plan activity a step carries out, if it names one: it must be an activity some plan has. */
    private static PlanActivityReference carriedOut(PlanActivityReference reference, PlanActivities activities) {
        if (reference != null && !activities.contains(reference)) {
            throw new RuleViolationException(ProcurementRule.CARRIED_OUT_ACTIVITY_MUST_EXIST,
                    "Plan " + reference.planId() + " has no activity " + reference.activityId() + " for this "
                            + "procurement step to carry out");
        }
        return reference;
    }

    private record Begun(ContractingAuthority authority, String subject, List<CpvCode> cpvCodes, Procedure procedure,
                         LegalGround legalGround) {
    }

    // ---------------------------------------------------------------------------------------------- state

    @EventHandler
    void on(ProcurementPlannedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        lifecycleStep(eventId);
        begin(event.procurementId(), event.authority(), event.subject(), event.cpvCodes(), event.procedure(),
                event.legalGround());
        step(ProcurementStatus.PLANNED, "planned", event.occurredOn());
    }

    @EventHandler
    void on(ProcurementAnnouncedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        lifecycleStep(eventId);
        begin(event.procurementId(), event.authority(), event.subject(), event.cpvCodes(), event.procedure(),
                event.legalGround());
        step(ProcurementStatus.ANNOUNCED, "announced", event.occurredOn());
    }

    @EventHandler
    void on(ProcurementDividedIntoLotsEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        lifecycleStep(eventId);
        lotsDecided = true;
    }

    @EventHandler
    void on(ProcurementNotDividedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        lifecycleStep(eventId);
        lotsDecided = true;
    }

    @EventHandler
    void on(ContractAwardedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        lifecycleStep(eventId);
        step(ProcurementStatus.AWARDED, "awarded", event.occurredOn());
    }

    @EventHandler
    void on(ProcurementCompletedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        lifecycleStep(eventId);
        step(ProcurementStatus.COMPLETED, "completed", event.occurredOn());
    }

    @EventHandler
    void on(ProcurementCancelledEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        lifecycleStep(eventId);
        step(ProcurementStatus.CANCELLED, "cancelled", event.occurredOn());
    }

    @EventHandler
    void on(TenderReceivedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
    }

    @EventHandler
    void on(ProcurementEvaluatedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        evaluations.add(eventId);
    }

    @EventHandler
    void on(ProcurementFactRetractedEvent event) {
        String eventId = event.retractedEventId();
        retractable.retracted(eventId);
        evaluations.remove(eventId);
        if (!lifecycle.isEmpty() && lifecycle.get(lifecycle.size() - 1).eventId().equals(eventId)) {
            LifecycleStep step = lifecycle.remove(lifecycle.size() - 1);
            status = step.statusBefore();
            lastStep = step.lastStepBefore();
            lastStepOn = step.lastStepOnBefore();
            lotsDecided = step.lotsDecidedBefore();
        }
    }

    /** Notes a lifecycle step before its handler changes the state, so a retraction can restore that state. */
    private void lifecycleStep(String eventId) {
        lifecycle.add(new LifecycleStep(eventId, status, lastStep, lastStepOn, lotsDecided));
    }

    /**
     * Any event that is not a procurement's: aggregate identifiers share one event store, so an id already used by
     * another record (a plan, an enterprise) loads that record's events here. Noting it keeps a procurement from
     * being appended to another record's stream, and lets the command be refused by its rule. (The id is the one the
     * command names, so it is a valid procurement id.)
     */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!(event instanceof ProcurementEvent)) {
            procurementId = new ProcurementId(message.getAggregateIdentifier());
            idTakenByAnotherRecord = true;
        }
    }

    private void begin(ProcurementId id, ContractingAuthority by, String what, List<CpvCode> codes, Procedure how,
                       LegalGround ground) {
        procurementId = id;
        begun = true;
        authority = by;
        subject = what;
        cpvCodes = List.copyOf(codes);
        procedure = how;
        legalGround = ground;
    }

    private void step(ProcurementStatus newStatus, String stepName, LocalDate on) {
        status = newStatus;
        lastStep = stepName;
        lastStepOn = on;
    }
}
