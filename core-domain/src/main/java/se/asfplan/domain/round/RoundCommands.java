package se.asfplan.domain.round;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.asfplan.domain.plan.PlanId;

/** What the coordination function and the reporters ask of a follow-up round. */
public final class RoundCommands {

    private RoundCommands() {
    }

    /**
     * Open a round for a plan: its name, kind, the cut-off date its figures are taken at, the deadline for the
     * reporters, and the activities and goals in scope with the party reporting each.
     */
    public record OpenFollowUpRoundCommand(@TargetAggregateIdentifier RoundId roundId, PlanId planId, String name,
                                           RoundKind kind, LocalDate cutOffDate, LocalDate deadline,
                                           List<RoundItem> items, LocalDate occurredOn) {
    }

    /**
     * A reporter's assessment of one item: the status on the scale, a comment, and for a goal followed up by hand an
     * optional figure with its source. A returned item is submitted again the same way.
     */
    public record SubmitAssessmentCommand(@TargetAggregateIdentifier RoundId roundId, RoundSubject subject,
                                          String reporter, AssessmentStatus status, String comment,
                                          BigDecimal figure, String figureSource, LocalDate occurredOn) {
    }

    /** The coordination function returns a submitted assessment to its reporter, saying what to change. */
    public record ReturnAssessmentCommand(@TargetAggregateIdentifier RoundId roundId, RoundSubject subject,
                                          String comment, LocalDate occurredOn) {
    }

    /** The coordination function approves a submitted assessment, optionally with a comment. */
    public record ApproveAssessmentCommand(@TargetAggregateIdentifier RoundId roundId, RoundSubject subject,
                                           String comment, LocalDate occurredOn) {
    }

    /** The coordination function marks an item unanswered (nothing submitted, or not acceptable), with the reason. */
    public record MarkAssessmentUnansweredCommand(@TargetAggregateIdentifier RoundId roundId, RoundSubject subject,
                                                  String reason, LocalDate occurredOn) {
    }

    /**
     * Close the round, fixing the report presented to the committee: its rendered JSON exactly as presented, that
     * text's SHA-256 (hex), and the event-log position the report reflects.
     */
    public record CloseFollowUpRoundCommand(@TargetAggregateIdentifier RoundId roundId, String presentedReport,
                                            String presentedReportSha256, long reportPosition, LocalDate occurredOn) {
    }
}
