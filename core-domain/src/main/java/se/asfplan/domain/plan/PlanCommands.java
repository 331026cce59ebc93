package se.asfplan.domain.plan;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands the coordination function gives about a plan. Every command that records something that
 * happened carries {@code occurredOn}, the business date; it may not lie in the future.
 */
public final class PlanCommands {

    private PlanCommands() {
    }

    /**
     * Adopt a plan, optionally with its whole structure at once (a plan file import). All of it is recorded,
     * or none of it.
     */
    public record AdoptPlanCommand(@TargetAggregateIdentifier PlanId planId, String title, String municipality,
                                   Decision adoption, LocalDate adoptedOn, PlanPeriod period,
                                   List<AreaDraft> areas, List<GoalDraft> goals, List<PlanSection> sections,
                                   List<DecisionDraft> decisions, List<RecurringGoalDraft> recurringGoals,
                                   PlanScope scope) {
        public AdoptPlanCommand {
            areas = areas == null ? List.of() : List.copyOf(areas);
            goals = goals == null ? List.of() : List.copyOf(goals);
            sections = sections == null ? List.of() : List.copyOf(sections);
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
            recurringGoals = recurringGoals == null ? List.of() : List.copyOf(recurringGoals);
        }

        /** A plan adopted with its areas and yearly goals only: no sections, other decisions or recurring goals. */
        public AdoptPlanCommand(PlanId planId, String title, String municipality, Decision adoption,
                                LocalDate adoptedOn, PlanPeriod period, List<AreaDraft> areas, List<GoalDraft> goals) {
            this(planId, title, municipality, adoption, adoptedOn, period, areas, goals, List.of(), List.of(),
                    List.of(), null);
        }
    }

    /** An area with its activities, as adopted with the plan; {@code number} is the plan's own, or null. */
    public record AreaDraft(AreaId areaId, String name, String description, List<ActivityDraft> activities,
                            Integer number) {
        public AreaDraft {
            activities = activities == null ? List.of() : List.copyOf(activities);
        }

        public AreaDraft(AreaId areaId, String name, String description, List<ActivityDraft> activities) {
            this(areaId, name, description, activities, null);
        }
    }

    /** An activity as adopted with the plan; {@code underWay} when it was already under way then, else null. */
    public record ActivityDraft(ActivityId activityId, ActivityKind kind, String title, String description,
                                Responsibility responsibility, Timeline timeline, UnderWay underWay) {

        public ActivityDraft(ActivityId activityId, ActivityKind kind, String title, String description,
                             Responsibility responsibility, Timeline timeline) {
            this(activityId, kind, title, description, responsibility, timeline, null);
        }
    }

    /** A decision of the plan's chain besides the adoption, recorded with the plan. */
    public record DecisionDraft(DecisionId decisionId, DecisionKind kind, Decision decision, LocalDate decidedOn,
                                String summary) {
    }

    /** Record a decision of the plan's chain: a proposal before the adoption, an approval or amendment after it. */
    public record RecordPlanDecisionCommand(@TargetAggregateIdentifier PlanId planId, DecisionId decisionId,
                                            DecisionKind kind, Decision decision, LocalDate decidedOn,
                                            String summary) {
    }

    /**
     * Correct a decision of the chain that was recorded wrongly (the adoption is {@link DecisionId#ADOPTION}): how it
     * reads, with the reason; {@code occurredOn} is the day of the correction.
     */
    public record CorrectPlanDecisionCommand(@TargetAggregateIdentifier PlanId planId, DecisionId decisionId,
                                             Decision decision, LocalDate decidedOn, String reason,
                                             LocalDate occurredOn) {
    }

    /** A goal as adopted with the plan; {@code measure} is null for goals reported by hand. */
    public record GoalDraft(GoalId goalId, int year, GoalKind kind, String indicator, Target target,
                            ActivityId activityId, Decision decision, Measure measure) {
    }

    /**
     * A recurring goal as adopted with the plan: one target rule for each of its {@code years} (null: each year of
     * the plan), set as one goal per year named {@code <goalId>-<year>}.
     */
    public record RecurringGoalDraft(GoalId goalId, GoalYears years, GoalKind kind, String indicator, Target target,
                                     ActivityId activityId, Decision decision, Measure measure) {
    }

    /** Revise the plan's title or period by a new decision; the earlier values stay in the history. */
    public record RevisePlanCommand(@TargetAggregateIdentifier PlanId planId, String title, PlanPeriod period,
                                    Decision decision, String reason, LocalDate occurredOn) {
    }

    /** Add an area; {@code number} is the plan's own numbering of it ("Område 3"), or null. */
    public record AddAreaCommand(@TargetAggregateIdentifier PlanId planId, AreaId areaId, String name,
                                 String description, LocalDate occurredOn, Integer number) {

        public AddAreaCommand(PlanId planId, AreaId areaId, String name, String description, LocalDate occurredOn) {
            this(planId, areaId, name, description, occurredOn, null);
        }
    }

    public record AddActivityCommand(@TargetAggregateIdentifier PlanId planId, ActivityId activityId, AreaId areaId,
                                     ActivityKind kind, String title, String description,
                                     Responsibility responsibility, Timeline timeline, LocalDate occurredOn) {
    }

    public record StartActivityCommand(@TargetAggregateIdentifier PlanId planId, ActivityId activityId,
                                       LocalDate occurredOn) {
    }

    public record ReportActivityProgressCommand(@TargetAggregateIdentifier PlanId planId, ActivityId activityId,
                                                String note, LocalDate occurredOn) {
    }

    public record RescheduleActivityCommand(@TargetAggregateIdentifier PlanId planId, ActivityId activityId,
                                            Timeline timeline, String reason, LocalDate occurredOn) {
    }

    public record ChangeActivityResponsibilityCommand(@TargetAggregateIdentifier PlanId planId,
                                                      ActivityId activityId, Responsibility responsibility,
                                                      String reason, LocalDate occurredOn) {
    }

    public record CompleteActivityCommand(@TargetAggregateIdentifier PlanId planId, ActivityId activityId,
                                          String note, LocalDate occurredOn) {
    }

    public record CancelActivityCommand(@TargetAggregateIdentifier PlanId planId, ActivityId activityId,
                                        String reason, LocalDate occurredOn) {
    }

    /** Set a goal for a year; {@code measure} names the events that make up its outcome (null: reported by hand). */
    public record SetGoalCommand(@TargetAggregateIdentifier PlanId planId, GoalId goalId, int year, GoalKind kind,
                                 String indicator, Target target, ActivityId activityId, Decision decision,
                                 LocalDate occurredOn, Measure measure) {
    }

    /**
     * Set a recurring goal: one target rule for each of {@code years} (null: each year of the plan), recorded as one
     * goal per year named {@code <goalId>-<year>}, each revisable and withdrawable by itself.
     */
    public record SetRecurringGoalCommand(@TargetAggregateIdentifier PlanId planId, GoalId goalId, GoalYears years,
                                          GoalKind kind, String indicator, Target target, ActivityId activityId,
                                          Decision decision, Measure measure, LocalDate occurredOn) {
    }

    /** Set what the plan covers from now on, with the reason: its municipalities and parties of the register. */
    public record SetPlanScopeCommand(@TargetAggregateIdentifier PlanId planId, PlanScope scope, String reason,
                                      LocalDate occurredOn) {
    }

    public record ReviseGoalCommand(@TargetAggregateIdentifier PlanId planId, GoalId goalId, Target target,
                                    String reason, Decision decision, LocalDate occurredOn) {
    }

    public record WithdrawGoalCommand(@TargetAggregateIdentifier PlanId planId, GoalId goalId, String reason,
                                      Decision decision, LocalDate occurredOn) {
    }

    /**
     * Report a goal's outcome by hand, with its source (e.g. a survey or a register extract), for the goal's year. A
     * later report for the same goal supersedes the earlier one; both stay in the history.
     */
    public record ReportGoalOutcomeCommand(@TargetAggregateIdentifier PlanId planId, GoalId goalId,
                                           java.math.BigDecimal value, String source, LocalDate occurredOn) {
    }

    /**
     * Retract a fact of the plan recorded in error, named by its event identifier, with the reason; {@code occurredOn}
     * is the day of the retraction. Progress notes and outcome reports can be retracted any time; an activity's
     * start, completion or cancellation only while it is the activity's latest step.
     */
    public record RetractPlanFactCommand(@TargetAggregateIdentifier PlanId planId, String eventId, String reason,
                                         LocalDate occurredOn) {
    }
}
