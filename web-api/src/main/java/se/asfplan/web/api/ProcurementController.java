package se.asfplan.web.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.web.api.http.Paging;
import se.asfplan.domain.procurement.ProcurementCommands.RetractProcurementFactCommand;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.procurement.BidsMayCover;
import se.asfplan.domain.procurement.ContractPeriod;
import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.CpvCode;
import se.asfplan.domain.procurement.DisadvantagedEmployment;
import se.asfplan.domain.procurement.Procedure;
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
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.domain.procurement.Supplier;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementsQuery;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementPage;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementSummary;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementView;
import se.asfplan.web.api.problem.RecordKind;
import se.asfplan.web.api.problem.RecordsFactsOf;

@RestController
@RecordsFactsOf(RecordKind.PROCUREMENT)
@RequestMapping("/api/procurements")
@Tag(name = "Procurements", description = "Record procurements (planned or announced, lots, tenders, award, "
        + "completion, evaluation, cancellation) and read them back")
public class ProcurementController {

    private final CommandSender commands;
    private final ProcurementReader reader;
    private final BusinessDates dates;

    public ProcurementController(CommandSender commands, ProcurementReader reader, BusinessDates dates) {
        this.commands = commands;
        this.reader = reader;
        this.dates = dates;
    }

    @GetMapping
    @Operation(summary = "Procurements, newest begun first, optionally filtered by authority, procedure and the year "
            + "they were begun")
    public ResponseEntity<List<ProcurementSummary>> procurements(@RequestParam(required = false) ContractingAuthority authority,
                                                 @RequestParam(required = false) Procedure procedure,
                                                 @RequestParam(required = false) Integer year,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        ProcurementPage listed = reader.procurements(new FindProcurementsQuery(authority, procedure, year),
                page, size);
        return Paging.page(listed.items(), listed.total(), page, size);
    }

    @GetMapping("/{procurementId}")
    @Operation(summary = "A procurement with its lifecycle, lots, tenders, award and evaluations")
    public ProcurementView procurement(@PathVariable ProcurementId procurementId) {
        return reader.procurement(procurementId);
    }

    @PostMapping
    @Operation(summary = "Record a procurement as planned or as announced (the id is generated when not given)")
    public ResponseEntity<Recorded> begin(@Valid @RequestBody BeginProcurementRequest request) {
        ProcurementId id = request.procurementId() != null ? request.procurementId()
                : new ProcurementId("procurement-" + UUID.randomUUID().toString().substring(0, 8));
        ProcurementDetails details = new ProcurementDetails(request.authority(), request.subject(),
                request.cpvCodes(), request.procedure(), Boolean.TRUE.equals(request.reservedForIdeaBasedOrganisations()));
        LocalDate occurredOn = dates.orToday(request.occurredOn());
        URI location = uri(id);
        if (request.stage() == Stage.ANNOUNCED) {
            commands.send(new AnnounceProcurementCommand(id, details, occurredOn, request.carriesOut()));
            return ResponseEntity.status(HttpStatus.CREATED).location(location)
                    .body(new Recorded(ProcurementAnnouncedEvent.class, location));
        }
        commands.send(new PlanProcurementCommand(id, details, occurredOn, request.carriesOut()));
        return ResponseEntity.status(HttpStatus.CREATED).location(location)
                .body(new Recorded(ProcurementPlannedEvent.class, location));
    }

    @PostMapping("/{procurementId}/announcement")
    @Operation(summary = "Record that a planned procurement was announced")
    public Recorded announce(@PathVariable ProcurementId procurementId,
                             @Valid @RequestBody(required = false) StepRequest request) {
        StepRequest step = request == null ? StepRequest.NONE : request;
        commands.send(new AnnounceProcurementCommand(procurementId, null, dates.orToday(step.occurredOn()),
                step.carriesOut()));
        return new Recorded(ProcurementAnnouncedEvent.class, uri(procurementId));
    }

    @PostMapping("/{procurementId}/lots")
    @Operation(summary = "Record that the contract is divided into lots, and what bids may cover (LOU 4 kap. 14 §)")
    public Recorded divide(@PathVariable ProcurementId procurementId, @Valid @RequestBody LotsRequest request) {
        commands.send(new DivideIntoLotsCommand(procurementId, request.numberOfLots(), request.bidsMayCover(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return new Recorded(ProcurementDividedIntoLotsEvent.class, uri(procurementId));
    }

    @PostMapping("/{procurementId}/no-division")
    @Operation(summary = "Record the decision not to divide the contract, with its reasons (LOU 4 kap. 15 §)")
    public Recorded notDivided(@PathVariable ProcurementId procurementId,
                               @Valid @RequestBody NoDivisionRequest request) {
        commands.send(new DecideNotToDivideCommand(procurementId, request.reason(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return new Recorded(ProcurementNotDividedEvent.class, uri(procurementId));
    }

    @PostMapping("/{procurementId}/tenders")
    @Operation(summary = "Record a tender received; whether the supplier is an ASF is read from the register")
    public Recorded tender(@PathVariable ProcurementId procurementId, @Valid @RequestBody TenderRequest request) {
        commands.send(new ReceiveTenderCommand(procurementId, request.supplier().toSupplier(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return new Recorded(TenderReceivedEvent.class, uri(procurementId));
    }

    @PostMapping("/{procurementId}/award")
    @Operation(summary = "Record the contract award: supplier, value in SEK, contract period, and for a 4:18 "
            + "reservation the share of disadvantaged employees, for a direct award the purchase kind")
    public Recorded award(@PathVariable ProcurementId procurementId, @Valid @RequestBody AwardRequest request) {
        commands.send(new AwardContractCommand(procurementId, request.supplier().toSupplier(), request.value(),
                request.contractPeriod(), request.employment(), request.purchaseKind(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return new Recorded(ContractAwardedEvent.class, uri(procurementId));
    }

    @PostMapping("/{procurementId}/completion")
    @Operation(summary = "Record that an awarded procurement is completed")
    public Recorded complete(@PathVariable ProcurementId procurementId,
                             @Valid @RequestBody(required = false) StepRequest request) {
        StepRequest step = request == null ? StepRequest.NONE : request;
        commands.send(new CompleteProcurementCommand(procurementId, dates.orToday(step.occurredOn()),
                step.carriesOut()));
        return new Recorded(ProcurementCompletedEvent.class, uri(procurementId));
    }

    @PostMapping("/{procurementId}/evaluations")
    @Operation(summary = "Record a dated evaluation of a completed procurement")
    public Recorded evaluate(@PathVariable ProcurementId procurementId,
                             @Valid @RequestBody EvaluationRequest request) {
        commands.send(new EvaluateProcurementCommand(procurementId, request.text(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return new Recorded(ProcurementEvaluatedEvent.class, uri(procurementId));
    }

    @PostMapping("/{procurementId}/cancellation")
    @Operation(summary = "Cancel the procurement, with the reason")
    public Recorded cancel(@PathVariable ProcurementId procurementId,
                           @Valid @RequestBody CancellationRequest request) {
        commands.send(new CancelProcurementCommand(procurementId, request.reason(),
                dates.orToday(request.occurredOn()), request.carriesOut()));
        return new Recorded(ProcurementCancelledEvent.class, uri(procurementId));
    }

    @PostMapping("/{procurementId}/retractions")
    @Operation(summary = "Retract a fact recorded in error (a tender, an evaluation; the decision on lots or the "
            + "completion while it is the latest step), named by its event id, with the reason. It stops counting "
            + "from the moment the retraction is recorded")
    public Recorded retract(@PathVariable ProcurementId procurementId,
                            @Valid @RequestBody RetractionRequest request) {
        commands.send(new RetractProcurementFactCommand(procurementId, request.eventId(), request.reason(),
                dates.orToday(request.occurredOn())));
        return new Recorded(ProcurementFactRetractedEvent.class, uri(procurementId));
    }

    static URI uri(ProcurementId procurementId) {
        return URI.create("/api/procurements/" + procurementId);
    }

    /** Whether the procurement is recorded as planned or as already announced. */
    public enum Stage {
        PLANNED, ANNOUNCED
    }

    public record BeginProcurementRequest(ProcurementId procurementId, @NotNull Stage stage,
                                          @NotNull ContractingAuthority authority,
                                          @NotBlank @Size(max = 300) String subject,
                                          @NotEmpty List<@NotNull CpvCode> cpvCodes, @NotNull Procedure procedure,
                                          Boolean reservedForIdeaBasedOrganisations, LocalDate occurredOn,
                                          PlanActivityReference carriesOut) {
    }

    public record StepRequest(LocalDate occurredOn, PlanActivityReference carriesOut) {
        static final StepRequest NONE = new StepRequest(null, null);
    }

    public record LotsRequest(@NotNull @Min(2) Integer numberOfLots, @NotNull BidsMayCover bidsMayCover,
                              LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    /** The reason is checked by the domain, which names LOU 4 kap. 15 § when it is missing. */
    public record NoDivisionRequest(@Size(max = 2000) String reason, LocalDate occurredOn,
                                    PlanActivityReference carriesOut) {
    }

    /** A legal person by its organisation number, or {@code "soleTrader": true} and no number at all. */
    public record SupplierRequest(OrganisationNumber organisationNumber,
                                  @io.swagger.v3.oas.annotations.media.Schema(description = "true for a sole trader, "
                                          + "then without organisationNumber", example = "false") Boolean soleTrader) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        @io.swagger.v3.oas.annotations.media.Schema(hidden = true)
        @AssertTrue(message = "give either organisationNumber or soleTrader true (a sole trader's number is a "
                + "personnummer and is never recorded)")
        public boolean isEitherNumberOrSoleTrader() {
            return (organisationNumber != null) != Boolean.TRUE.equals(soleTrader);
        }

        Supplier toSupplier() {
            return new Supplier(organisationNumber, Boolean.TRUE.equals(soleTrader));
        }
    }

    public record TenderRequest(@NotNull @Valid SupplierRequest supplier, LocalDate occurredOn,
                                PlanActivityReference carriesOut) {
    }

    public record AwardRequest(@NotNull @Valid SupplierRequest supplier,
                               @NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal value,
                               @NotNull ContractPeriod contractPeriod, DisadvantagedEmployment employment,
                               @Size(max = 200) String purchaseKind, LocalDate occurredOn,
                               PlanActivityReference carriesOut) {
    }

    public record EvaluationRequest(@NotBlank @Size(max = 4000) String text, LocalDate occurredOn,
                                    PlanActivityReference carriesOut) {
    }

    public record CancellationRequest(@NotBlank @Size(max = 2000) String reason, LocalDate occurredOn,
                                      PlanActivityReference carriesOut) {
    }
}
