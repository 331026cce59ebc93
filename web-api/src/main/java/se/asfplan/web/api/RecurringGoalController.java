package se.asfplan.web.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import se.asfplan.domain.plan.GoalYears;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanCommands.SetRecurringGoalCommand;
import se.asfplan.domain.plan.PlanEvents.RecurringGoalSetEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.Target;
import se.asfplan.projections.plan.PlanQueries.RecurringGoalView;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.api.problem.RecordKind;
import se.asfplan.web.api.problem.RecordsFactsOf;

/**
 * Recurring goals: one target rule set for each year of the plan (or of the years given), recorded as one goal per
 * year named {@code <goalId>-<year>}. Each year's goal is then revised, withdrawn and reported on through
 * {@link GoalController} like any other.
 */
@RestController
@RecordsFactsOf(RecordKind.PLAN)
@RequestMapping("/api/plans/{planId}/recurring-goals")
@Tag(name = "Goals", description = "Set, revise and withdraw yearly goals; the target history is kept")
public class RecurringGoalController {

    private final CommandSender commands;
    private final PlanReader reader;
    private final BusinessDates dates;

    public RecurringGoalController(CommandSender commands, PlanReader reader, BusinessDates dates) {
        this.commands = commands;
        this.reader = reader;
        this.dates = dates;
    }

    @GetMapping
    @Operation(summary = "The plan's recurring goals, each with its years and its years' goals")
    public ResponseEntity<List<RecurringGoalView>> recurringGoals(@PathVariable PlanId planId,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return Paging.page(reader.plan(planId).recurringGoals(), page, size);
    }

    @GetMapping("/{goalId}")
    @Operation(summary = "One recurring goal with its years and its years' goals")
    public RecurringGoalView recurringGoal(@PathVariable PlanId planId, @PathVariable GoalId goalId) {
        return reader.plan(planId).recurringGoals().stream().filter(goal -> goal.goalId().equals(goalId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Plan " + planId + " has no recurring goal " + goalId));
    }

    @PostMapping
    @Operation(summary = "Set a goal for each year of the plan, or of the years given (years.from, years.to), with "
            + "the decision behind it; each year's goal is named <goalId>-<year>")
    public ResponseEntity<Recorded> set(@PathVariable PlanId planId,
                                        @Valid @RequestBody SetRecurringGoalRequest request) {
        commands.send(new SetRecurringGoalCommand(planId, request.goalId(), request.years(), request.kind(),
                request.indicator(), request.target(), request.activityId(), request.decision(), request.measure(),
                dates.orToday(request.occurredOn())));
        return PlanController.created(RecurringGoalSetEvent.class,
                URI.create(PlanController.planUri(planId) + "/recurring-goals/" + request.goalId()));
    }

    /** {@code years} left out: each year of the plan. */
    public record SetRecurringGoalRequest(@NotNull GoalId goalId, GoalYears years, @NotNull GoalKind kind,
                                          @NotBlank @Size(max = 300) String indicator, @NotNull Target target,
                                          ActivityId activityId, @NotNull Decision decision, Measure measure,
                                          LocalDate occurredOn) {
    }
}
