package se.asfplan.projections.goalreport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.Target;

/**
 * The question the goal report read model answers, and the rows it answers with. Only facts recorded at or before
 * {@code asOf} count ({@code null}: everything recorded so far), which reproduces what the report showed then.
 */
public final class GoalReportQueries {

    private GoalReportQueries() {
    }

    /**
     * The yearly goal report of plan {@code planId} for {@code year}; {@code today} (the business date in
     * Europe/Stockholm) decides whether the year is still in progress. {@code generation} is the generation of the
     * read model to read: the active one or the one a rebuild fills (see {@code ProjectionGenerations};
     * {@code null}: the active one).
     */
    public record FindYearlyGoalReportQuery(String planId, int year, Instant asOf, LocalDate today,
                                            Integer generation) {

        /** The question asked of the active generation. */
        public FindYearlyGoalReportQuery(String planId, int year, Instant asOf, LocalDate today) {
            this(planId, year, asOf, today, null);
        }

        public FindYearlyGoalReportQuery {
            if (planId == null || today == null) {
                throw new IllegalArgumentException("planId and today must be given");
            }
            if (year < 1990 || year > 2100) {
                throw new IllegalArgumentException("year must lie from 1990 to 2100, but was " + year);
            }
        }

        /** The same question of the given generation: the one the asker resolved (see {@code ProjectionGenerations}). */
        public FindYearlyGoalReportQuery reading(int generation) {
            return new FindYearlyGoalReportQuery(planId, year, asOf, today, generation);
        }
    }

    /**
     * The scope the yearly goal report of plan {@code planId} counts, as recorded at {@code asOf}, read from
     * {@code generation} (null: the active one).
     */
    public record FindCountedScopeQuery(String planId, Instant asOf, Integer generation) {
    }

    /** Met or not met; in progress while the year is not over and the outcome cannot yet be final. */
    public enum GoalStatus { MET, NOT_MET, IN_PROGRESS }

    /** One version of a goal's target, in the order it was recorded; the first is the target the goal was set with. */
    public record TargetVersion(Target target, LocalDate decidedOn, Instant recordedAt, long event, String reason) {
    }

    /**
     * One goal of the report.
     *
     * @param target          the target in force for the year as of {@code asOf}: the latest version recorded by then
     * @param targetHistory   every version recorded by {@code asOf}, oldest first
     * @param outcome         the outcome; null when there is none (nothing reported by hand, or no known ASF to cover)
     * @param previousOutcome for a change goal, the same measure's count for the previous year; otherwise null
     * @param source          for an outcome reported by hand, its source; otherwise null
     * @param events          the positions (global indexes) of exactly the events that make up the outcome, and of
     *                        every retraction that changed it (see {@code GoalReportFold}), ascending
     * @param eventIds        the identifiers of those events, in the same order
     */
    public record GoalReportRow(String goalId, int year, GoalKind kind, Measure measure, String indicator,
                                String activityId, Target target, List<TargetVersion> targetHistory,
                                BigDecimal outcome, BigDecimal previousOutcome, String source, GoalStatus status,
                                List<Long> events, List<String> eventIds) {
    }
}
