package se.asfplan.web.api;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.web.api.http.Paging;
import se.asfplan.domain.plan.PlanCommands.RetractPlanFactCommand;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.DecisionId;
import se.asfplan.domain.plan.DecisionKind;
import se.asfplan.domain.plan.Plan;
import se.asfplan.domain.plan.PlanCommands.CorrectPlanDecisionCommand;
import se.asfplan.domain.plan.PlanCommands.RecordPlanDecisionCommand;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionCorrectedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionRecordedEvent;
import se.asfplan.domain.plan.PlanSection;
import se.asfplan.domain.plan.PlanCommands.AddAreaCommand;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.RevisePlanCommand;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanFactRetractedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanRevisedEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.PlanScope;
import se.asfplan.domain.plan.PlanCommands.SetPlanScopeCommand;
import se.asfplan.domain.plan.PlanEvents.PlanScopeSetEvent;
import se.asfplan.infra.planfile.PlanImportService;
import se.asfplan.infra.planfile.PlanImportService.ImportedPlan;
import se.asfplan.projections.plan.PlanQueries.AreaView;
import se.asfplan.projections.plan.PlanQueries.DecisionView;
import se.asfplan.projections.plan.PlanQueries.PlanSummary;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.api.problem.RecordKind;
import se.asfplan.web.api.problem.RecordsFactsOf;
import se.asfplan.web.api.problem.NotFoundException;

@RestController
@RecordsFactsOf(RecordKind.PLAN)
@RequestMapping("/api/plans")
@Tag(name = "Plans", description = "Adopt, import, revise and read action plans, their decisions and areas")
public class PlanController {

    private final CommandSender commands;
    private final PlanReader reader;
    private final PlanImportService importService;
    private final BusinessDates dates;

    public PlanController(CommandSender commands, PlanReader reader, PlanImportService importService,
                          BusinessDates dates) {
        this.commands = commands;
        this.reader = reader;
        this.importService = importService;
        this.dates = dates;
    }

    @GetMapping
    @Operation(summary = "All recorded plans, newest adoption first")
    public ResponseEntity<List<PlanSummary>> plans(
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return Paging.page(reader.plans(), page, size);
    }

    @GetMapping("/{planId}")
    @Operation(summary = "A plan with its sections, chain of decisions, areas, activities and goals")
    public PlanView plan(@PathVariable PlanId planId) {
        return reader.plan(planId);
    }

    @PostMapping
    @Operation(summary = "Record a plan's adoption, with its sections if given (areas, activities and goals are added"
            + " afterwards)")
    public ResponseEntity<Recorded> adopt(@Valid @RequestBody AdoptPlanRequest request) {
        commands.send(new AdoptPlanCommand(request.planId(), request.title(), request.municipality(),
                request.adoption(), request.adoptedOn(), request.period(), List.of(), List.of(), request.sections(),
                List.of(), List.of(), null));
        return created(PlanAdoptedEvent.class, planUri(request.planId()));
    }

    @PostMapping(value = "/import", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
            MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import a whole plan from a plan file (format action-plan/v1, YAML or JSON) in the body")
    public ResponseEntity<ImportedPlan> importPlan(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "the plan file") InputStream file) {
        // read as a stream: the reader stops at its size limit instead of holding any body in memory
        ImportedPlan plan = importService.importPlan(file, commands.recording());
        return ResponseEntity.created(planUri(plan.planId())).body(plan);
    }

    @PostMapping("/{planId}/revisions")
    @Operation(summary = "Revise the plan's title or period by a new decision")
    public Recorded revise(@PathVariable PlanId planId, @Valid @RequestBody RevisePlanRequest request) {
        commands.send(new RevisePlanCommand(planId, request.title(), request.period(), request.decision(),
                request.reason(), dates.orToday(request.occurredOn())));
        return new Recorded(PlanRevisedEvent.class, planUri(planId));
    }

    @GetMapping("/{planId}/decisions")
    @Operation(summary = "The plan's chain of decisions by date, the adoption included, each as corrected with its "
            + "corrections")
    public ResponseEntity<List<DecisionView>> decisions(@PathVariable PlanId planId,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return Paging.page(reader.plan(planId).decisions(), page, size);
    }

    @GetMapping("/{planId}/decisions/{decisionId}")
    @Operation(summary = "One decision of the plan's chain with its corrections")
    public DecisionView decision(@PathVariable PlanId planId, @PathVariable DecisionId decisionId) {
        return reader.plan(planId).decisions().stream().filter(decision -> decision.decisionId().equals(decisionId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Plan " + planId + " has no decision " + decisionId));
    }

    @PostMapping("/{planId}/decisions")
    @Operation(summary = "Record a decision of the plan's chain besides the adoption: a proposal before it, an "
            + "approval or an amendment after it")
    public ResponseEntity<Recorded> recordDecision(@PathVariable PlanId planId,
                                                   @Valid @RequestBody RecordDecisionRequest request) {
        commands.send(new RecordPlanDecisionCommand(planId, request.decisionId(), request.kind(), request.decision(),
                request.decidedOn(), request.summary()));
        return created(PlanDecisionRecordedEvent.class, decisionUri(planId, request.decisionId()));
    }

    @PostMapping("/{planId}/decisions/{decisionId}/corrections")
    @Operation(summary = "Correct a decision recorded wrongly (the adoption is 'adoption'): how it reads, with the "
            + "reason; the wrong record stays in the history")
    public Recorded correctDecision(@PathVariable PlanId planId, @PathVariable DecisionId decisionId,
                                    @Valid @RequestBody CorrectDecisionRequest request) {
        commands.send(new CorrectPlanDecisionCommand(planId, decisionId, request.decision(), request.decidedOn(),
                request.reason(), dates.orToday(request.occurredOn())));
        return new Recorded(PlanDecisionCorrectedEvent.class, decisionUri(planId, decisionId));
    }

    @PostMapping("/{planId}/retractions")
    @Operation(summary = "Retract a fact recorded in error (a progress note, an outcome report; an activity's start,"
            + " completion or cancellation while it is the activity's latest step), named by its event id, with the "
            + "reason. It stops counting from the moment the retraction is recorded")
    public Recorded retract(@PathVariable PlanId planId, @Valid @RequestBody RetractionRequest request) {
        commands.send(new RetractPlanFactCommand(planId, request.eventId(), request.reason(),
                dates.orToday(request.occurredOn())));
        return new Recorded(PlanFactRetractedEvent.class, planUri(planId));
    }

    @GetMapping("/{planId}/areas")
    @Operation(summary = "The plan's areas with their activities")
    public ResponseEntity<List<AreaView>> areas(@PathVariable PlanId planId,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return Paging.page(reader.plan(planId).areas(), page, size);
    }

    @GetMapping("/{planId}/areas/{areaId}")
    @Operation(summary = "One area with its activities")
    public AreaView area(@PathVariable PlanId planId, @PathVariable AreaId areaId) {
        return reader.plan(planId).areas().stream().filter(area -> area.areaId().equals(areaId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Plan " + planId + " has no area " + areaId));
    }

    @PostMapping("/{planId}/areas")
    @Operation(summary = "Add an area to the plan")
    public ResponseEntity<Recorded> addArea(@PathVariable PlanId planId, @Valid @RequestBody AddAreaRequest request) {
        commands.send(new AddAreaCommand(planId, request.areaId(), request.name(), request.description(),
                dates.orToday(request.occurredOn()), request.number()));
        return created(AreaAddedEvent.class, URI.create(planUri(planId) + "/areas/" + request.areaId()));
    }

    static URI planUri(PlanId planId) {
        return URI.create("/api/plans/" + planId);
    }

    private static URI decisionUri(PlanId planId, DecisionId decisionId) {
        return URI.create(planUri(planId) + "/decisions/" + decisionId);
    }

    static ResponseEntity<Recorded> created(Class<? extends Record> event, URI location) {
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(new Recorded(event, location));
    }

    public record AdoptPlanRequest(@NotNull PlanId planId, @NotBlank @Size(max = 300) String title,
                                   @NotBlank @Size(max = 200) String municipality, @NotNull Decision adoption,
                                   @NotNull LocalDate adoptedOn, @NotNull PlanPeriod period,
                                   @Size(max = Plan.SECTIONS_MAX) List<@NotNull PlanSection> sections) {
    }

    public record RecordDecisionRequest(@NotNull DecisionId decisionId, @NotNull DecisionKind kind,
                                        @NotNull Decision decision, @NotNull LocalDate decidedOn,
                                        @Size(max = 2000) String summary) {
    }

    public record CorrectDecisionRequest(@NotNull Decision decision, @NotNull LocalDate decidedOn,
                                         @NotBlank @Size(max = 2000) String reason, LocalDate occurredOn) {
    }

    @PostMapping("/{planId}/scope")
    @Operation(summary = "Set what the plan covers from now on, with the reason: its municipalities (one or several) "
            + "and parties of the register; its goal measures count only what lies inside it")
    public Recorded setScope(@PathVariable PlanId planId, @Valid @RequestBody SetScopeRequest request) {
        commands.send(new SetPlanScopeCommand(planId, request.scope(), request.reason(),
                dates.orToday(request.occurredOn())));
        return new Recorded(PlanScopeSetEvent.class, planUri(planId));
    }

    public record SetScopeRequest(@NotNull PlanScope scope, @NotBlank @Size(max = 2000) String reason,
                                  LocalDate occurredOn) {
    }

    public record RevisePlanRequest(@Size(max = 300) String title, PlanPeriod period, @NotNull Decision decision,
                                    @NotBlank @Size(max = 2000) String reason, LocalDate occurredOn) {
    }

    public record AddAreaRequest(@NotNull AreaId areaId, @NotBlank @Size(max = 200) String name,
                                 @Size(max = 4000) String description, LocalDate occurredOn,
                                 @Min(1) @Max(Plan.AREA_NUMBER_MAX) Integer number) {
    }
}
