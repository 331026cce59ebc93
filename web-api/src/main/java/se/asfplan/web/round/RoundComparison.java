package se.asfplan.web.round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A presented report beside the same report as known now: the presented one's checksum and position, the position
 * the recomputation reflects, and goal by goal the figures then and now, what differs ({@code outcome},
 * {@code status}, {@code target}, {@code source}, {@code events}, or the goal was {@code added} or {@code removed})
 * and the events that caused it. The assessments are not compared: nothing changes in a closed round.
 *
 * @param changed whether any goal differs
 */
public record RoundComparison(String roundId, String planId, String presentedSha256, long presentedPosition,
                              Instant presentedAsOf, Instant knownNowAt, Long knownNowPosition, boolean changed,
                              List<GoalComparison> goals) {

    /** One goal then and now; {@code presented} or {@code now} is null for a goal added or removed since. */
    public record GoalComparison(String goalId, String indicator, RoundReport.GoalOutcome presented,
                                 RoundReport.GoalOutcome now, List<String> differences, List<Cause> causes) {
    }

    /**
     * An event recorded after the report was presented that changed a figure: its position and id, type, business
     * date, when and by whom it was recorded, the event it retracts (for a retraction) and its reason or source.
     */
    public record Cause(long position, String eventId, String type, LocalDate occurredOn, Instant recordedAt,
                        String recordedBy, String retracts, String reason) {
    }
}
