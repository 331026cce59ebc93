package se.asfplan.projections.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.round.AssessmentStatus;
import se.asfplan.domain.round.ItemState;
import se.asfplan.domain.round.RoundKind;
import se.asfplan.domain.round.RoundSubject;

/** The questions the follow-up rounds read model answers, and the views it answers them with. */
public final class RoundQueries {

    private RoundQueries() {
    }

    /** Every round of a plan, newest cut-off first. */
    public record FindRoundsQuery(String planId) {
    }

    /** One round with its items; empty when no such round is recorded. */
    public record FindRoundQuery(String roundId) {
    }

    /** The presented report of a closed round; empty while the round is open or unknown. */
    public record FindPresentedReportQuery(String roundId) {
    }

    /**
     * A round as it stands: open until {@code closedOn} is set; then {@code reportSha256} and {@code reportPosition}
     * name the presented report.
     */
    public record RoundView(String roundId, String planId, String name, RoundKind kind, LocalDate cutOffDate,
                            LocalDate deadline, LocalDate openedOn, String openedBy, Instant openedAt,
                            LocalDate closedOn, String closedBy, Instant closedAt, String reportSha256,
                            Long reportPosition, long version, List<RoundItemView> items) {

        public boolean closed() {
            return closedOn != null;
        }
    }

    /**
     * One item of a round: its subject and reporter, where it stands, the latest assessment submitted (status,
     * comment, figure and source, when and by which user it was recorded, how many times it was submitted) and the
     * latest review (a return's or approval's comment, or the reason it was marked unanswered, with who and when).
     */
    public record RoundItemView(RoundSubject subject, String reporter, ItemState state, AssessmentStatus status,
                                String comment, BigDecimal figure, String figureSource, LocalDate submittedOn,
                                String submittedBy, Instant submittedAt, int submissions, String reviewComment,
                                LocalDate reviewedOn, String reviewedBy, Instant reviewedAt) {
    }

    /**
     * The report of a closed round exactly as presented: its JSON text, the SHA-256 of that text's UTF-8 bytes, the
     * event position it reflects, the closing moment and the id of the closing event.
     */
    public record PresentedReport(String roundId, String json, String sha256, long position, Instant closedAt,
                                  String closingEventId) {
    }
}
