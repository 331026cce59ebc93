package se.asfplan.domain.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.asfplan.domain.shared.CommandChecks.required;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.CorrectPlanDecisionCommand;
import se.asfplan.domain.plan.PlanCommands.DecisionDraft;
import se.asfplan.domain.plan.PlanCommands.RecordPlanDecisionCommand;
import se.asfplan.domain.plan.PlanCommands.AddActivityCommand;
import se.asfplan.domain.plan.PlanCommands.AddAreaCommand;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.AreaDraft;
import se.asfplan.domain.plan.PlanCommands.CancelActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ChangeActivityResponsibilityCommand;
import se.asfplan.domain.plan.PlanCommands.CompleteActivityCommand;
import se.asfplan.domain.plan.PlanCommands.GoalDraft;
import se.asfplan.domain.plan.PlanCommands.RecurringGoalDraft;
import se.asfplan.domain.plan.PlanCommands.ReportActivityProgressCommand;
import se.asfplan.domain.plan.PlanCommands.ReportGoalOutcomeCommand;
import se.asfplan.domain.plan.PlanCommands.RescheduleActivityCommand;
import se.asfplan.domain.plan.PlanCommands.RetractPlanFactCommand;
import se.asfplan.domain.plan.PlanCommands.ReviseGoalCommand;
import se.asfplan.domain.plan.PlanCommands.RevisePlanCommand;
import se.asfplan.domain.plan.PlanCommands.SetGoalCommand;
import se.asfplan.domain.plan.PlanCommands.SetPlanScopeCommand;
import se.asfplan.domain.plan.PlanCommands.SetRecurringGoalCommand;
import se.asfplan.domain.plan.PlanCommands.StartActivityCommand;
import se.asfplan.domain.plan.PlanCommands.WithdrawGoalCommand;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCancelledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCompletedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityProgressReportedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityRescheduledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityResponsibilityChangedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalOutcomeReportedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalRevisedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.GoalWithdrawnEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionCorrectedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionRecordedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanFactRetractedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanRevisedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanScopeSetEvent;
import se.asfplan.domain.plan.PlanEvents.RecurringGoalSetEvent;
import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyNames;
import se.asfplan.domain.shared.CommandChecks;
import se.asfplan.domain.shared.RetractableFacts;
import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.domain.shared.Values;

/**
 * An adopted action plan (handlingsplan) with its areas, activities and yearly goals. One aggregate keeps the
 * rules that span them consistent: a goal's year lies within the plan period, a goal follows an activity that
 * exists, a revised period keeps every goal and timeline inside it.
 *
 * <p>Command handlers check and then apply; event handlers only assign state.
 *
 * <p>The fields are also the format of the plan's snapshots (infra's {@code AggregateSnapshots}): a change to them
 * (a field added, renamed or retyped, here or in the state records) needs the next {@code @Revision}, so that older
 * snapshots are ignored and plans are rebuilt from their events; {@code PlanSnapshotFormatTest} checks it.
 */
@AggregateRoot(type = "Plan")
@Revision("1")
public class Plan {

    /** Longest title or indicator; plan files are held to the same limits. */
    public static final int TITLE_MAX = 300;
    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 4000;
    public static final int REASON_MAX = 2000;
    /** Longest id of a recurring goal: each year's goal id adds {@code -YYYY} and must stay within 63 characters. */
    public static final int RECURRING_GOAL_ID_MAX = 58;
    /** Most sections a plan has; real plans have a handful. */
    public static final int SECTIONS_MAX = 50;
    /** The plan's own area numbers ("Område 1-5") run from 1 to this. */
    public static final int AREA_NUMBER_MAX = 999;

    @AggregateIdentifier
    private PlanId planId;
    private boolean adopted;
    private String title;
    private PlanPeriod period;
    private String municipality;
    /** What the plan covers, as last set; null while it covers the municipality it was adopted for. */
    private PlanScope scope;
    private LocalDate adoptedOn;
    private final Map<AreaId, String> areas = new HashMap<>();
    private final Map<Integer, AreaId> areaNumbers = new HashMap<>();
    /** The chain of decisions, the adoption included, as they read now (corrections applied). */
    private final Map<DecisionId, DecisionState> decisions = new HashMap<>();
    private final Map<ActivityId, ActivityState> activities = new HashMap<>();
    private final Map<GoalId, GoalState> goals = new HashMap<>();
    private final Map<GoalId, RecurringGoalState> recurringGoals = new HashMap<>();
    /** The progress notes, activity steps and outcome reports a retraction may name. */
    private final RetractableFacts retractable = new RetractableFacts();
    /** What each retractable fact is about: its activity or its goal. */
    private final Map<String, FactSubject> subjects = new HashMap<>();
    /** Per activity, its steps (started, completed, cancelled) not retracted, oldest first. */
    private final Map<ActivityId, List<String>> activitySteps = new HashMap<>();

    /** For Axon: rebuilds the plan from its events. */
    protected Plan() {
    }

    // ---------------------------------------------------------------------------------------------- plan

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdoptPlanCommand command, Clock clock, PartyNames partyNames) {
        if (adopted) {
            throw new RuleViolationException(PlanRule.PLAN_CAN_BE_ADOPTED_ONCE,
                    "Plan " + planId + " was already adopted on " + adoptedOn + "; record a revision instead");
        }
        PlanId id = required(command.planId(), "planId");
        LocalDate adoptedOn = CommandChecks.recordable(command.adoptedOn(), "adoptedOn", clock,
                PlanRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        if (command.sections().size() > SECTIONS_MAX) {
            throw new IllegalArgumentException("sections must be at most " + SECTIONS_MAX + ", but are "
                    + command.sections().size());
        }
        apply(new PlanAdoptedEvent(id, Values.text(command.title(), "title", TITLE_MAX),
                Values.text(command.municipality(), "municipality", NAME_MAX),
                required(command.adoption(), "adoption"), required(command.period(), "period"), adoptedOn,
                command.sections().isEmpty() ? null : command.sections()));
        if (command.scope() != null) {
            setScope(command.scope(), null, adoptedOn, partyNames);
        }
        for (AreaDraft area : command.areas()) {
            addArea(area.areaId(), area.name(), area.description(), area.number(), adoptedOn);
            for (ActivityDraft activity : area.activities()) {
                addActivity(activity.activityId(), area.areaId(), activity.kind(), activity.title(),
                        activity.description(), activity.responsibility(), activity.timeline(), adoptedOn);
                if (activity.underWay() != null) {
                    underWayAtAdoption(activity.activityId(), activity.underWay(), adoptedOn);
                }
            }
        }
        for (GoalDraft goal : command.goals()) {
            setGoal(goal.goalId(), goal.year(), goal.kind(), goal.indicator(), goal.target(), goal.activityId(),
                    goal.decision(), goal.measure(), adoptedOn);
        }
        for (RecurringGoalDraft goal : command.recurringGoals()) {
            setRecurringGoal(goal, adoptedOn);
        }
        for (DecisionDraft decision : command.decisions()) {
            recordDecision(decision.decisionId(), decision.kind(), decision.decision(), decision.decidedOn(),
                    decision.summary(), clock);
        }
    }

    /** An activity the plan found under way: started on its own date, or on the adoption day if only "before". */
    private void underWayAtAdoption(ActivityId activityId, UnderWay underWay, LocalDate adoptedOn) {
        if (underWay.since() != null && underWay.since().isAfter(adoptedOn)) {
            throw new RuleViolationException(PlanRule.UNDER_WAY_DATE_MUST_NOT_FOLLOW_ADOPTION,
                    "Activity " + activityId + " is under way at the adoption on " + adoptedOn
                            + ", so it cannot have started on " + underWay.since() + "; leave underWay out and "
                            + "record its start instead");
        }
        apply(new ActivityStartedEvent(planId, activityId,
                underWay.sinceBeforePlan() ? adoptedOn : underWay.since(), underWay));
    }

    // ---------------------------------------------------------------------------------------------- decisions

    @CommandHandler
    public void handle(RecordPlanDecisionCommand command, Clock clock) {
        recordDecision(command.decisionId(), command.kind(), command.decision(), command.decidedOn(),
                command.summary(), clock);
    }

    private void recordDecision(DecisionId decisionId, DecisionKind kind, Decision decision, LocalDate decidedOn,
                                String summary, Clock clock) {
        required(decisionId, "decisionId");
        required(kind, "kind");
        required(decision, "decision");
        CommandChecks.recordable(decidedOn, "decidedOn", clock, PlanRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        if (decisions.containsKey(decisionId)) {
            throw new RuleViolationException(PlanRule.DECISION_ID_MUST_BE_UNIQUE,
                    "Plan " + planId + " already has a decision " + decisionId);
        }
        if (kind == DecisionKind.ADOPTION) {
            throw new RuleViolationException(PlanRule.ADOPTION_IS_RECORDED_WITH_THE_PLAN,
                    "Plan " + planId + " was adopted on " + adoptedOn + " with its adoption decision (" + DecisionId.ADOPTION
                            + "); record a proposal, an approval or an amendment, or correct the adoption");
        }
        if (kind != DecisionKind.PROPOSAL && decidedOn.isBefore(adoptedOn)) {
            throw new RuleViolationException(PlanRule.DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION,
                    "An " + kind.name().toLowerCase() + " decided on " + decidedOn + " lies before plan " + planId
                            + " was adopted on " + adoptedOn + "; only a proposal precedes the adoption");
        }
        apply(new PlanDecisionRecordedEvent(planId, decisionId, kind, decision,
                Values.optionalText(summary, "decision summary", REASON_MAX), decidedOn));
    }

    @CommandHandler
    public void handle(CorrectPlanDecisionCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        DecisionState recorded = decisions.get(required(command.decisionId(), "decisionId"));
        if (recorded == null) {
            throw new RuleViolationException(PlanRule.DECISION_MUST_EXIST,
                    "Plan " + planId + " has no decision " + command.decisionId() + "; its decisions are "
                            + decisions.keySet());
        }
        Decision decision = required(command.decision(), "decision");
        LocalDate decidedOn = CommandChecks.recordable(command.decidedOn(), "decidedOn", clock,
                PlanRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        if (decision.equals(recorded.decision()) && decidedOn.equals(recorded.decidedOn())) {
            throw new RuleViolationException(PlanRule.DECISION_CORRECTION_MUST_CHANGE_SOMETHING,
                    "Decision " + command.decisionId() + " already reads " + decision + " on " + decidedOn);
        }
        if (recorded.kind() != DecisionKind.PROPOSAL && recorded.kind() != DecisionKind.ADOPTION
                && decidedOn.isBefore(adoptedOn)) {
            throw new RuleViolationException(PlanRule.DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION,
                    "An " + recorded.kind().name().toLowerCase() + " decided on " + decidedOn + " would lie before"
                            + " plan " + planId + " was adopted on " + adoptedOn);
        }
        apply(new PlanDecisionCorrectedEvent(planId, command.decisionId(), decision, decidedOn,
                Values.text(command.reason(), "reason", REASON_MAX), occurredOn));
    }

    /** A decision of the chain as it reads now; immutable for the same reason as {@link ActivityState}. */
    private record DecisionState(DecisionKind kind, Decision decision, LocalDate decidedOn) {
    }

    // ---------------------------------------------------------------------------------------------- scope

    @CommandHandler
    public void handle(SetPlanScopeCommand command, Clock clock, PartyNames partyNames) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        PlanScope newScope = required(command.scope(), "scope");
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        if (newScope.coversTheSameAs(scope())) {
            throw new RuleViolationException(PlanRule.SCOPE_CHANGE_MUST_CHANGE_SOMETHING,
                    "Plan " + planId + " already covers " + newScope.municipalities()
                            + (newScope.parties().isEmpty() ? "" : " and parties " + newScope.parties()));
        }
        setScope(newScope, reason, occurredOn, partyNames);
    }

    /** Every party the scope names must be in the register, so that the plan's figures can say whose they are. */
    private void setScope(PlanScope newScope, String reason, LocalDate occurredOn, PartyNames partyNames) {
        for (PartyId party : newScope.parties()) {
            if (!partyNames.isRegistered(party)) {
                throw new RuleViolationException(PlanRule.SCOPE_PARTY_MUST_BE_REGISTERED,
                        "No party " + party + " is registered; register it before the plan's scope names it");
            }
        }
        apply(new PlanScopeSetEvent(planId, newScope, reason, occurredOn));
    }

    /** What the plan covers now: as last set, or the municipality it was adopted for. */
    private PlanScope scope() {
        return scope != null ? scope : PlanScope.ofMunicipality(municipality);
    }

    @CommandHandler
    public void handle(RevisePlanCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        String newTitle = command.title() == null ? title : Values.text(command.title(), "title", TITLE_MAX);
        PlanPeriod newPeriod = command.period() == null ? period : command.period();
        if (newTitle.equals(title) && newPeriod.equals(period)) {
            throw new RuleViolationException(PlanRule.PLAN_REVISION_MUST_CHANGE_SOMETHING,
                    "A plan revision must change the title or the period; both are as before (" + period + ")");
        }
        goals.forEach((goalId, goal) -> {
            if (!goal.withdrawn && !newPeriod.contains(goal.year)) {
                throw new RuleViolationException(PlanRule.PLAN_PERIOD_MUST_KEEP_GOALS_AND_TIMELINES,
                        "The period " + newPeriod + " would leave goal " + goalId + " for " + goal.year
                                + " outside the plan; withdraw the goal first");
            }
        });
        activities.forEach((activityId, activity) -> {
            if (!activity.status.isClosed() && !newPeriod.covers(activity.timeline)) {
                throw new RuleViolationException(PlanRule.PLAN_PERIOD_MUST_KEEP_GOALS_AND_TIMELINES,
                        "The period " + newPeriod + " would leave activity " + activityId + " (" + activity.timeline
                                + ") outside the plan; reschedule it first");
            }
        });
        List<GoalSetEvent> lengthened = recurringGoalsLengthenedTo(newPeriod, occurredOn);
        apply(new PlanRevisedEvent(planId, newTitle, newPeriod, required(command.decision(), "decision"),
                Values.text(command.reason(), "reason", REASON_MAX), occurredOn));
        lengthened.forEach(AggregateLifecycle::apply);
    }

    /**
     * The years' goals a lengthened period adds to the recurring goals that run until the plan ends: one per added
     * year, with the recurring goal's own target rule and decision.
     */
    private List<GoalSetEvent> recurringGoalsLengthenedTo(PlanPeriod newPeriod, LocalDate occurredOn) {
        List<GoalSetEvent> added = new ArrayList<>();
        if (newPeriod.isOngoing()) {
            return added;
        }
        recurringGoals.entrySet().stream().sorted(Map.Entry.comparingByKey(
                java.util.Comparator.comparing(GoalId::value))).forEach(entry -> {
            RecurringGoalState goal = entry.getValue();
            if (!goal.untilThePlanEnds()) {
                return;
            }
            for (int year = goal.toYear() + 1; year <= newPeriod.toYear(); year++) {
                GoalId yearGoal = yearGoalId(entry.getKey(), year);
                goalIdMustBeFree(yearGoal);
                added.add(new GoalSetEvent(planId, yearGoal, year, goal.kind(), goal.indicator(), goal.target(),
                        goal.activityId(), goal.decision(), occurredOn, goal.measure(), entry.getKey()));
            }
        });
        return added;
    }

    @CommandHandler
    public void handle(AddAreaCommand command, Clock clock) {
        addArea(command.areaId(), command.name(), command.description(), command.number(),
                recordable(command.occurredOn(), clock));
    }

    private void addArea(AreaId areaId, String name, String description, Integer number, LocalDate occurredOn) {
        required(areaId, "areaId");
        if (areas.containsKey(areaId)) {
            throw new RuleViolationException(PlanRule.AREA_ID_MUST_BE_UNIQUE,
                    "Plan " + planId + " already has an area " + areaId + " ('" + areas.get(areaId) + "')");
        }
        if (number != null && (number < 1 || number > AREA_NUMBER_MAX)) {
            throw new IllegalArgumentException("area number must be from 1 to " + AREA_NUMBER_MAX + ", but was "
                    + number);
        }
        if (number != null && areaNumbers.containsKey(number)) {
            throw new RuleViolationException(PlanRule.AREA_NUMBER_MUST_BE_UNIQUE,
                    "Plan " + planId + " already has an area number " + number + " (" + areaNumbers.get(number)
                            + ")");
        }
        apply(new AreaAddedEvent(planId, areaId, Values.text(name, "area name", NAME_MAX),
                Values.optionalText(description, "area description", TEXT_MAX), occurredOn, number));
    }

    // ---------------------------------------------------------------------------------------------- activities

    @CommandHandler
    public void handle(AddActivityCommand command, Clock clock) {
        addActivity(command.activityId(), command.areaId(), command.kind(), command.title(), command.description(),
                command.responsibility(), command.timeline(), recordable(command.occurredOn(), clock));
    }

    private void addActivity(ActivityId activityId, AreaId areaId, ActivityKind kind, String title,
                             String description, Responsibility responsibility, Timeline timeline,
                             LocalDate occurredOn) {
        required(activityId, "activityId");
        if (activities.containsKey(activityId)) {
            throw new RuleViolationException(PlanRule.ACTIVITY_ID_MUST_BE_UNIQUE,
                    "Plan " + planId + " already has an activity " + activityId);
        }
        if (!areas.containsKey(required(areaId, "areaId"))) {
            throw new RuleViolationException(PlanRule.AREA_MUST_EXIST,
                    "Plan " + planId + " has no area " + areaId + "; its areas are " + areas.keySet());
        }
        Timeline plannedFor = timeline == null ? Timeline.ongoing() : timeline;
        timelineMustLieWithinPlanPeriod(activityId, plannedFor);
        apply(new ActivityAddedEvent(planId, activityId, areaId, required(kind, "kind"),
                Values.text(title, "activity title", TITLE_MAX),
                Values.optionalText(description, "activity description", TEXT_MAX),
                required(responsibility, "responsibility"), plannedFor, occurredOn));
    }

    @CommandHandler
    public void handle(StartActivityCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        ActivityState activity = openActivity(command.activityId());
        if (activity.status == ActivityStatus.STARTED) {
            throw new RuleViolationException(PlanRule.ACTIVITY_CAN_BE_STARTED_ONCE,
                    "Activity " + command.activityId() + " was already started on " + activity.startedOn);
        }
        apply(new ActivityStartedEvent(planId, command.activityId(), occurredOn));
    }

    @CommandHandler
    public void handle(ReportActivityProgressCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        ActivityState activity = startedActivity(command.activityId(), "progress can be reported");
        activityDateMustNotPrecedeStart(command.activityId(), activity, occurredOn);
        apply(new ActivityProgressReportedEvent(planId, command.activityId(),
                Values.text(command.note(), "progress note", TEXT_MAX), occurredOn));
    }

    @CommandHandler
    public void handle(RescheduleActivityCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        ActivityState activity = openActivity(command.activityId());
        Timeline timeline = required(command.timeline(), "timeline");
        if (timeline.equals(activity.timeline)) {
            throw new RuleViolationException(PlanRule.RESCHEDULE_MUST_CHANGE_TIMELINE,
                    "Activity " + command.activityId() + " is already planned for " + timeline);
        }
        timelineMustLieWithinPlanPeriod(command.activityId(), timeline);
        apply(new ActivityRescheduledEvent(planId, command.activityId(), timeline,
                Values.text(command.reason(), "reason", REASON_MAX), occurredOn));
    }

    @CommandHandler
    public void handle(ChangeActivityResponsibilityCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        ActivityState activity = openActivity(command.activityId());
        Responsibility responsibility = required(command.responsibility(), "responsibility");
        if (responsibility.equals(activity.responsibility)) {
            throw new RuleViolationException(PlanRule.RESPONSIBILITY_CHANGE_MUST_CHANGE_PARTIES,
                    "Activity " + command.activityId() + " already has lead " + responsibility.leadsText()
                            + " and involved parties " + responsibility.involved());
        }
        apply(new ActivityResponsibilityChangedEvent(planId, command.activityId(), responsibility,
                Values.text(command.reason(), "reason", REASON_MAX), occurredOn));
    }

    @CommandHandler
    public void handle(CompleteActivityCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        ActivityState activity = startedActivity(command.activityId(), "it can be completed");
        activityDateMustNotPrecedeStart(command.activityId(), activity, occurredOn);
        apply(new ActivityCompletedEvent(planId, command.activityId(),
                Values.optionalText(command.note(), "completion note", TEXT_MAX), occurredOn));
    }

    @CommandHandler
    public void handle(CancelActivityCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        ActivityState activity = openActivity(command.activityId());
        activityDateMustNotPrecedeStart(command.activityId(), activity, occurredOn);
        apply(new ActivityCancelledEvent(planId, command.activityId(),
                Values.text(command.reason(), "reason", REASON_MAX), occurredOn));
    }

    // ---------------------------------------------------------------------------------------------- goals

    @CommandHandler
    public void handle(SetGoalCommand command, Clock clock) {
        setGoal(command.goalId(), command.year(), command.kind(), command.indicator(), command.target(),
                command.activityId(), command.decision(), command.measure(), recordable(command.occurredOn(), clock));
    }

    private void setGoal(GoalId goalId, int year, GoalKind kind, String indicator, Target target,
                         ActivityId activityId, Decision decision, Measure measure, LocalDate occurredOn) {
        goalIdMustBeFree(required(goalId, "goalId"));
        if (!period.contains(year)) {
            throw new RuleViolationException(PlanRule.GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD,
                    "Goal year " + year + " lies outside the plan period " + period);
        }
        String checkedIndicator = goalMustBeSettable(goalId, kind, indicator, target, activityId, measure);
        apply(new GoalSetEvent(planId, goalId, year, kind, checkedIndicator, target, activityId,
                required(decision, "decision"), occurredOn, measure));
    }

    @CommandHandler
    public void handle(SetRecurringGoalCommand command, Clock clock) {
        setRecurringGoal(new RecurringGoalDraft(command.goalId(), command.years(), command.kind(),
                command.indicator(), command.target(), command.activityId(), command.decision(), command.measure()),
                recordable(command.occurredOn(), clock));
    }

    /**
     * Sets a recurring goal and, in the same step, its goal for each year: every year of the plan unless the goal
     * names its first or last year. Every year's goal must be settable, or none is set.
     */
    private void setRecurringGoal(RecurringGoalDraft goal, LocalDate occurredOn) {
        GoalId goalId = required(goal.goalId(), "goalId");
        if (goalId.value().length() > RECURRING_GOAL_ID_MAX) {
            throw new IllegalArgumentException("goalId of a recurring goal must be at most " + RECURRING_GOAL_ID_MAX
                    + " characters (each year's goal is named <goalId>-<year>), but was " + goalId.value().length());
        }
        goalIdMustBeFree(goalId);
        GoalYears years = goal.years() == null ? GoalYears.EVERY_YEAR_OF_THE_PLAN : goal.years();
        int fromYear = years.fromYear() != null ? years.fromYear() : period.fromYear();
        Integer toYear = years.toYear() != null ? years.toYear() : period.toYear();
        if (toYear == null) {
            throw new RuleViolationException(PlanRule.RECURRING_GOAL_IN_AN_ONGOING_PLAN_NEEDS_ITS_LAST_YEAR,
                    "Plan " + planId + " runs " + period + " with no end year; recurring goal " + goalId
                            + " must name its last year (years to)");
        }
        if (!period.contains(fromYear) || !period.contains(toYear) || toYear < fromYear) {
            throw new RuleViolationException(PlanRule.GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD,
                    "Recurring goal " + goalId + " for " + fromYear + "-" + toYear
                            + " must lie within the plan period " + period);
        }
        String indicator = goalMustBeSettable(goalId, goal.kind(), goal.indicator(), goal.target(),
                goal.activityId(), goal.measure());
        Decision decision = required(goal.decision(), "decision");
        for (int year = fromYear; year <= toYear; year++) {
            goalIdMustBeFree(yearGoalId(goalId, year));
        }
        apply(new RecurringGoalSetEvent(planId, goalId, goal.kind(), indicator, goal.target(), goal.activityId(),
                decision, goal.measure(), fromYear, toYear, years.untilThePlanEnds() && !period.isOngoing(),
                occurredOn));
        for (int year = fromYear; year <= toYear; year++) {
            apply(new GoalSetEvent(planId, yearGoalId(goalId, year), year, goal.kind(), indicator, goal.target(),
                    goal.activityId(), decision, occurredOn, goal.measure(), goalId));
        }
    }

    /** The id of a recurring goal's goal for one year. */
    public static GoalId yearGoalId(GoalId recurringGoalId, int year) {
        return new GoalId(recurringGoalId.value() + "-" + year);
    }

    /** A goal id names one goal of the plan, yearly or recurring. */
    private void goalIdMustBeFree(GoalId goalId) {
        if (goals.containsKey(goalId)) {
            throw new RuleViolationException(PlanRule.GOAL_ID_MUST_BE_UNIQUE,
                    "Plan " + planId + " already has a goal " + goalId + " (for " + goals.get(goalId).year + ")");
        }
        if (recurringGoals.containsKey(goalId)) {
            throw new RuleViolationException(PlanRule.GOAL_ID_MUST_BE_UNIQUE,
                    "Plan " + planId + " already has a recurring goal " + goalId);
        }
    }

    /** The checks every goal passes, yearly or recurring; returns the checked indicator. */
    private String goalMustBeSettable(GoalId goalId, GoalKind kind, String indicator, Target target,
                                      ActivityId activityId, Measure measure) {
        shareTargetMustBeAPercentage(required(kind, "kind"), required(target, "target"));
        goalMeasureMustFitItsKind(goalId, kind, measure, activityId);
        if (activityId != null) {
            ActivityState activity = activities.get(activityId);
            if (activity == null) {
                throw new RuleViolationException(PlanRule.ACTIVITY_MUST_EXIST,
                        "Plan " + planId + " has no activity " + activityId + " for the goal to follow");
            }
            if (activity.status == ActivityStatus.CANCELLED) {
                throw new RuleViolationException(PlanRule.GOAL_CANNOT_FOLLOW_CANCELLED_ACTIVITY,
                        "Activity " + activityId + " was cancelled; a goal cannot follow it");
            }
        }
        return Values.text(indicator, "indicator", TITLE_MAX);
    }

    @CommandHandler
    public void handle(ReviseGoalCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        GoalState goal = changeableGoal(command.goalId());
        Target target = required(command.target(), "target");
        if (target.equals(goal.target)) {
            throw new RuleViolationException(PlanRule.GOAL_REVISION_MUST_CHANGE_TARGET,
                    "Goal " + command.goalId() + " already has the target " + target);
        }
        shareTargetMustBeAPercentage(goal.kind, target);
        apply(new GoalRevisedEvent(planId, command.goalId(), target,
                Values.text(command.reason(), "reason", REASON_MAX), required(command.decision(), "decision"),
                occurredOn));
    }

    @CommandHandler
    public void handle(WithdrawGoalCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        changeableGoal(command.goalId());
        apply(new GoalWithdrawnEvent(planId, command.goalId(), Values.text(command.reason(), "reason", REASON_MAX),
                required(command.decision(), "decision"), occurredOn));
    }

    @CommandHandler
    public void handle(ReportGoalOutcomeCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        GoalState goal = changeableGoal(command.goalId());
        if (goal.measure != null) {
            throw new RuleViolationException(PlanRule.OUTCOME_CAN_BE_REPORTED_ONLY_FOR_MANUAL_OR_SHARE_GOALS,
                    "Goal " + command.goalId() + " is a " + goal.kind.name().toLowerCase() + " goal measured by "
                            + goal.measure + "; its outcome comes from the recorded events, not from a report");
        }
        apply(new GoalOutcomeReportedEvent(planId, command.goalId(), goal.year,
                outcomeValue(required(command.value(), "value")),
                Values.text(command.source(), "source", REASON_MAX), occurredOn));
    }

    // ---------------------------------------------------------------------------------------------- retraction

    /**
     * Retracts a fact recorded in error. Progress notes and outcome reports are independent occurrences, retractable
     * any time; an activity's start, completion or cancellation only while it is the activity's latest step, and
     * retracting it restores the activity's status before it.
     */
    @CommandHandler
    public void handle(RetractPlanFactCommand command, Clock clock) {
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        String fact = retractable.retractable(command.eventId(),
                PlanRule.RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD,
                PlanRule.EVENT_IS_ALREADY_RETRACTED, "plan " + planId);
        String eventId = command.eventId().strip();
        FactSubject subject = subjects.get(eventId);
        List<String> steps = subject.activityId() == null ? List.of()
                : activitySteps.getOrDefault(subject.activityId(), List.of());
        if (steps.contains(eventId) && !steps.get(steps.size() - 1).equals(eventId)) {
            throw new RuleViolationException(PlanRule.ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED,
                    "The " + fact + " " + eventId + " is not activity " + subject.activityId()
                            + "'s latest step; retract its later steps first");
        }
        apply(new PlanFactRetractedEvent(planId, eventId, fact, subject.activityId(), subject.goalId(),
                reason, occurredOn));
    }

    /** What a retractable fact is about: an activity or a goal. */
    private record FactSubject(ActivityId activityId, GoalId goalId) {
    }

    // ---------------------------------------------------------------------------------------------- rules

    /**
     * A count or change goal needs a count measure, a coverage goal a coverage measure, a milestone goal the
     * completion of the activity it follows; manual and share goals take no measure (no share measure exists, so
     * share goals are reported by hand).
     */
    private static void goalMeasureMustFitItsKind(GoalId goalId, GoalKind kind, Measure measure,
                                                  ActivityId activityId) {
        boolean fits = switch (kind) {
            case MANUAL, SHARE -> measure == null;
            case MILESTONE -> measure != null && measure.fits(kind) && activityId != null;
            case COUNT, CHANGE, COVERAGE -> measure != null && measure.fits(kind);
        };
        if (!fits) {
            String needs = switch (kind) {
                case MANUAL, SHARE -> "no measure: its outcome is reported by hand";
                case MILESTONE -> "the measure ACTIVITY_COMPLETED and an activity to follow";
                case COVERAGE -> "a coverage measure";
                case COUNT, CHANGE -> "a count measure";
            };
            throw new RuleViolationException(PlanRule.GOAL_MEASURE_MUST_FIT_ITS_KIND,
                    "Goal " + goalId + " is a " + kind.name().toLowerCase() + " goal and needs " + needs
                            + ", but has measure " + measure + (activityId == null ? " and no activity" : ""));
        }
    }

    private static BigDecimal outcomeValue(BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("outcome value must not be negative, but was " + value.toPlainString());
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        if (stripped.scale() > 4 || stripped.precision() - stripped.scale() > 12) {
            throw new IllegalArgumentException("outcome value " + value.toPlainString()
                    + " has too many digits (at most 12 before and 4 after the decimal point)");
        }
        return stripped;
    }

    private LocalDate recordable(LocalDate occurredOn, Clock clock) {
        CommandChecks.recordable(occurredOn, "occurredOn", clock, PlanRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        if (occurredOn.isBefore(adoptedOn)) {
            throw new RuleViolationException(PlanRule.DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION,
                    "The date " + occurredOn + " lies before plan " + planId + " was adopted on " + adoptedOn);
        }
        return occurredOn;
    }

    private void timelineMustLieWithinPlanPeriod(ActivityId activityId, Timeline timeline) {
        if (!period.covers(timeline)) {
            throw new RuleViolationException(PlanRule.TIMELINE_MUST_LIE_WITHIN_PLAN_PERIOD,
                    "Activity " + activityId + " planned for " + timeline + " must lie within the plan period "
                            + period);
        }
    }

    private static void shareTargetMustBeAPercentage(GoalKind kind, Target target) {
        if (kind == GoalKind.SHARE && target.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new RuleViolationException(PlanRule.SHARE_TARGET_MUST_BE_A_PERCENTAGE,
                    "A share target is a percentage from 0 to 100, but was " + target.value().toPlainString());
        }
    }

    private void activityDateMustNotPrecedeStart(ActivityId activityId, ActivityState activity, LocalDate date) {
        if (activity.startedOn != null && date.isBefore(activity.startedOn)) {
            throw new RuleViolationException(PlanRule.ACTIVITY_DATE_MUST_NOT_PRECEDE_START,
                    "The date " + date + " lies before activity " + activityId + " started on " + activity.startedOn);
        }
    }

    private ActivityState existingActivity(ActivityId activityId) {
        ActivityState activity = activities.get(required(activityId, "activityId"));
        if (activity == null) {
            throw new RuleViolationException(PlanRule.ACTIVITY_MUST_EXIST,
                    "Plan " + planId + " has no activity " + activityId);
        }
        return activity;
    }

    private ActivityState openActivity(ActivityId activityId) {
        ActivityState activity = existingActivity(activityId);
        if (activity.status.isClosed()) {
            throw new RuleViolationException(PlanRule.CLOSED_ACTIVITY_CANNOT_CHANGE,
                    "Activity " + activityId + " is " + activity.status.name().toLowerCase() + " since "
                            + activity.closedOn + " and can no longer change");
        }
        return activity;
    }

    private ActivityState startedActivity(ActivityId activityId, String purpose) {
        ActivityState activity = openActivity(activityId);
        if (activity.status != ActivityStatus.STARTED) {
            throw new RuleViolationException(PlanRule.ACTIVITY_MUST_BE_STARTED_FIRST,
                    "Activity " + activityId + " is not started; it must be started before " + purpose);
        }
        return activity;
    }

    private GoalState changeableGoal(GoalId goalId) {
        GoalState goal = goals.get(required(goalId, "goalId"));
        if (goal == null) {
            throw new RuleViolationException(PlanRule.GOAL_MUST_EXIST, "Plan " + planId + " has no goal " + goalId);
        }
        if (goal.withdrawn) {
            throw new RuleViolationException(PlanRule.WITHDRAWN_GOAL_CANNOT_CHANGE,
                    "Goal " + goalId + " was withdrawn and can no longer change");
        }
        return goal;
    }

    // ---------------------------------------------------------------------------------------------- state

    @EventHandler
    void on(PlanAdoptedEvent event) {
        planId = event.planId();
        adopted = true;
        municipality = event.municipality();
        title = event.title();
        period = event.period();
        adoptedOn = event.occurredOn();
        decisions.put(DecisionId.ADOPTION, new DecisionState(DecisionKind.ADOPTION, event.adoption(),
                event.occurredOn()));
    }

    @EventHandler
    void on(PlanScopeSetEvent event) {
        scope = event.scope();
    }

    @EventHandler
    void on(PlanDecisionRecordedEvent event) {
        decisions.put(event.decisionId(), new DecisionState(event.kind(), event.decision(), event.occurredOn()));
    }

    /**
     * A corrected decision reads as corrected. A corrected adoption date that is earlier than the recorded one
     * becomes the plan's earliest business date; a later one leaves it as it was, so that nothing recorded already
     * comes to precede the adoption.
     */
    @EventHandler
    void on(PlanDecisionCorrectedEvent event) {
        DecisionState recorded = decisions.get(event.decisionId());
        decisions.put(event.decisionId(), new DecisionState(recorded.kind(), event.decision(), event.decidedOn()));
        if (event.decisionId().equals(DecisionId.ADOPTION) && event.decidedOn().isBefore(adoptedOn)) {
            adoptedOn = event.decidedOn();
        }
    }

    @EventHandler
    void on(PlanRevisedEvent event) {
        title = event.title();
        period = event.period();
    }

    @EventHandler
    void on(AreaAddedEvent event) {
        areas.put(event.areaId(), event.name());
        if (event.number() != null) {
            areaNumbers.put(event.number(), event.areaId());
        }
    }

    @EventHandler
    void on(ActivityAddedEvent event) {
        activities.put(event.activityId(), ActivityState.added(event.responsibility(), event.timeline()));
    }

    @EventHandler
    void on(ActivityStartedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        activityStep(eventId, event, event.activityId());
        activities.put(event.activityId(), activities.get(event.activityId()).startedOn(event.occurredOn()));
    }

    @EventHandler
    void on(ActivityRescheduledEvent event) {
        activities.put(event.activityId(), activities.get(event.activityId()).plannedFor(event.timeline()));
    }

    @EventHandler
    void on(ActivityResponsibilityChangedEvent event) {
        activities.put(event.activityId(), activities.get(event.activityId()).carriedBy(event.responsibility()));
    }

    @EventHandler
    void on(ActivityCompletedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        activityStep(eventId, event, event.activityId());
        activities.put(event.activityId(),
                activities.get(event.activityId()).closed(ActivityStatus.COMPLETED, event.occurredOn()));
    }

    @EventHandler
    void on(ActivityCancelledEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        activityStep(eventId, event, event.activityId());
        activities.put(event.activityId(),
                activities.get(event.activityId()).closed(ActivityStatus.CANCELLED, event.occurredOn()));
    }

    @EventHandler
    void on(GoalSetEvent event) {
        goals.put(event.goalId(), new GoalState(event.year(), event.kind(), event.measure(), event.target(), false));
        if (event.recurringGoalId() != null) {
            recurringGoals.computeIfPresent(event.recurringGoalId(), (id, goal) -> goal.setFor(event.year()));
        }
    }

    @EventHandler
    void on(RecurringGoalSetEvent event) {
        recurringGoals.put(event.goalId(), new RecurringGoalState(event.kind(), event.indicator(), event.target(),
                event.activityId(), event.decision(), event.measure(), event.fromYear() - 1, event.untilThePlanEnds()));
    }

    @EventHandler
    void on(GoalRevisedEvent event) {
        goals.put(event.goalId(), goals.get(event.goalId()).revisedTo(event.target()));
    }

    @EventHandler
    void on(GoalWithdrawnEvent event) {
        goals.put(event.goalId(), goals.get(event.goalId()).asWithdrawn());
    }

    @EventHandler
    void on(ActivityProgressReportedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        subjects.put(eventId, new FactSubject(event.activityId(), null));
    }

    @EventHandler
    void on(GoalOutcomeReportedEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        subjects.put(eventId, new FactSubject(null, event.goalId()));
    }

    @EventHandler
    void on(PlanFactRetractedEvent event) {
        String eventId = event.retractedEventId();
        retractable.retracted(eventId);
        ActivityId activityId = subjects.get(eventId).activityId();
        List<String> steps = activityId == null ? null : activitySteps.get(activityId);
        if (steps != null && steps.remove(eventId)) {
            activities.put(activityId, activities.get(activityId).stepRetracted());
        }
    }

    /** Notes a step of an activity's lifecycle, which a retraction may undo while it is the latest. */
    private void activityStep(String eventId, PlanEvent event, ActivityId activityId) {
        retractable.recorded(eventId, event);
        subjects.put(eventId, new FactSubject(activityId, null));
        activitySteps.computeIfAbsent(activityId, id -> new ArrayList<>()).add(eventId);
    }

    /**
     * What the rules need to know of an activity. Immutable with value equality, so that a plan rebuilt from its
     * events equals the plan that recorded them (Axon's test fixture compares the two to catch state changed
     * outside an event handler).
     */
    private record ActivityState(ActivityStatus status, Responsibility responsibility, Timeline timeline,
                                 LocalDate startedOn, LocalDate closedOn) {

        ActivityState {
            Objects.requireNonNull(status);
            Objects.requireNonNull(responsibility);
            Objects.requireNonNull(timeline);
        }

        static ActivityState added(Responsibility responsibility, Timeline timeline) {
            return new ActivityState(ActivityStatus.NOT_STARTED, responsibility, timeline, null, null);
        }

        ActivityState startedOn(LocalDate on) {
            return new ActivityState(ActivityStatus.STARTED, responsibility, timeline, on, closedOn);
        }

        ActivityState plannedFor(Timeline newTimeline) {
            return new ActivityState(status, responsibility, newTimeline, startedOn, closedOn);
        }

        ActivityState carriedBy(Responsibility newResponsibility) {
            return new ActivityState(status, newResponsibility, timeline, startedOn, closedOn);
        }

        ActivityState closed(ActivityStatus finalStatus, LocalDate on) {
            return new ActivityState(finalStatus, responsibility, timeline, startedOn, on);
        }

        /**
         * The state before the latest step, which a retraction undid: a closed activity is open again (started if
         * it was), a started one not started.
         */
        ActivityState stepRetracted() {
            if (closedOn != null) {
                return new ActivityState(startedOn == null ? ActivityStatus.NOT_STARTED : ActivityStatus.STARTED,
                        responsibility, timeline, startedOn, null);
            }
            return new ActivityState(ActivityStatus.NOT_STARTED, responsibility, timeline, null, null);
        }
    }

    /**
     * What a recurring goal sets for each year, and the last year it is set for so far (its years' goals are set by
     * events of their own, after this one's).
     */
    private record RecurringGoalState(GoalKind kind, String indicator, Target target, ActivityId activityId,
                                      Decision decision, Measure measure, int toYear, boolean untilThePlanEnds) {

        RecurringGoalState setFor(int year) {
            return new RecurringGoalState(kind, indicator, target, activityId, decision, measure,
                    Math.max(toYear, year), untilThePlanEnds);
        }
    }

    /** What the rules need to know of a goal; immutable for the same reason as {@link ActivityState}. */
    private record GoalState(int year, GoalKind kind, Measure measure, Target target, boolean withdrawn) {

        GoalState revisedTo(Target newTarget) {
            return new GoalState(year, kind, measure, newTarget, withdrawn);
        }

        GoalState asWithdrawn() {
            return new GoalState(year, kind, measure, target, true);
        }
    }
}
