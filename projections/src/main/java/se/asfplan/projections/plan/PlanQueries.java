package se.asfplan.projections.plan;

import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.DecisionId;
import se.asfplan.domain.plan.DecisionKind;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.PlanScope;
import se.asfplan.domain.plan.PlanSection;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.domain.plan.UnderWay;

/** The questions the plan catalogue answers, and the views it answers them with. */
public final class PlanQueries {

    private PlanQueries() {
    }

    /** All plans, newest adoption first. */
    public record FindPlansQuery() {
    }

    /** Whether the plan is recorded (one indexed look-up, for a report that needs to know no more than that). */
    public record PlanRecordedQuery(PlanId planId) {
    }

    /** One plan with its areas, activities and goals; empty when no such plan is recorded. */
    public record FindPlanQuery(PlanId planId) {
    }

    public record PlanSummary(PlanId planId, String title, String municipality, PlanPeriod period,
                              LocalDate adoptedOn, int areaCount, int activityCount, int goalCount) {
    }

    /**
     * A plan as it reads now: {@code adoption} and {@code adoptedOn} as corrected, if they were; {@code sections}
     * its own texts in order; {@code decisions} its chain of decisions by date, the adoption included; {@code scope}
     * what it covers and its goal measures count (the municipality it was adopted for until a scope is recorded).
     */
    public record PlanView(PlanId planId, String title, String municipality, Decision adoption, LocalDate adoptedOn,
                           PlanPeriod period, LocalDate lastRevisedOn, long version, List<PlanSection> sections,
                           List<DecisionView> decisions, List<AreaView> areas, List<GoalView> goals,
                           List<RecurringGoalView> recurringGoals, PlanScope scope) {

        public List<ActivityView> activities() {
            return areas.stream().flatMap(area -> area.activities().stream()).toList();
        }
    }

    /** An area; {@code number} is the plan's own numbering ("Område 3"), null when the plan has none. */
    public record AreaView(AreaId areaId, Integer number, String name, String description,
                           List<ActivityView> activities) {
    }

    /**
     * An activity; {@code underWayAtAdoption} is given when the plan found it under way (then {@code startedOn} is
     * the day it started, or the adoption day when it started at an unknown time before the plan).
     * {@code parties} are its responsible parties as the plan names them (the leads, then the involved), each with the
     * registered party the name names, as the register of parties reads at the time of the question.
     */
    public record ActivityView(ActivityId activityId, AreaId areaId, ActivityKind kind, String title,
                               String description, Responsibility responsibility, Timeline timeline,
                               ActivityStatus status, LocalDate addedOn, LocalDate startedOn, LocalDate closedOn,
                               String closingNote, String latestNote, LocalDate latestNoteOn,
                               UnderWay underWayAtAdoption, List<ResponsiblePartyView> parties) {
    }

    /** How a party takes part in an activity. */
    public enum PartyRole {
        LEAD, INVOLVED
    }

    /**
     * A responsible party of an activity: the name the plan gives ({@code name}), its role, and, when the register of
     * parties knows that name (as a name, abbreviation or other name of a party), the party's id, current name and
     * abbreviation; those three are null for a name the register does not know.
     */
    public record ResponsiblePartyView(String name, PartyRole role, PartyId partyId, String partyName,
                                       String abbreviation) {
    }

    /**
     * A decision of the plan's chain as it reads now ({@code decision} made on {@code decidedOn}), with every
     * correction of it, oldest first.
     */
    public record DecisionView(DecisionId decisionId, DecisionKind kind, Decision decision, LocalDate decidedOn,
                               String summary, List<DecisionCorrectionView> corrections) {
    }

    /**
     * A correction: the decision read {@code readBefore}, made on {@code decidedOnBefore}, until it was corrected on
     * {@code correctedOn} for {@code reason}.
     */
    public record DecisionCorrectionView(Decision readBefore, LocalDate decidedOnBefore, String reason,
                                         LocalDate correctedOn) {
    }

    /** A goal for one year; {@code recurringGoalId} names the recurring goal that set it, if one did. */
    public record GoalView(GoalId goalId, int year, GoalKind kind, String indicator, Target target,
                           ActivityId activityId, LocalDate setOn, boolean withdrawn, LocalDate withdrawnOn,
                           String withdrawalReason, List<TargetHistoryEntry> targetHistory, GoalId recurringGoalId) {
    }

    /**
     * A recurring goal, shown once: the target rule it set for each year from {@code fromYear} to {@code toYear}
     * (the years a lengthened plan added included), and its years' goals, which are revised and withdrawn one by
     * one and listed in {@link PlanView#goals()}.
     */
    public record RecurringGoalView(GoalId goalId, GoalKind kind, Measure measure, String indicator, Target target,
                                    ActivityId activityId, int fromYear, int toYear, boolean untilThePlanEnds,
                                    Decision decision, LocalDate setOn, List<GoalId> yearGoals) {
    }

    /** A target in force from {@code decidedOn}; the first entry is the one the goal was set with. */
    public record TargetHistoryEntry(Target target, Decision decision, String reason, LocalDate decidedOn) {
    }
}
