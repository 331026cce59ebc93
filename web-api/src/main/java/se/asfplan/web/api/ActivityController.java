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
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.PlanCommands.AddActivityCommand;
import se.asfplan.domain.plan.PlanCommands.CancelActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ChangeActivityResponsibilityCommand;
import se.asfplan.domain.plan.PlanCommands.CompleteActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ReportActivityProgressCommand;
import se.asfplan.domain.plan.PlanCommands.RescheduleActivityCommand;
import se.asfplan.domain.plan.PlanCommands.StartActivityCommand;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCancelledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCompletedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityProgressReportedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityRescheduledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityResponsibilityChangedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.projections.plan.PlanQueries.ActivityView;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.api.problem.RecordKind;
import se.asfplan.web.api.problem.RecordsFactsOf;
import se.asfplan.web.api.problem.NotFoundException;

@RestController
@RecordsFactsOf(RecordKind.PLAN)
@RequestMapping("/api/plans/{planId}/activities")
@Tag(name = "Activities", description = "Add activities and record their lifecycle: started, progress, "
        + "rescheduled, responsibility changed, completed, cancelled")
public class ActivityController {

    private final CommandSender commands;
    private final PlanReader reader;
    private final BusinessDates dates;
    private final PartyFilter parties;

    public ActivityController(CommandSender commands, PlanReader reader, BusinessDates dates, PartyFilter parties) {
        this.parties = parties;
        this.commands = commands;
        this.reader = reader;
        this.dates = dates;
    }

    @GetMapping
    @Operation(summary = "The plan's activities, optionally filtered by area, kind, status, lead party (also a joint "
            + "lead) or party taking part (lead or involved); a registered party matches by any of its names")
    public ResponseEntity<List<ActivityView>> activities(@PathVariable PlanId planId, @RequestParam(required = false) AreaId area,
                                         @RequestParam(required = false) ActivityKind kind,
                                         @RequestParam(required = false) ActivityStatus status,
                                         @RequestParam(required = false) String lead,
                                         @RequestParam(required = false) String party,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        PlanView plan = reader.plan(planId);
        PartyFilter.Party leading = lead == null ? null : parties.party(lead, plan.municipality());
        PartyFilter.Party takingPart = party == null ? null : parties.party(party, plan.municipality());
        return Paging.page(plan.activities().stream()
                .filter(activity -> area == null || activity.areaId().equals(area))
                .filter(activity -> kind == null || activity.kind() == kind)
                .filter(activity -> status == null || activity.status() == status)
                .filter(activity -> leading == null || leading.leads(activity.responsibility()))
                .filter(activity -> takingPart == null || takingPart.takesPart(activity.responsibility()))
                .toList(), page, size);
    }

    @GetMapping("/{activityId}")
    @Operation(summary = "One activity with its status and latest progress note")
    public ActivityView activity(@PathVariable PlanId planId, @PathVariable ActivityId activityId) {
        return reader.plan(planId).activities().stream()
                .filter(activity -> activity.activityId().equals(activityId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Plan " + planId + " has no activity " + activityId));
    }

    @PostMapping
    @Operation(summary = "Add an activity to one of the plan's areas")
    public ResponseEntity<Recorded> add(@PathVariable PlanId planId, @Valid @RequestBody AddActivityRequest request) {
        commands.send(new AddActivityCommand(planId, request.activityId(), request.areaId(), request.kind(),
                request.title(), request.description(), request.responsibility(), request.timeline(),
                dates.orToday(request.occurredOn())));
        return PlanController.created(ActivityAddedEvent.class, uri(planId, request.activityId()));
    }

    @PostMapping("/{activityId}/start")
    @Operation(summary = "Record that the activity started")
    public Recorded start(@PathVariable PlanId planId, @PathVariable ActivityId activityId,
                          @Valid @RequestBody(required = false) DatedRequest request) {
        commands.send(new StartActivityCommand(planId, activityId,
                dates.orToday(request == null ? null : request.occurredOn())));
        return new Recorded(ActivityStartedEvent.class, uri(planId, activityId));
    }

    @PostMapping("/{activityId}/progress-reports")
    @Operation(summary = "Report progress on a started activity with a dated note")
    public Recorded reportProgress(@PathVariable PlanId planId, @PathVariable ActivityId activityId,
                                   @Valid @RequestBody ProgressRequest request) {
        commands.send(new ReportActivityProgressCommand(planId, activityId, request.note(),
                dates.orToday(request.occurredOn())));
        return new Recorded(ActivityProgressReportedEvent.class, uri(planId, activityId));
    }

    @PostMapping("/{activityId}/reschedule")
    @Operation(summary = "Give the activity a new timeline")
    public Recorded reschedule(@PathVariable PlanId planId, @PathVariable ActivityId activityId,
                               @Valid @RequestBody RescheduleRequest request) {
        commands.send(new RescheduleActivityCommand(planId, activityId, request.timeline(), request.reason(),
                dates.orToday(request.occurredOn())));
        return new Recorded(ActivityRescheduledEvent.class, uri(planId, activityId));
    }

    @PostMapping("/{activityId}/responsibility")
    @Operation(summary = "Change the lead responsible party or the involved parties")
    public Recorded changeResponsibility(@PathVariable PlanId planId, @PathVariable ActivityId activityId,
                                        @Valid @RequestBody ResponsibilityRequest request) {
        commands.send(new ChangeActivityResponsibilityCommand(planId, activityId, request.responsibility(),
                request.reason(), dates.orToday(request.occurredOn())));
        return new Recorded(ActivityResponsibilityChangedEvent.class, uri(planId, activityId));
    }

    @PostMapping("/{activityId}/complete")
    @Operation(summary = "Record that a started activity is completed")
    public Recorded complete(@PathVariable PlanId planId, @PathVariable ActivityId activityId,
                             @Valid @RequestBody(required = false) CompleteRequest request) {
        commands.send(new CompleteActivityCommand(planId, activityId, request == null ? null : request.note(),
                dates.orToday(request == null ? null : request.occurredOn())));
        return new Recorded(ActivityCompletedEvent.class, uri(planId, activityId));
    }

    @PostMapping("/{activityId}/cancel")
    @Operation(summary = "Cancel the activity, with the reason")
    public Recorded cancel(@PathVariable PlanId planId, @PathVariable ActivityId activityId,
                           @Valid @RequestBody CancelRequest request) {
        commands.send(new CancelActivityCommand(planId, activityId, request.reason(),
                dates.orToday(request.occurredOn())));
        return new Recorded(ActivityCancelledEvent.class, uri(planId, activityId));
    }

    private static URI uri(PlanId planId, ActivityId activityId) {
        return URI.create(PlanController.planUri(planId) + "/activities/" + activityId);
    }

    public record AddActivityRequest(@NotNull ActivityId activityId, @NotNull AreaId areaId,
                                     @NotNull ActivityKind kind, @NotBlank @Size(max = 300) String title,
                                     @Size(max = 4000) String description, @NotNull Responsibility responsibility,
                                     Timeline timeline, LocalDate occurredOn) {
    }

    public record DatedRequest(LocalDate occurredOn) {
    }

    public record ProgressRequest(@NotBlank @Size(max = 4000) String note, LocalDate occurredOn) {
    }

    public record RescheduleRequest(@NotNull Timeline timeline, @NotBlank @Size(max = 2000) String reason,
                                    LocalDate occurredOn) {
    }

    public record ResponsibilityRequest(@NotNull Responsibility responsibility,
                                        @NotBlank @Size(max = 2000) String reason, LocalDate occurredOn) {
    }

    public record CompleteRequest(@Size(max = 4000) String note, LocalDate occurredOn) {
    }

    public record CancelRequest(@NotBlank @Size(max = 2000) String reason, LocalDate occurredOn) {
    }
}
