package se.asfplan.web.round;

import java.time.LocalDate;
import java.util.List;

import se.asfplan.projections.round.RoundQueries.RoundItemView;
import se.asfplan.projections.round.RoundQueries.RoundView;

/**
 * A round as it stands on {@code today} (the business date): every item, and while the round is open who has not
 * reported (nothing submitted, or returned), which of those are overdue (the deadline has passed), what awaits
 * review, and the reminders due.
 *
 * @param pastDeadline whether the deadline has passed while the round is open
 */
public record RoundStatus(RoundView round, LocalDate today, boolean pastDeadline, List<RoundItemView> notReported,
                          List<RoundItemView> overdue, List<RoundItemView> awaitingReview, List<Reminder> reminders) {
}
