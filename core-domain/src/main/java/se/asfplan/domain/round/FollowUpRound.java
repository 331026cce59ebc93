package se.asfplan.domain.round;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.asfplan.domain.shared.CommandChecks.required;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import se.asfplan.domain.plan.PlanId;
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
import se.asfplan.domain.shared.CommandChecks;
import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.domain.shared.Values;

/**
 * A follow-up round of a plan. Reporters submit one assessment per item; the coordination function returns or
 * approves it, or marks the item unanswered; the round closes when every item is settled, and closing fixes the
 * presented report for good (its text and checksum are in the closing event). Nothing changes in a closed round.
 *
 * <p>Command handlers check and then apply; event handlers only assign state.
 */
@AggregateRoot(type = "FollowUpRound")
public class FollowUpRound {

    public static final int NAME_MAX = 200;
    public static final int COMMENT_MAX = 4000;
    public static final int SOURCE_MAX = 500;
    /** The presented report is a JSON text; a year's report of a large plan stays far below this. */
    public static final int REPORT_MAX = 2_000_000;

    @AggregateIdentifier
    private RoundId roundId;
    private boolean opened;
    private boolean closed;
    private final Map<RoundSubject, Item> items = new LinkedHashMap<>();

    /** An item's reporter and where it stands. */
    private record Item(String reporter, ItemState state) {
    }

    /** For Axon: rebuilds the round from its events. */
    protected FollowUpRound() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenFollowUpRoundCommand command, Clock clock) {
        if (opened) {
            throw new RuleViolationException(RoundRule.ROUND_CAN_BE_OPENED_ONCE,
                    "Round " + roundId + " is already open or closed");
        }
        RoundId id = required(command.roundId(), "roundId");
        PlanId planId = required(command.planId(), "planId");
        String name = Values.text(command.name(), "name", NAME_MAX);
        RoundKind kind = required(command.kind(), "kind");
        LocalDate cutOff = required(command.cutOffDate(), "cutOffDate");
        LocalDate deadline = required(command.deadline(), "deadline");
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        if (deadline.isBefore(cutOff)) {
            throw new RuleViolationException(RoundRule.DEADLINE_MUST_NOT_BE_BEFORE_CUT_OFF,
                    "The deadline " + deadline + " lies before the cut-off date " + cutOff
                            + ": the reporters answer about the state at the cut-off, after it");
        }
        List<RoundItem> listed = command.items() == null ? List.of() : List.copyOf(command.items());
        if (listed.isEmpty()) {
            throw new RuleViolationException(RoundRule.ROUND_MUST_COVER_SOMETHING,
                    "A round needs at least one activity or goal to report on");
        }
        if (listed.stream().map(RoundItem::subject).distinct().count() < listed.size()) {
            throw new RuleViolationException(RoundRule.SUBJECT_LISTED_ONCE_PER_ROUND,
                    "Each activity and goal is listed once per round, with one reporter");
        }
        apply(new FollowUpRoundOpenedEvent(id, planId, name, kind, cutOff, deadline, listed, occurredOn));
    }

    @CommandHandler
    public void handle(SubmitAssessmentCommand command, Clock clock) {
        RoundSubject subject = required(command.subject(), "subject");
        Item item = openItem(subject);
        String reporter = Values.text(command.reporter(), "reporter", RoundItem.REPORTER_MAX);
        if (!sameParty(reporter, item.reporter())) {
            throw new RuleViolationException(RoundRule.ONLY_THE_ITEMS_REPORTER_ASSESSES,
                    subject + " is reported by " + item.reporter() + ", not by " + reporter);
        }
        if (item.state() == ItemState.APPROVED) {
            throw new RuleViolationException(RoundRule.ASSESSMENT_IS_ALREADY_APPROVED,
                    "The assessment of " + subject + " is approved; it can no longer be changed");
        }
        if (item.state() == ItemState.SUBMITTED) {
            throw new RuleViolationException(RoundRule.ASSESSMENT_AWAITS_REVIEW,
                    "The assessment of " + subject + " awaits review; it is returned before it is submitted again");
        }
        AssessmentStatus status = required(command.status(), "status");
        String comment = Values.optionalText(command.comment(), "comment", COMMENT_MAX);
        BigDecimal figure = command.figure();
        String source = Values.optionalText(command.figureSource(), "figureSource", SOURCE_MAX);
        if (figure != null && source == null) {
            throw new RuleViolationException(RoundRule.FIGURE_NEEDS_ITS_SOURCE,
                    "A figure reported by hand needs its source (where it was counted)");
        }
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new AssessmentSubmittedEvent(roundId, subject, item.reporter(), status, comment, figure,
                figure == null ? null : source, occurredOn));
    }

    @CommandHandler
    public void handle(ReturnAssessmentCommand command, Clock clock) {
        RoundSubject subject = required(command.subject(), "subject");
        Item item = submitted(subject);
        String comment = Values.text(command.comment(), "comment", COMMENT_MAX);
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new AssessmentReturnedEvent(roundId, subject, comment, occurredOn));
    }

    @CommandHandler
    public void handle(ApproveAssessmentCommand command, Clock clock) {
        RoundSubject subject = required(command.subject(), "subject");
        submitted(subject);
        String comment = Values.optionalText(command.comment(), "comment", COMMENT_MAX);
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new AssessmentApprovedEvent(roundId, subject, comment, occurredOn));
    }

    @CommandHandler
    public void handle(MarkAssessmentUnansweredCommand command, Clock clock) {
        RoundSubject subject = required(command.subject(), "subject");
        Item item = openItem(subject);
        if (item.state() == ItemState.APPROVED) {
            throw new RuleViolationException(RoundRule.ASSESSMENT_IS_ALREADY_APPROVED,
                    "The assessment of " + subject + " is approved; it cannot be marked unanswered");
        }
        String reason = Values.text(command.reason(), "reason", COMMENT_MAX);
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new AssessmentMarkedUnansweredEvent(roundId, subject, reason, occurredOn));
    }

    @CommandHandler
    public void handle(CloseFollowUpRoundCommand command, Clock clock) {
        requireOpen();
        List<String> unsettled = items.entrySet().stream().filter(entry -> !entry.getValue().state().settled())
                .map(entry -> entry.getKey() + " (" + entry.getValue().state() + ")").toList();
        if (!unsettled.isEmpty()) {
            throw new RuleViolationException(RoundRule.ROUND_CANNOT_CLOSE_WITH_UNSETTLED_ITEMS,
                    "Every item is approved or marked unanswered before the round closes; not yet: "
                            + String.join(", ", unsettled));
        }
        String report = required(command.presentedReport(), "presentedReport");
        if (report.isBlank() || report.length() > REPORT_MAX) {
            throw new IllegalArgumentException("presentedReport must be the report's text, at most " + REPORT_MAX
                    + " characters");
        }
        String checksum = sha256(report);
        if (!checksum.equalsIgnoreCase(required(command.presentedReportSha256(), "presentedReportSha256"))) {
            throw new RuleViolationException(RoundRule.PRESENTED_REPORT_CHECKSUM_MUST_MATCH,
                    "The presented report's SHA-256 is " + checksum + ", not " + command.presentedReportSha256());
        }
        if (command.reportPosition() < 0) {
            throw new IllegalArgumentException("reportPosition must be an event-log position (0 or more)");
        }
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        apply(new FollowUpRoundClosedEvent(roundId, report, checksum, command.reportPosition(), occurredOn));
    }

    /** The SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    private Item openItem(RoundSubject subject) {
        requireOpen();
        Item item = items.get(subject);
        if (item == null) {
            throw new RuleViolationException(RoundRule.SUBJECT_MUST_BE_IN_THE_ROUND,
                    subject + " is not in round " + roundId);
        }
        return item;
    }

    private Item submitted(RoundSubject subject) {
        Item item = openItem(subject);
        if (item.state() == ItemState.APPROVED) {
            throw new RuleViolationException(RoundRule.ASSESSMENT_IS_ALREADY_APPROVED,
                    "The assessment of " + subject + " is already approved");
        }
        if (item.state() != ItemState.SUBMITTED) {
            throw new RuleViolationException(RoundRule.ASSESSMENT_MUST_BE_SUBMITTED_FIRST,
                    "Nothing submitted for " + subject + " awaits review (it is " + item.state() + ")");
        }
        return item;
    }

    private void requireOpen() {
        if (closed) {
            throw new RuleViolationException(RoundRule.ROUND_IS_CLOSED,
                    "Round " + roundId + " is closed: its report stands as presented; record a later correction "
                            + "where the fact belongs, and it shows in the comparison with the report as known now");
        }
    }

    private static boolean sameParty(String a, String b) {
        return a.strip().equalsIgnoreCase(b.strip());
    }

    private static LocalDate recordable(LocalDate occurredOn, Clock clock) {
        return CommandChecks.recordable(occurredOn, "occurredOn", clock, RoundRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
    }

    // ---------------------------------------------------------------------------------------------- state

    @EventHandler
    void on(FollowUpRoundOpenedEvent event) {
        roundId = event.roundId();
        opened = true;
        event.items().forEach(item -> items.put(item.subject(), new Item(item.reporter(),
                ItemState.AWAITING_SUBMISSION)));
    }

    @EventHandler
    void on(AssessmentSubmittedEvent event) {
        items.computeIfPresent(event.subject(), (subject, item) -> new Item(item.reporter(), ItemState.SUBMITTED));
    }

    @EventHandler
    void on(AssessmentReturnedEvent event) {
        items.computeIfPresent(event.subject(), (subject, item) -> new Item(item.reporter(), ItemState.RETURNED));
    }

    @EventHandler
    void on(AssessmentApprovedEvent event) {
        items.computeIfPresent(event.subject(), (subject, item) -> new Item(item.reporter(), ItemState.APPROVED));
    }

    @EventHandler
    void on(AssessmentMarkedUnansweredEvent event) {
        items.computeIfPresent(event.subject(), (subject, item) -> new Item(item.reporter(), ItemState.UNANSWERED));
    }

    @EventHandler
    void on(FollowUpRoundClosedEvent event) {
        closed = true;
    }
}
