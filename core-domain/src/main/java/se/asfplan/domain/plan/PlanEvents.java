package se.asfplan.domain.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.shared.FactName;

/**
 * What happened to a plan. These records are the persisted contract of the event store: never rename, move or
 * reshape one without a revision and an upcaster. New optional fields may be added (old events read them as null).
 */
public final class PlanEvents {

    private PlanEvents() {
    }

    /**
     * A plan adopted; {@code sections} (the plan's own texts, in order) was added later: events stored before it read
     * it as null, a plan without sections.
     */
    public record PlanAdoptedEvent(PlanId planId, String title, String municipality, Decision adoption,
                                   PlanPeriod period, LocalDate occurredOn, List<PlanSection> sections)
            implements PlanEvent {

        public PlanAdoptedEvent {
            sections = sections == null ? null : List.copyOf(sections);
        }

        public PlanAdoptedEvent(PlanId planId, String title, String municipality, Decision adoption,
                                PlanPeriod period, LocalDate occurredOn) {
            this(planId, title, municipality, adoption, period, occurredOn, null);
        }
    }

    public record PlanRevisedEvent(PlanId planId, String title, PlanPeriod period, Decision decision, String reason,
                                   LocalDate occurredOn) implements PlanEvent {
    }

    /** An area added; {@code number} (the plan's own numbering, "Område 3") was added later and may be null. */
    public record AreaAddedEvent(PlanId planId, AreaId areaId, String name, String description,
                                 LocalDate occurredOn, Integer number) implements PlanEvent {

        public AreaAddedEvent(PlanId planId, AreaId areaId, String name, String description, LocalDate occurredOn) {
            this(planId, areaId, name, description, occurredOn, null);
        }
    }

    public record ActivityAddedEvent(PlanId planId, ActivityId activityId, AreaId areaId, ActivityKind kind,
                                     String title, String description, Responsibility responsibility,
                                     Timeline timeline, LocalDate occurredOn) implements PlanEvent {
    }

    /**
     * An activity started on {@code occurredOn}. {@code underWayAtAdoption} was added later and is null for an
     * activity started under the plan; it is given for an activity the plan found already under way when it was
     * adopted: then {@code occurredOn} is the day it started ({@code since}), or the adoption day when it is only
     * known to have started before the plan ({@code sinceBeforePlan}).
     */
    @FactName("ActivityStartedEvent")
    public record ActivityStartedEvent(PlanId planId, ActivityId activityId, LocalDate occurredOn,
                                       UnderWay underWayAtAdoption) implements PlanEvent {

        public ActivityStartedEvent(PlanId planId, ActivityId activityId, LocalDate occurredOn) {
            this(planId, activityId, occurredOn, null);
        }
    }

    @FactName("ActivityProgressReportedEvent")
    public record ActivityProgressReportedEvent(PlanId planId, ActivityId activityId, String note,
                                                LocalDate occurredOn) implements PlanEvent {
    }

    public record ActivityRescheduledEvent(PlanId planId, ActivityId activityId, Timeline timeline, String reason,
                                           LocalDate occurredOn) implements PlanEvent {
    }

    public record ActivityResponsibilityChangedEvent(PlanId planId, ActivityId activityId,
                                                     Responsibility responsibility, String reason,
                                                     LocalDate occurredOn) implements PlanEvent {
    }

    @FactName("ActivityCompletedEvent")
    public record ActivityCompletedEvent(PlanId planId, ActivityId activityId, String note, LocalDate occurredOn)
            implements PlanEvent {
    }

    @FactName("ActivityCancelledEvent")
    public record ActivityCancelledEvent(PlanId planId, ActivityId activityId, String reason, LocalDate occurredOn)
            implements PlanEvent {
    }

    /**
     * A goal set for a year; {@code measure} was added later: events stored before it read it as null (manual).
     * {@code recurringGoalId} names the recurring goal this year's goal was set by ({@link RecurringGoalSetEvent});
     * null for a goal set for its year alone, and in every event stored before recurring goals existed.
     */
    public record GoalSetEvent(PlanId planId, GoalId goalId, int year, GoalKind kind, String indicator,
                               Target target, ActivityId activityId, Decision decision, LocalDate occurredOn,
                               Measure measure, GoalId recurringGoalId) implements PlanEvent {

        /** A goal set for its year alone. */
        public GoalSetEvent(PlanId planId, GoalId goalId, int year, GoalKind kind, String indicator, Target target,
                            ActivityId activityId, Decision decision, LocalDate occurredOn, Measure measure) {
            this(planId, goalId, year, kind, indicator, target, activityId, decision, occurredOn, measure, null);
        }
    }

    /**
     * A recurring goal: one target rule (a number, a share, a change against the previous year, ...) set for each year
     * from {@code fromYear} to {@code toYear}, such as "every year, more reserved contracts than the year before".
     * It is followed in the same command by one {@link GoalSetEvent} per year, whose goal id is
     * {@code <goalId>-<year>} and whose {@code recurringGoalId} is this goal's id; each year's goal is then revised,
     * withdrawn and reported on by itself, and the yearly goal report reads them as any other goal. When
     * {@code untilThePlanEnds}, the goal was set up to the plan's last year, and a revision that lengthens the plan
     * period sets it for the added years too.
     */
    public record RecurringGoalSetEvent(PlanId planId, GoalId goalId, GoalKind kind, String indicator, Target target,
                                        ActivityId activityId, Decision decision, Measure measure, int fromYear,
                                        int toYear, boolean untilThePlanEnds, LocalDate occurredOn)
            implements PlanEvent {
    }

    public record GoalRevisedEvent(PlanId planId, GoalId goalId, Target target, String reason, Decision decision,
                                   LocalDate occurredOn) implements PlanEvent {
    }

    public record GoalWithdrawnEvent(PlanId planId, GoalId goalId, String reason, Decision decision,
                                     LocalDate occurredOn) implements PlanEvent {
    }

    /** A goal's outcome for its year, reported by hand with its source; a later report supersedes this one. */
    @FactName("GoalOutcomeReportedEvent")
    public record GoalOutcomeReportedEvent(PlanId planId, GoalId goalId, int year, BigDecimal value, String source,
                                           LocalDate occurredOn) implements PlanEvent {
    }

    /**
     * A fact of the plan recorded in error is retracted: the event {@code retractedEventId}, a {@code retractedFact}
     * (what it was, e.g. {@code ActivityCompletedEvent}) about the activity {@code activityId} or the goal
     * {@code goalId} (the other is null), no longer counts from the moment this event is recorded; a retracted step
     * of an activity restores its status before it. {@code occurredOn} is the day of the retraction.
     * {@code retractedFact} is the stored name of a {@link se.asfplan.domain.shared.FactName}: it never changes,
     * even when the retracted event's class is renamed.
     */
    public record PlanFactRetractedEvent(PlanId planId, String retractedEventId, String retractedFact,
                                         ActivityId activityId, GoalId goalId, String reason, LocalDate occurredOn)
            implements PlanEvent {
    }

    /**
     * A decision in the plan's chain besides its adoption: a nämnd's proposal before it, an approval by another body
     * or an amendment after it, with what it decided ({@code summary}, optional). {@code occurredOn} is the day of
     * the decision.
     */
    public record PlanDecisionRecordedEvent(PlanId planId, DecisionId decisionId, DecisionKind kind,
                                            Decision decision, String summary, LocalDate occurredOn)
            implements PlanEvent {
    }

    /**
     * A decision of the chain (the adoption, {@link DecisionId#ADOPTION}, or a recorded one) was recorded wrongly:
     * this is how it reads, {@code decision} made on {@code decidedOn}, and why. The wrong record stays in the
     * history; {@code occurredOn} is the day of the correction.
     */
    public record PlanDecisionCorrectedEvent(PlanId planId, DecisionId decisionId, Decision decision,
                                             LocalDate decidedOn, String reason, LocalDate occurredOn)
            implements PlanEvent {
    }

    /**
     * What the plan covers, and so what its goal measures count, from now on ({@link PlanScope}); recorded with the
     * adoption when the plan file says it, or later with the {@code reason}. A plan without this event covers the
     * municipality it was adopted for.
     */
    public record PlanScopeSetEvent(PlanId planId, PlanScope scope, String reason, LocalDate occurredOn)
            implements PlanEvent {
    }

    /** Every plan event type, for tools that must know them all (serialisation checks, projections). */
    public static final List<Class<? extends PlanEvent>> ALL = List.of(PlanAdoptedEvent.class,
            PlanRevisedEvent.class, AreaAddedEvent.class, ActivityAddedEvent.class, ActivityStartedEvent.class,
            ActivityProgressReportedEvent.class, ActivityRescheduledEvent.class,
            ActivityResponsibilityChangedEvent.class, ActivityCompletedEvent.class, ActivityCancelledEvent.class,
            GoalSetEvent.class, RecurringGoalSetEvent.class, GoalRevisedEvent.class, GoalWithdrawnEvent.class,
            GoalOutcomeReportedEvent.class, PlanFactRetractedEvent.class, PlanDecisionRecordedEvent.class,
            PlanDecisionCorrectedEvent.class, PlanScopeSetEvent.class);
}
