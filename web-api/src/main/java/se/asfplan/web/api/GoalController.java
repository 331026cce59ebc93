package se.asfplan.web.api;

import java.math.BigDecimal;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.web.api.http.Paging;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanCommands.ReportGoalOutcomeCommand;
import se.asfplan.domain.plan.PlanCommands.ReviseGoalCommand;
import se.asfplan.domain.plan.PlanCommands.SetGoalCommand;
import se.asfplan.domain.plan.PlanCommands.WithdrawGoalCommand;
import se.asfplan.domain.plan.PlanEvents.GoalOutcomeReportedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalRevisedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.GoalWithdrawnEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.Target;
import se.asfplan.projections.plan.PlanQueries.GoalView;
import se.asfplan.web.api.problem.RecordKind;
import se.asfplan.web.api.problem.RecordsFactsOf;
import se.asfplan.web.api.problem.NotFoundException;

@RestController
@RecordsFactsOf(RecordKind.PLAN)
@RequestMapping("/api/plans/{planId}/goals")
@Tag(name = "Goals", description = "Set, revise and withdraw yearly goals; the target history is kept")
public class GoalController {

    private final CommandSender commands;
    private final PlanReader reader;
    private final BusinessDates dates;

    public GoalController(CommandSender commands, PlanReader reader, BusinessDates dates) {
        this.commands = commands;
        this.reader = reader;
        this.dates = dates;
    }

    @GetMapping
    @Operation(summary = "The plan's goals with their target history, optionally for one year")
    public ResponseEntity<List<GoalView>> goals(@PathVariable PlanId planId, @RequestParam(required = false) Integer year,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return Paging.page(reader.plan(planId).goals().stream().filter(goal -> year == null || goal.year() == year).toList(), page, size);
    }

    @GetMapping("/{goalId}")
    @Operation(summary = "One goal with its target history")
    public GoalView goal(@PathVariable PlanId planId, @PathVariable GoalId goalId) {
        return reader.plan(planId).goals().stream().filter(goal -> goal.goalId().equals(goalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Plan " + planId + " has no goal " + goalId));
    }

    @PostMapping
    @Operation(summary = "Set a goal for a year, with the decision behind it")
    public ResponseEntity<Recorded> set(@PathVariable PlanId planId, @Valid @RequestBody SetGoalRequest request) {
        commands.send(new SetGoalCommand(planId, request.goalId(), request.year(), request.kind(),
                request.indicator(), request.target(), request.activityId(), request.decision(),
                dates.orToday(request.occurredOn()), request.measure()));
        return PlanController.created(GoalSetEvent.class, uri(planId, request.goalId()));
    }

    @PostMapping("/{goalId}/revisions")
    @Operation(summary = "Revise a goal's target with a reason and its decision; the old target stays in history")
    public Recorded revise(@PathVariable PlanId planId, @PathVariable GoalId goalId,
                           @Valid @RequestBody ReviseGoalRequest request) {
        commands.send(new ReviseGoalCommand(planId, goalId, request.target(), request.reason(), request.decision(),
                dates.orToday(request.occurredOn())));
        return new Recorded(GoalRevisedEvent.class, uri(planId, goalId));
    }

    @PostMapping("/{goalId}/withdrawal")
    @Operation(summary = "Withdraw a goal, with the reason and its decision")
    public Recorded withdraw(@PathVariable PlanId planId, @PathVariable GoalId goalId,
                             @Valid @RequestBody WithdrawGoalRequest request) {
        commands.send(new WithdrawGoalCommand(planId, goalId, request.reason(), request.decision(),
                dates.orToday(request.occurredOn())));
        return new Recorded(GoalWithdrawnEvent.class, uri(planId, goalId));
    }

    @PostMapping("/{goalId}/outcomes")
    @Operation(summary = "Report a manual or share goal's outcome for its year by hand, with its source; a later"
            + " report supersedes the earlier one, both stay in the history")
    public Recorded reportOutcome(@PathVariable PlanId planId, @PathVariable GoalId goalId,
                                  @Valid @RequestBody ReportGoalOutcomeRequest request) {
        commands.send(new ReportGoalOutcomeCommand(planId, goalId, request.value(), request.source(),
                dates.orToday(request.occurredOn())));
        return new Recorded(GoalOutcomeReportedEvent.class, uri(planId, goalId));
    }

    private static URI uri(PlanId planId, GoalId goalId) {
        return URI.create(PlanController.planUri(planId) + "/goals/" + goalId);
    }

    public record SetGoalRequest(@NotNull GoalId goalId, @NotNull @Min(1990) @Max(2100) Integer year,
                                 @NotNull GoalKind kind, @NotBlank @Size(max = 300) String indicator,
                                 @NotNull Target target, ActivityId activityId, @NotNull Decision decision,
                                 LocalDate occurredOn, Measure measure) {
    }

    public record ReportGoalOutcomeRequest(@NotNull BigDecimal value, @NotBlank @Size(max = 2000) String source,
                                           LocalDate occurredOn) {
    }

    public record ReviseGoalRequest(@NotNull Target target, @NotBlank @Size(max = 2000) String reason,
                                    @NotNull Decision decision, LocalDate occurredOn) {
    }

    public record WithdrawGoalRequest(@NotBlank @Size(max = 2000) String reason, @NotNull Decision decision,
                                      LocalDate occurredOn) {
    }
}
