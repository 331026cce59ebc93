package se.asfplan.web.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.round.AssessmentStatus;
import se.asfplan.domain.round.ItemState;
import se.asfplan.domain.round.RoundKind;

/**
 * The report of a follow-up round as presented at its close (format {@value #FORMAT}): what the round was, the goal
 * outcomes of the cut-off date's year as recorded at the closing moment ({@code recordedAsOf}) and the event position
 * the goal report had folded then ({@code position}), and every item's assessment as settled. Its JSON text, once
 * rendered at the close, is the presented report and never rendered again: it is stored as rendered with its
 * SHA-256.
 *
 * @param businessDate the business date of the closing (Europe/Stockholm), which decides whether the year was over
 *                     for the goals' status
 * @param closedBy      the user who closed the round
 * @param logCheckpoint the signed checkpoint of the event log's hash chain made at the closing, at or after
 *                      {@code position}: it ties the report to the log as it stood, so an auditor can show later that
 *                      no event the report reflects has been changed since (null only when the log was empty)
 */
public record RoundReport(String format, String roundId, String planId, String planTitle, String name,
                          RoundKind kind, LocalDate cutOffDate, LocalDate deadline, int year, Instant recordedAsOf,
                          LocalDate businessDate, String closedBy, Long position, LogCheckpoint logCheckpoint,
                          List<GoalOutcome> goals, List<Assessment> assessments) {

    public static final String FORMAT = "asf-follow-up-round-report/1";

    /**
     * A signed checkpoint of the log's hash chain (see docs/auditing.md): the chain's head link at {@code position},
     * when it was made, the id of the signing key and the Ed25519 signature, exactly as {@code /api/log/checkpoints}
     * lists it.
     */
    public record LogCheckpoint(long position, String head, String createdAt, String keyId, String signature) {
    }

    /**
     * One goal of the year as the yearly goal report reads it: its target in force (and the positions of the events
     * that set and revised it), its outcome, status and the positions and ids of the events behind the outcome.
     */
    public record GoalOutcome(String goalId, String indicator, String kind, String measure, String activityId,
                              String comparator, BigDecimal target, String unit, List<Long> targetEvents,
                              BigDecimal outcome, BigDecimal previousOutcome, String source, String status,
                              List<Long> events, List<String> eventIds) {
    }

    /**
     * One item of the round as settled: the subject ({@code activity:<id>} or {@code goal:<id>}) with its title,
     * the reporting party, the final state, the latest assessment with the user who recorded it and when, how many
     * times it was submitted, and the review (approval comment or the reason it was marked unanswered) with who and
     * when.
     */
    public record Assessment(String subject, String title, String reporter, ItemState state,
                             AssessmentStatus status, String comment, BigDecimal figure, String figureSource,
                             LocalDate submittedOn, String submittedBy, Instant submittedAt, int submissions,
                             String reviewComment, LocalDate reviewedOn, String reviewedBy, Instant reviewedAt) {
    }
}
