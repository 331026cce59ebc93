package se.asfplan.web.round;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.round.AssessmentStatus;
import se.asfplan.domain.round.RoundCommands.ApproveAssessmentCommand;
import se.asfplan.domain.round.RoundCommands.CloseFollowUpRoundCommand;
import se.asfplan.domain.round.RoundCommands.MarkAssessmentUnansweredCommand;
import se.asfplan.domain.round.RoundCommands.OpenFollowUpRoundCommand;
import se.asfplan.domain.round.RoundCommands.ReturnAssessmentCommand;
import se.asfplan.domain.round.RoundCommands.SubmitAssessmentCommand;
import se.asfplan.domain.round.RoundEvents.AssessmentApprovedEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentMarkedUnansweredEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentReturnedEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentSubmittedEvent;
import se.asfplan.domain.round.RoundEvents.FollowUpRoundClosedEvent;
import se.asfplan.domain.round.RoundEvents.FollowUpRoundOpenedEvent;
import se.asfplan.domain.round.RoundId;
import se.asfplan.domain.round.RoundItem;
import se.asfplan.domain.round.RoundKind;
import se.asfplan.domain.round.RoundRule;
import se.asfplan.domain.round.RoundSubject;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.infra.round.RoundReminderQueue.ReminderMessage;
import se.asfplan.projections.plan.PlanQueries.ActivityView;
import se.asfplan.projections.plan.PlanQueries.GoalView;
import se.asfplan.projections.plan.PlanQueries.PartyRole;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.projections.plan.PlanQueries.ResponsiblePartyView;
import se.asfplan.projections.round.RoundQueries.PresentedReport;
import se.asfplan.web.api.CommandSender;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.api.Recorded;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.api.problem.RecordKind;
import se.asfplan.web.api.problem.RecordsFactsOf;
import se.asfplan.web.page.export.Downloads;
import se.asfplan.web.report.Csv;
import se.asfplan.web.api.http.Paging;

/**
 * Follow-up rounds of a plan: the coordination function opens a round, records each reporter's assessment (the
 * reporter is the responsible party; the user who records it is in the event's metadata), returns or approves it or
 * marks the item unanswered, reminds who has not reported and closes the round, which fixes the presented report.
 * Every role reads rounds, their presented reports and the comparison with the report as known now.
 */
@RestController
@RecordsFactsOf(RecordKind.ROUND)
@RequestMapping("/api/plans/{planId}/rounds")
@Tag(name = "Follow-up rounds", description = "Tertial, delårsrapport and årsredovisning: assessments per activity "
        + "and goal, their review, reminders, and the report presented at the close, kept byte for byte")
public class RoundController {

    private final CommandSender commands;
    private final PlanReader plans;
    private final RoundReader rounds;
    private final RoundHistory history;
    private final PresentedReports reports;
    private final Reminders reminders;
    private final Clock clock;

    RoundController(CommandSender commands, PlanReader plans, RoundReader rounds, RoundHistory history,
                    PresentedReports reports, Reminders reminders, Clock clock) {
        this.commands = commands;
        this.plans = plans;
        this.rounds = rounds;
        this.history = history;
        this.reports = reports;
        this.reminders = reminders;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The plan's rounds, the latest cut-off first, each with where its items stand")
    public ResponseEntity<List<RoundStatus>> rounds(@PathVariable PlanId planId,
            @Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = Paging.SIZE_DOC) @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        plans.plan(planId);
        return Paging.page(rounds.rounds(planId.value()), page, size);
    }

    @PostMapping
    @Operation(summary = "Open a round: name, kind, cut-off date, deadline, and the activities and goals in scope "
            + "with the responsible party reporting each (items), or as subjects whose reporter is the plan's lead")
    public ResponseEntity<Recorded> open(@PathVariable PlanId planId, @Valid @RequestBody OpenRoundRequest request) {
        PlanView plan = plans.plan(planId);
        RoundId roundId = request.roundId() != null ? request.roundId()
                : new RoundId(defaultId(planId, request.kind(), request.cutOffDate()));
        List<RoundItem> items = new ArrayList<>();
        if (request.items() != null) {
            request.items().forEach(item -> items.add(item(plan, RoundSubjects.parse(item.subject()),
                    item.reporter())));
        }
        if (request.subjects() != null) {
            request.subjects().forEach(subject -> items.add(item(plan, RoundSubjects.parse(subject), null)));
        }
        commands.send(new OpenFollowUpRoundCommand(roundId, planId, request.name(), request.kind(),
                request.cutOffDate(), request.deadline(), items, orToday(request.occurredOn())));
        URI location = uri(planId.value(), roundId.value());
        return ResponseEntity.status(HttpStatus.CREATED).location(location)
                .body(new Recorded(FollowUpRoundOpenedEvent.class, location));
    }

    @GetMapping("/{roundId}")
    @Operation(summary = "A round with every item's state and latest assessment, who has not reported, what is "
            + "overdue against the deadline and what awaits review")
    public RoundStatus round(@PathVariable PlanId planId, @PathVariable RoundId roundId) {
        return rounds.round(planId.value(), roundId.value());
    }

    @PostMapping("/{roundId}/assessments")
    @Operation(summary = "Record a reporter's assessment of an item (again after a return): status, comment, and for "
            + "a goal followed up by hand an optional figure with its source")
    public Recorded submit(@PathVariable PlanId planId, @PathVariable RoundId roundId,
                           @Valid @RequestBody AssessmentRequest request) {
        ofPlan(planId, roundId);
        commands.send(new SubmitAssessmentCommand(roundId, RoundSubjects.parse(request.subject()),
                request.reporter(), request.status(), request.comment(), request.figure(), request.figureSource(),
                orToday(request.occurredOn())));
        return new Recorded(AssessmentSubmittedEvent.class, uri(planId.value(), roundId.value()));
    }

    @PostMapping("/{roundId}/returns")
    @Operation(summary = "Return a submitted assessment to its reporter, saying what to change")
    public Recorded returnAssessment(@PathVariable PlanId planId, @PathVariable RoundId roundId,
                                     @Valid @RequestBody ReviewRequest request) {
        ofPlan(planId, roundId);
        commands.send(new ReturnAssessmentCommand(roundId, RoundSubjects.parse(request.subject()), request.comment(),
                orToday(request.occurredOn())));
        return new Recorded(AssessmentReturnedEvent.class, uri(planId.value(), roundId.value()));
    }

    @PostMapping("/{roundId}/approvals")
    @Operation(summary = "Approve a submitted assessment, optionally with a comment")
    public Recorded approve(@PathVariable PlanId planId, @PathVariable RoundId roundId,
                            @Valid @RequestBody ReviewRequest request) {
        ofPlan(planId, roundId);
        commands.send(new ApproveAssessmentCommand(roundId, RoundSubjects.parse(request.subject()), request.comment(),
                orToday(request.occurredOn())));
        return new Recorded(AssessmentApprovedEvent.class, uri(planId.value(), roundId.value()));
    }

    @PostMapping("/{roundId}/unanswered")
    @Operation(summary = "Mark an item unanswered (nothing came, or nothing acceptable), with the reason")
    public Recorded markUnanswered(@PathVariable PlanId planId, @PathVariable RoundId roundId,
                                   @Valid @RequestBody UnansweredRequest request) {
        ofPlan(planId, roundId);
        commands.send(new MarkAssessmentUnansweredCommand(roundId, RoundSubjects.parse(request.subject()),
                request.reason(), orToday(request.occurredOn())));
        return new Recorded(AssessmentMarkedUnansweredEvent.class, uri(planId.value(), roundId.value()));
    }

    @PostMapping("/{roundId}/closing")
    @Operation(summary = "Close the round once every item is approved or marked unanswered: renders the presented "
            + "report (goal outcomes of the cut-off's year as recorded now, the assessments, the event position) "
            + "and stores it with its SHA-256, for good")
    public Recorded close(@PathVariable PlanId planId, @PathVariable RoundId roundId,
                          @Valid @RequestBody(required = false) CloseRoundRequest request) {
        RoundHistory.Round round = ofPlan(planId, roundId).orElseThrow(() -> new RuleViolationException(
                RoundRule.ROUND_MUST_BE_OPENED_FIRST, RecordKind.ROUND.notFound(roundId)));
        if (round.closed()) {
            throw new RuleViolationException(RoundRule.ROUND_IS_CLOSED, "Round " + roundId + " is closed: its "
                    + "report stands as presented");
        }
        if (!round.unsettled().isEmpty()) {
            throw new RuleViolationException(RoundRule.ROUND_CANNOT_CLOSE_WITH_UNSETTLED_ITEMS, "Every item is "
                    + "approved or marked unanswered before the round closes; not yet: "
                    + String.join(", ", round.unsettled()));
        }
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        PresentedReports.Rendered rendered = reports.render(round, user);
        commands.send(new CloseFollowUpRoundCommand(roundId, rendered.json(), rendered.sha256(), rendered.position(),
                orToday(request == null ? null : request.occurredOn())));
        return new Recorded(FollowUpRoundClosedEvent.class,
                URI.create(uri(planId.value(), roundId.value()) + "/presented-report"));
    }

    @GetMapping("/{roundId}/reminders")
    @Operation(summary = "Who to remind: one reminder per reporting party with items not yet reported (or "
            + "returned), saying whether the deadline has passed; with the messages queued for the round")
    public RemindersAnswer reminders(@PathVariable PlanId planId, @PathVariable RoundId roundId) {
        RoundStatus status = rounds.round(planId.value(), roundId.value());
        return new RemindersAnswer(status.reminders(), reminders.queued(roundId.value()));
    }

    @PostMapping("/{roundId}/reminders")
    @Operation(summary = "Queue today's reminders as outgoing messages for the mail system: one per reporting party "
            + "with items not reported; queuing again the same day queues nothing new")
    public QueuedReminders queueReminders(@PathVariable PlanId planId, @PathVariable RoundId roundId,
                                                @RequestBody(required = false) QueueRemindersRequest request) {
        RoundStatus status = rounds.round(planId.value(), roundId.value());
        if (status.round().closed()) {
            throw new RuleViolationException(RoundRule.ROUND_IS_CLOSED, "Round " + roundId + " is closed: "
                    + "nobody is reminded any more");
        }
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        return new QueuedReminders(reminders.queue(status, user));
    }

    @GetMapping("/{roundId}/presented-report")
    @Operation(summary = "The report as presented at the close, byte for byte as stored (JSON; its SHA-256 in "
            + "X-Report-SHA256), or as CSV (format=csv) for Swedish Excel, cells neutralised")
    public ResponseEntity<byte[]> presentedReport(
            @PathVariable PlanId planId, @PathVariable RoundId roundId,
            @Parameter(description = "json (default) or csv; Accept: text/csv also answers CSV",
                    schema = @Schema(type = "string", allowableValues = {"json", "csv"}))
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        PresentedReport presented = presented(planId, roundId);
        ResponseEntity<byte[]> answer = Csv.requested(format, accept)
                ? Downloads.csv(RoundExports.table(PresentedReports.parse(presented.json())),
                        "uppfoljningsomgang-" + roundId + ".csv")
                : Downloads.file(presented.json().getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
                        "uppfoljningsomgang-" + roundId + ".json");
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        headers.set(RoundExports.SHA256_HEADER, presented.sha256());
        headers.set(Csv.POSITION_HEADER, String.valueOf(presented.position()));
        headers.set(Csv.AS_OF_HEADER, presented.closedAt().toString());
        return ResponseEntity.ok().headers(headers).body(answer.getBody());
    }

    @GetMapping("/{roundId}/comparison")
    @Operation(summary = "The presented report beside the same report recomputed from everything recorded now, goal "
            + "by goal, each difference with the later events or retractions that caused it (id, recorded time, user)")
    public RoundComparison comparison(@PathVariable PlanId planId, @PathVariable RoundId roundId) {
        return reports.compare(presented(planId, roundId));
    }

    private PresentedReport presented(PlanId planId, RoundId roundId) {
        RoundStatus status = rounds.round(planId.value(), roundId.value());
        if (!status.round().closed()) {
            throw new NotFoundException("Round " + roundId + " is not closed: it has no presented report yet");
        }
        return reports.presented(roundId.value()).orElseThrow(() -> new NotFoundException("Round " + roundId
                + " is not closed: it has no presented report yet"));
    }

    /** The round as its events say, refused as not found when it belongs to another plan. */
    private Optional<RoundHistory.Round> ofPlan(PlanId planId, RoundId roundId) {
        Optional<RoundHistory.Round> round = history.of(roundId.value());
        if (round.isPresent() && !round.get().planId().equals(planId.value())) {
            throw new NotFoundException("Round " + roundId + " is not a round of plan " + planId);
        }
        return round;
    }

    /** The item with its reporter as the plan names the party; the subject's lead when no reporter is given. */
    static RoundItem item(PlanView plan, RoundSubject subject, String reporter) {
        String activityId = subject.id();
        if (subject.kind() == RoundSubject.Kind.GOAL) {
            GoalView goal = plan.goals().stream().filter(candidate -> candidate.goalId().value().equals(subject.id()))
                    .findFirst().orElseThrow(() -> notInPlan(plan, subject));
            activityId = goal.activityId() == null ? null : goal.activityId().value();
        } else if (plan.activities().stream().noneMatch(activity -> activity.activityId().value()
                .equals(subject.id()))) {
            throw notInPlan(plan, subject);
        }
        Map<String, String> parties = responsibleParties(plan);
        if (reporter == null || reporter.isBlank()) {
            String forActivity = activityId;
            return new RoundItem(subject, plan.activities().stream()
                    .filter(activity -> activity.activityId().value().equals(forActivity))
                    .flatMap(activity -> activity.parties().stream())
                    .filter(party -> party.role() == PartyRole.LEAD).map(ResponsiblePartyView::name).findFirst()
                    .orElseThrow(() -> new RuleViolationException(RoundRule.REPORTER_MUST_BE_A_RESPONSIBLE_PARTY,
                            subject + " has no lead party in the plan: name its reporter")));
        }
        String named = parties.get(key(reporter));
        if (named == null) {
            throw new RuleViolationException(RoundRule.REPORTER_MUST_BE_A_RESPONSIBLE_PARTY, "'" + reporter.strip()
                    + "' is not a responsible party of plan " + plan.planId() + "; the plan's parties are "
                    + String.join(", ", new java.util.TreeSet<>(parties.values())));
        }
        return new RoundItem(subject, named);
    }

    /** Every responsible party of the plan's activities, keyed by each way of naming it, to the plan's own name. */
    static Map<String, String> responsibleParties(PlanView plan) {
        Map<String, String> parties = new LinkedHashMap<>();
        for (ActivityView activity : plan.activities()) {
            for (ResponsiblePartyView party : activity.parties()) {
                parties.putIfAbsent(key(party.name()), party.name());
                if (party.partyName() != null) {
                    parties.putIfAbsent(key(party.partyName()), party.name());
                }
                if (party.abbreviation() != null) {
                    parties.putIfAbsent(key(party.abbreviation()), party.name());
                }
            }
        }
        return parties;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static RuleViolationException notInPlan(PlanView plan, RoundSubject subject) {
        return new RuleViolationException(RoundRule.SUBJECT_MUST_BELONG_TO_THE_PLAN,
                subject + " is not an activity or goal of plan " + plan.planId());
    }

    private static String defaultId(PlanId planId, RoundKind kind, LocalDate cutOff) {
        String id = kind.name().toLowerCase(Locale.ROOT) + "-" + cutOff + "-" + planId.value();
        return id.length() > 63 ? id.substring(0, 63).replaceAll("-+$", "") : id;
    }

    private LocalDate orToday(LocalDate occurredOn) {
        return occurredOn != null ? occurredOn : BusinessCalendar.today(clock);
    }

    static URI uri(String planId, String roundId) {
        return URI.create("/api/plans/" + planId + "/rounds/" + roundId);
    }

    /** An item of a round: {@code activity:<id>} or {@code goal:<id>}, and the responsible party reporting it. */
    public record ItemRequest(@NotBlank @Size(max = 300) String subject, @Size(max = 200) String reporter) {
    }

    /**
     * Opening a round: {@code items} name each subject's reporter; {@code subjects} are reported by the plan's lead
     * of the activity (for a goal, of the goal's activity). Without {@code roundId} one is made of the kind, the
     * cut-off date and the plan.
     */
    public record OpenRoundRequest(RoundId roundId, @NotBlank @Size(max = 200) String name, @NotNull RoundKind kind,
                                   @NotNull LocalDate cutOffDate, @NotNull LocalDate deadline,
                                   @Size(max = 500) List<@Valid @NotNull ItemRequest> items,
                                   @Size(max = 500) List<@NotBlank @Size(max = 300) String> subjects,
                                   LocalDate occurredOn) {
    }

    public record AssessmentRequest(@NotBlank @Size(max = 300) String subject,
                                    @NotBlank @Size(max = 200) String reporter, @NotNull AssessmentStatus status,
                                    @Size(max = 4000) String comment, BigDecimal figure,
                                    @Size(max = 500) String figureSource, LocalDate occurredOn) {
    }

    /** A return (the comment is then required) or an approval (the comment is optional). */
    public record ReviewRequest(@NotBlank @Size(max = 300) String subject, @Size(max = 4000) String comment,
                                LocalDate occurredOn) {
    }

    public record UnansweredRequest(@NotBlank @Size(max = 300) String subject,
                                    @NotBlank @Size(max = 4000) String reason, LocalDate occurredOn) {
    }

    public record CloseRoundRequest(LocalDate occurredOn) {
    }

    /** Queuing reminders takes nothing but the round; an empty body is accepted. */
    public record QueueRemindersRequest() {
    }

    /** The messages queued (or, queued earlier the same day, found) for the reminders due. */
    public record QueuedReminders(List<ReminderMessage> messages) {
    }

    /** The reminders due now, and the messages queued for the round so far. */
    public record RemindersAnswer(List<Reminder> reminders, List<ReminderMessage> queued) {
    }
}
