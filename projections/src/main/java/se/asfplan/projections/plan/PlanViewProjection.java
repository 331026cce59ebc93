package se.asfplan.projections.plan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.party.PartyNames;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.DecisionId;
import se.asfplan.domain.plan.DecisionKind;
import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.PlanScope;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
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
import se.asfplan.domain.plan.PlanEvents.PlanScopeSetEvent;
import se.asfplan.domain.plan.PlanEvents.RecurringGoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionCorrectedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanDecisionRecordedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanFactRetractedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanRevisedEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.PlanSection;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.domain.plan.UnderWay;
import se.asfplan.domain.retraction.FactType;
import se.asfplan.projections.support.AggregateSequence;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;
import se.asfplan.projections.party.PartyDirectory;
import se.asfplan.projections.party.PartyDirectory.NamedParty;
import se.asfplan.projections.plan.PlanQueries.ActivityView;
import se.asfplan.projections.plan.PlanQueries.PartyRole;
import se.asfplan.projections.plan.PlanQueries.ResponsiblePartyView;
import se.asfplan.projections.plan.PlanQueries.AreaView;
import se.asfplan.projections.plan.PlanQueries.DecisionCorrectionView;
import se.asfplan.projections.plan.PlanQueries.DecisionView;
import se.asfplan.projections.plan.PlanQueries.FindPlanQuery;
import se.asfplan.projections.plan.PlanQueries.FindPlansQuery;
import se.asfplan.projections.plan.PlanQueries.GoalView;
import se.asfplan.projections.plan.PlanQueries.RecurringGoalView;
import se.asfplan.projections.plan.PlanQueries.PlanRecordedQuery;
import se.asfplan.projections.plan.PlanQueries.PlanSummary;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.projections.plan.PlanQueries.TargetHistoryEntry;

/**
 * Folds plan events into the plan catalogue tables. Every handler first advances the plan's
 * {@code last_sequence}; an event whose sequence number was already applied changes nothing, so redelivery after
 * a crash or a segment hand-over is harmless. The token store shares the transaction, so a batch's rows and its
 * token commit together. Every row belongs to a generation, and every read, update and guard names it: the live
 * processor writes the active one ({@link StateGenerations}), a rebuild's processor the one it fills
 * ({@code ProjectionRebuilds}); the queries read the active generation.
 */
@Component
@ProcessingGroup(PlanViewProjection.PROCESSING_GROUP)
@ReadModelTables({"plan_decision_correction_view", "plan_decision_view", "plan_section_view",
        "plan_goal_target_view", "plan_goal_view", "plan_recurring_goal_view", "plan_activity_view", "plan_area_view",
        "plan_view"})
public class PlanViewProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "plan-view";

    private static final String UNDER_WAY_SINCE = "SINCE";
    private static final String UNDER_WAY_SINCE_BEFORE_PLAN = "SINCE_BEFORE_PLAN";

    /** The tables of the projection, plan_view, which the others refer to, last. */
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final EventStore events;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;
    private final PartyDirectory parties;

    /**
     * The Spring bean is the set of handlers of the live processor named {@value #PROCESSING_GROUP}; {@link
     * #writing} makes those of a rebuild's processor.
     */
    public PlanViewProjection(JdbcTemplate jdbc, ObjectMapper json, EventStore events,
                              ProjectionGenerations generations, WrittenGeneration written, PartyDirectory parties) {
        this.parties = parties;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.generations = generations;
        this.written = written;
    }

    @Override
    public PlanViewProjection writing(int generation) {
        return new PlanViewProjection(jdbc, json, events, generations, written.rebuilding(generation), parties);
    }

    private int generation(TrackingToken token) {
        return written.forStateEvent(PROCESSING_GROUP, token);
    }

    // ---------------------------------------------------------------------------------------------- events

    @EventHandler
    void on(PlanAdoptedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        jdbc.update("""
                insert into plan_view (generation, plan_id, title, municipality, adopted_by, adoption_reference,
                                       adoption_paragraph, adopted_on, period_from, period_to, last_sequence)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from plan_view where generation = ? and plan_id = ?)""",
                generation, event.planId().value(), event.title(), event.municipality(), event.adoption().body(),
                event.adoption().reference(), event.adoption().paragraph(), Date.valueOf(event.occurredOn()),
                event.period().fromYear(), event.period().toYear(), sequence, generation, event.planId().value());
        List<PlanSection> sections = event.sections() == null ? List.of() : event.sections();
        for (int i = 0; i < sections.size(); i++) {
            jdbc.update("""
                    insert into plan_section_view (generation, plan_id, ordinal, heading, body)
                    select ?, ?, ?, ?, ?
                    where not exists (select 1 from plan_section_view where generation = ? and plan_id = ?
                                      and ordinal = ?)""",
                    generation, event.planId().value(), i, sections.get(i).heading(), sections.get(i).text(),
                    generation, event.planId().value(), i);
        }
        jdbc.update("""
                insert into plan_decision_view (generation, plan_id, decision_id, event_sequence, kind, decided_by,
                                                decision_reference, decision_paragraph, decided_on, summary)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, null
                where not exists (select 1 from plan_decision_view where generation = ? and plan_id = ?
                                  and decision_id = ?)""",
                generation, event.planId().value(), DecisionId.ADOPTION.value(), sequence,
                DecisionKind.ADOPTION.name(), event.adoption().body(), event.adoption().reference(),
                event.adoption().paragraph(), Date.valueOf(event.occurredOn()), generation, event.planId().value(),
                DecisionId.ADOPTION.value());
    }

    @EventHandler
    void on(PlanDecisionRecordedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            Decision decision = event.decision();
            jdbc.update("""
                    insert into plan_decision_view (generation, plan_id, decision_id, event_sequence, kind,
                                                    decided_by, decision_reference, decision_paragraph, decided_on,
                                                    summary)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    generation, event.planId().value(), event.decisionId().value(), sequence, event.kind().name(),
                    decision.body(), decision.reference(), decision.paragraph(), Date.valueOf(event.occurredOn()),
                    event.summary());
        }
    }

    /** A correction is kept beside the decision it corrects; a corrected adoption is the plan's adoption now. */
    @EventHandler
    void on(PlanDecisionCorrectedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            Decision decision = event.decision();
            jdbc.update("""
                    insert into plan_decision_correction_view (generation, plan_id, decision_id, event_sequence,
                                                               decided_by, decision_reference, decision_paragraph,
                                                               decided_on, reason, corrected_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    generation, event.planId().value(), event.decisionId().value(), sequence, decision.body(),
                    decision.reference(), decision.paragraph(), Date.valueOf(event.decidedOn()), event.reason(),
                    Date.valueOf(event.occurredOn()));
            if (event.decisionId().equals(DecisionId.ADOPTION)) {
                jdbc.update("update plan_view set adopted_by = ?, adoption_reference = ?, adoption_paragraph = ?, "
                                + "adopted_on = ? where generation = ? and plan_id = ?", decision.body(),
                        decision.reference(), decision.paragraph(), Date.valueOf(event.decidedOn()), generation,
                        event.planId().value());
            }
        }
    }

    @EventHandler
    void on(PlanRevisedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            jdbc.update("update plan_view set title = ?, period_from = ?, period_to = ?, last_revised_on = ? "
                            + "where generation = ? and plan_id = ?", event.title(), event.period().fromYear(),
                    event.period().toYear(), Date.valueOf(event.occurredOn()), generation, event.planId().value());
        }
    }

    @EventHandler
    void on(PlanScopeSetEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            jdbc.update("update plan_view set scope_municipalities = ?, scope_parties = ? "
                            + "where generation = ? and plan_id = ?", toJson(event.scope().municipalities()),
                    toJson(event.scope().parties().stream().map(PartyId::value).toList()), generation,
                    event.planId().value());
        }
    }

    @EventHandler
    void on(AreaAddedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            jdbc.update("insert into plan_area_view (generation, plan_id, area_id, ordinal, name, description, "
                            + "area_number) values (?, ?, ?, ?, ?, ?, ?)", generation, event.planId().value(),
                    event.areaId().value(), sequence, event.name(), event.description(), event.number());
        }
    }

    @EventHandler
    void on(ActivityAddedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            jdbc.update("""
                    insert into plan_activity_view (generation, plan_id, activity_id, area_id, ordinal, kind, title,
                                                    description, lead_party, co_lead_parties, all_committees,
                                                    involved_parties, timeline_from, timeline_to, status, added_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    generation, event.planId().value(), event.activityId().value(), event.areaId().value(), sequence,
                    event.kind().name(), event.title(), event.description(), event.responsibility().lead(),
                    toJson(event.responsibility().coLeads()), event.responsibility().allCommittees(),
                    toJson(event.responsibility().involved()), event.timeline().fromYear(),
                    event.timeline().toYear(), ActivityStatus.NOT_STARTED.name(), Date.valueOf(event.occurredOn()));
        }
    }

    @EventHandler
    void on(ActivityStartedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            UnderWay underWay = event.underWayAtAdoption();
            updateActivity(generation, event.planId(), event.activityId(),
                    "status = ?, started_on = ?, under_way_at_adoption = ?", ActivityStatus.STARTED.name(),
                    Date.valueOf(event.occurredOn()), underWay == null ? null
                            : underWay.sinceBeforePlan() ? UNDER_WAY_SINCE_BEFORE_PLAN : UNDER_WAY_SINCE);
        }
    }

    @EventHandler
    void on(ActivityProgressReportedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            // a progress report recorded late must not hide a newer one: keep the latest by business date
            jdbc.update("update plan_activity_view set latest_note = ?, latest_note_on = ? "
                            + "where generation = ? and plan_id = ? and activity_id = ? "
                            + "and (latest_note_on is null or latest_note_on <= ?)",
                    event.note(), Date.valueOf(event.occurredOn()), generation, event.planId().value(),
                    event.activityId().value(), Date.valueOf(event.occurredOn()));
        }
    }

    @EventHandler
    void on(ActivityRescheduledEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            updateActivity(generation, event.planId(), event.activityId(), "timeline_from = ?, timeline_to = ?",
                    event.timeline().fromYear(), event.timeline().toYear());
        }
    }

    @EventHandler
    void on(ActivityResponsibilityChangedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            updateActivity(generation, event.planId(), event.activityId(),
                    "lead_party = ?, co_lead_parties = ?, all_committees = ?, involved_parties = ?",
                    event.responsibility().lead(), toJson(event.responsibility().coLeads()),
                    event.responsibility().allCommittees(), toJson(event.responsibility().involved()));
        }
    }

    @EventHandler
    void on(ActivityCompletedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            updateActivity(generation, event.planId(), event.activityId(),
                    "status = ?, closed_on = ?, closing_note = ?",
                    ActivityStatus.COMPLETED.name(), Date.valueOf(event.occurredOn()), event.note());
        }
    }

    @EventHandler
    void on(ActivityCancelledEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            updateActivity(generation, event.planId(), event.activityId(),
                    "status = ?, closed_on = ?, closing_note = ?",
                    ActivityStatus.CANCELLED.name(), Date.valueOf(event.occurredOn()), event.reason());
        }
    }

    /**
     * A retracted start, completion or cancellation (only ever the activity's latest step) returns the activity to
     * its status before it. A retracted progress note gives way to the latest note not retracted. A retracted outcome
     * report changes nothing here (the plan view shows no outcomes; the yearly goal report folds them).
     */
    @EventHandler
    void on(PlanFactRetractedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence) && event.activityId() != null) {
            switch (FactType.named(event.retractedFact())) {
                case ACTIVITY_STARTED -> updateActivity(generation, event.planId(), event.activityId(),
                        "status = ?, started_on = null, under_way_at_adoption = null",
                        ActivityStatus.NOT_STARTED.name());
                case ACTIVITY_COMPLETED, ACTIVITY_CANCELLED -> updateActivity(generation,
                        event.planId(), event.activityId(), "status = case when started_on is null then ? else ? end, closed_on = null, "
                                + "closing_note = null", ActivityStatus.NOT_STARTED.name(),
                        ActivityStatus.STARTED.name());
                case ACTIVITY_PROGRESS_REPORTED -> {
                    Optional<ProgressNote> latest = latestNoteNotRetracted(event, sequence);
                    updateActivity(generation, event.planId(), event.activityId(),
                            "latest_note = ?, latest_note_on = ?", latest.map(ProgressNote::text).orElse(null),
                            latest.map(note -> Date.valueOf(note.on())).orElse(null));
                }
                default -> {
                }
            }
        }
    }

    private record ProgressNote(String eventId, long sequence, String text, LocalDate on) {
    }

    /**
     * The activity's latest progress note by business date (of two on one date, the later recorded), leaving out the
     * retracted ones, as the plan's own events up to the retraction say. The view keeps only the latest note, and the
     * plan's events are the record of the others; they are read from the first (never from a snapshot) and only up
     * to the retraction, so a replay or a rebuild finds the same answer. Retractions are rare and a plan's history
     * is short, so this costs one read of one plan's events now and then.
     */
    private Optional<ProgressNote> latestNoteNotRetracted(PlanFactRetractedEvent retraction, long sequence) {
        List<ProgressNote> notes = new ArrayList<>();
        Set<String> retracted = new HashSet<>();
        DomainEventStream history = events.readEvents(retraction.planId().value(), 0);
        while (history.hasNext()) {
            DomainEventMessage<?> message = history.next();
            if (message.getSequenceNumber() > sequence) {
                break;
            }
            Object payload = message.getPayload();
            if (payload instanceof ActivityProgressReportedEvent note
                    && note.activityId().equals(retraction.activityId())) {
                notes.add(new ProgressNote(message.getIdentifier(), message.getSequenceNumber(), note.note(),
                        note.occurredOn()));
            } else if (payload instanceof PlanFactRetractedEvent earlier) {
                retracted.add(earlier.retractedEventId());
            }
        }
        return notes.stream()
                .filter(note -> !retracted.contains(note.eventId()))
                .max(Comparator.comparing(ProgressNote::on).thenComparingLong(ProgressNote::sequence));
    }

    @EventHandler
    void on(GoalSetEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            Target target = event.target();
            jdbc.update("""
                    insert into plan_goal_view (generation, plan_id, goal_id, ordinal, goal_year, kind, indicator,
                                                comparator, target_value, unit, activity_id, set_on,
                                                recurring_goal_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    generation, event.planId().value(), event.goalId().value(), sequence, event.year(),
                    event.kind().name(), event.indicator(), target.comparator().name(), target.value(),
                    target.unit(), event.activityId() == null ? null : event.activityId().value(),
                    Date.valueOf(event.occurredOn()),
                    event.recurringGoalId() == null ? null : event.recurringGoalId().value());
            if (event.recurringGoalId() != null) {
                // a lengthened plan sets a recurring goal for the added years: its last year moves with them
                jdbc.update("update plan_recurring_goal_view set to_year = ? "
                                + "where generation = ? and plan_id = ? and goal_id = ? and to_year < ?",
                        event.year(), generation, event.planId().value(), event.recurringGoalId().value(),
                        event.year());
            }
            insertTarget(generation, event.planId(), event.goalId(), sequence, target, event.decision(), null,
                    event.occurredOn());
        }
    }

    @EventHandler
    void on(RecurringGoalSetEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            Target target = event.target();
            jdbc.update("""
                    insert into plan_recurring_goal_view (generation, plan_id, goal_id, ordinal, kind, measure,
                                                          indicator, comparator, target_value, unit, activity_id,
                                                          from_year, to_year, until_the_plan_ends, decided_by,
                                                          decision_reference, decision_paragraph, set_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    generation, event.planId().value(), event.goalId().value(), sequence, event.kind().name(),
                    event.measure() == null ? null : event.measure().name(), event.indicator(),
                    target.comparator().name(), target.value(), target.unit(),
                    event.activityId() == null ? null : event.activityId().value(), event.fromYear(),
                    event.toYear(), event.untilThePlanEnds(), event.decision().body(), event.decision().reference(),
                    event.decision().paragraph(), Date.valueOf(event.occurredOn()));
        }
    }

    @EventHandler
    void on(GoalRevisedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            Target target = event.target();
            jdbc.update("update plan_goal_view set comparator = ?, target_value = ?, unit = ? "
                            + "where generation = ? and plan_id = ? and goal_id = ?", target.comparator().name(),
                    target.value(), target.unit(), generation, event.planId().value(), event.goalId().value());
            insertTarget(generation, event.planId(), event.goalId(), sequence, target, event.decision(),
                    event.reason(), event.occurredOn());
        }
    }

    @EventHandler
    void on(GoalWithdrawnEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.planId(), sequence)) {
            jdbc.update("update plan_goal_view set withdrawn_on = ?, withdrawal_reason = ? "
                            + "where generation = ? and plan_id = ? and goal_id = ?",
                    Date.valueOf(event.occurredOn()), event.reason(), generation, event.planId().value(),
                    event.goalId().value());
        }
    }

    /**
     * A goal's reported outcome is not part of the plan's view (the yearly goal report shows it), but its number in
     * the plan's stream is: every later event expects the one before it ({@link AggregateSequence}).
     */
    @EventHandler
    void on(GoalOutcomeReportedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        advance(generation(token), event.planId(), sequence);
    }

    /** An event of a type this release does not know takes its number only ({@link AggregateSequence#passUnknown}). */
    @EventHandler
    void on(UnknownSerializedType unknown, EventMessage<?> message, TrackingToken token) {
        AggregateSequence.passUnknown(jdbc, "plan_view", "plan_id", generation(token), "Plan", message);
    }

    /** Clears the generation these handlers write, and only that one: the others belong to other processors. */
    @ResetHandler
    void reset() {
        written.clear(this);
    }

    private int active() {
        return generations.of(PROCESSING_GROUP).active();
    }

    /** Moves the plan's applied sequence forward; false when this event was applied before, parked when
     * it is not the next one ({@link AggregateSequence}). */
    private boolean advance(int generation, PlanId planId, long sequence) {
        return AggregateSequence.advance(jdbc, "plan_view", "plan_id", generation, planId.value(),
                sequence);
    }

    private void updateActivity(int generation, PlanId planId, ActivityId activityId, String assignments,
                                Object... values) {
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = generation;
        arguments[values.length + 1] = planId.value();
        arguments[values.length + 2] = activityId.value();
        jdbc.update("update plan_activity_view set " + assignments
                + " where generation = ? and plan_id = ? and activity_id = ?", arguments);
    }

    private void insertTarget(int generation, PlanId planId, GoalId goalId, long sequence, Target target,
                              Decision decision, String reason, LocalDate decidedOn) {
        jdbc.update("""
                insert into plan_goal_target_view (generation, plan_id, goal_id, event_sequence, comparator,
                                                   target_value, unit, decided_by, decision_reference,
                                                   decision_paragraph, reason, decided_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                generation, planId.value(), goalId.value(), sequence, target.comparator().name(), target.value(),
                target.unit(), decision.body(), decision.reference(), decision.paragraph(), reason,
                Date.valueOf(decidedOn));
    }

    // ---------------------------------------------------------------------------------------------- queries

    @QueryHandler
    public List<PlanSummary> handle(FindPlansQuery query) {
        return jdbc.query("""
                select p.*,
                       (select count(*) from plan_area_view a
                        where a.generation = p.generation and a.plan_id = p.plan_id) as area_count,
                       (select count(*) from plan_activity_view a
                        where a.generation = p.generation and a.plan_id = p.plan_id) as activity_count,
                       (select count(*) from plan_goal_view g
                        where g.generation = p.generation and g.plan_id = p.plan_id) as goal_count
                from plan_view p
                where p.generation = ?
                order by p.adopted_on desc, p.plan_id""",
                (rs, row) -> new PlanSummary(new PlanId(rs.getString("plan_id")), rs.getString("title"),
                        rs.getString("municipality"), period(rs), localDate(rs, "adopted_on"),
                        rs.getInt("area_count"), rs.getInt("activity_count"), rs.getInt("goal_count")), active());
    }

    @QueryHandler
    public Boolean handle(PlanRecordedQuery query) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from plan_view where generation = ? and plan_id = ?)", Boolean.class,
                active(), query.planId().value()));
    }

    @QueryHandler
    public Optional<PlanView> handle(FindPlanQuery query) {
        String planId = query.planId().value();
        int generation = active();
        List<PlanView> plans = jdbc.query("select * from plan_view where generation = ? and plan_id = ?",
                (rs, row) -> new PlanView(
                new PlanId(rs.getString("plan_id")), rs.getString("title"), rs.getString("municipality"),
                new Decision(rs.getString("adopted_by"), rs.getString("adoption_reference"),
                        rs.getString("adoption_paragraph")),
                localDate(rs, "adopted_on"), period(rs), localDate(rs, "last_revised_on"),
                rs.getLong("last_sequence"), sections(generation, planId), decisions(generation, planId),
                areas(generation, planId), goals(generation, planId), recurringGoals(generation, planId),
                scope(rs)),
                generation, planId);
        return plans.stream().findFirst();
    }

    private List<AreaView> areas(int generation, String planId) {
        Map<AreaId, List<ActivityView>> activitiesByArea = new LinkedHashMap<>();
        withParties(jdbc.query("select * from plan_activity_view where generation = ? and plan_id = ? "
                + "order by ordinal", (rs, row) -> activity(rs), generation, planId))
                .forEach(activity -> activitiesByArea.computeIfAbsent(activity.areaId(), id -> new ArrayList<>())
                        .add(activity));
        return jdbc.query("select * from plan_area_view where generation = ? and plan_id = ? order by ordinal",
                (rs, row) -> {
            AreaId areaId = new AreaId(rs.getString("area_id"));
            return new AreaView(areaId, integer(rs, "area_number"), rs.getString("name"), rs.getString("description"),
                    List.copyOf(activitiesByArea.getOrDefault(areaId, List.of())));
        }, generation, planId);
    }

    private ActivityView activity(ResultSet rs) throws SQLException {
        return new ActivityView(new ActivityId(rs.getString("activity_id")), new AreaId(rs.getString("area_id")),
                ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                responsibility(rs),
                new Timeline(integer(rs, "timeline_from"), integer(rs, "timeline_to")),
                ActivityStatus.valueOf(rs.getString("status")), localDate(rs, "added_on"),
                localDate(rs, "started_on"), localDate(rs, "closed_on"), rs.getString("closing_note"),
                rs.getString("latest_note"), localDate(rs, "latest_note_on"), underWay(rs), List.of());
    }

    /** Rows written before joint leads have no co-leads (null) and a lead "samtliga nämnder" reads as the marker. */
    private Responsibility responsibility(ResultSet rs) throws SQLException {
        String coLeads = rs.getString("co_lead_parties");
        return new Responsibility(rs.getString("lead_party"), fromJson(rs.getString("involved_parties")),
                coLeads == null ? null : fromJson(coLeads), rs.getBoolean("all_committees"));
    }

    /** The activities with their responsible parties, each with the registered party its name names, if any. */
    private List<ActivityView> withParties(List<ActivityView> activities) {
        List<String> names = new ArrayList<>();
        activities.forEach(activity -> {
            names.addAll(activity.responsibility().leads());
            names.addAll(activity.responsibility().involved());
        });
        Map<String, NamedParty> named = parties.named(names);
        return activities.stream().map(activity -> {
            List<ResponsiblePartyView> responsible = new ArrayList<>();
            activity.responsibility().leads().forEach(name -> responsible.add(party(name, PartyRole.LEAD, named)));
            activity.responsibility().involved()
                    .forEach(name -> responsible.add(party(name, PartyRole.INVOLVED, named)));
            return new ActivityView(activity.activityId(), activity.areaId(), activity.kind(), activity.title(),
                    activity.description(), activity.responsibility(), activity.timeline(), activity.status(),
                    activity.addedOn(), activity.startedOn(), activity.closedOn(), activity.closingNote(),
                    activity.latestNote(), activity.latestNoteOn(), activity.underWayAtAdoption(),
                    List.copyOf(responsible));
        }).toList();
    }

    private static ResponsiblePartyView party(String name, PartyRole role, Map<String, NamedParty> named) {
        NamedParty party = named.get(PartyNames.storedKey(name));
        return party == null ? new ResponsiblePartyView(name, role, null, null, null)
                : new ResponsiblePartyView(name, role, party.partyId(), party.name(), party.abbreviation());
    }

    private static UnderWay underWay(ResultSet rs) throws SQLException {
        String underWay = rs.getString("under_way_at_adoption");
        if (underWay == null) {
            return null;
        }
        return UNDER_WAY_SINCE_BEFORE_PLAN.equals(underWay) ? UnderWay.beforePlan()
                : UnderWay.since(localDate(rs, "started_on"));
    }

    private List<PlanSection> sections(int generation, String planId) {
        return jdbc.query("select * from plan_section_view where generation = ? and plan_id = ? order by ordinal",
                (rs, row) -> new PlanSection(rs.getString("heading"), rs.getString("body")), generation, planId);
    }

    /**
     * The chain of decisions by the date each now reads, then by recording; each decision as its latest correction
     * has it, with what it read before every correction.
     */
    private List<DecisionView> decisions(int generation, String planId) {
        Map<String, List<CorrectionRow>> corrections = new LinkedHashMap<>();
        jdbc.query("select * from plan_decision_correction_view where generation = ? and plan_id = ? "
                + "order by event_sequence", rs -> {
            corrections.computeIfAbsent(rs.getString("decision_id"), id -> new ArrayList<>()).add(new CorrectionRow(
                    decision(rs), localDate(rs, "decided_on"), rs.getString("reason"), localDate(rs, "corrected_on")));
        }, generation, planId);
        List<DecisionRow> recorded = jdbc.query("select * from plan_decision_view where generation = ? "
                        + "and plan_id = ? order by event_sequence",
                (rs, row) -> new DecisionRow(new DecisionId(rs.getString("decision_id")),
                        DecisionKind.valueOf(rs.getString("kind")), decision(rs), localDate(rs, "decided_on"),
                        rs.getString("summary"), rs.getLong("event_sequence")), generation, planId);
        List<DecisionView> chain = new ArrayList<>();
        for (DecisionRow row : recorded) {
            Decision decision = row.decision();
            LocalDate decidedOn = row.decidedOn();
            List<DecisionCorrectionView> history = new ArrayList<>();
            for (CorrectionRow correction : corrections.getOrDefault(row.decisionId().value(), List.of())) {
                history.add(new DecisionCorrectionView(decision, decidedOn, correction.reason(),
                        correction.correctedOn()));
                decision = correction.decision();
                decidedOn = correction.decidedOn();
            }
            chain.add(new DecisionView(row.decisionId(), row.kind(), decision, decidedOn, row.summary(),
                    List.copyOf(history)));
        }
        chain.sort(Comparator.comparing(DecisionView::decidedOn));
        return List.copyOf(chain);
    }

    private record DecisionRow(DecisionId decisionId, DecisionKind kind, Decision decision, LocalDate decidedOn,
                               String summary, long sequence) {
    }

    private record CorrectionRow(Decision decision, LocalDate decidedOn, String reason, LocalDate correctedOn) {
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(rs.getString("decided_by"), rs.getString("decision_reference"),
                rs.getString("decision_paragraph"));
    }

    private List<GoalView> goals(int generation, String planId) {
        Map<String, List<TargetHistoryEntry>> history = new LinkedHashMap<>();
        jdbc.query("select * from plan_goal_target_view where generation = ? and plan_id = ? "
                + "order by event_sequence", rs -> {
            history.computeIfAbsent(rs.getString("goal_id"), id -> new ArrayList<>()).add(new TargetHistoryEntry(
                    target(rs), new Decision(rs.getString("decided_by"), rs.getString("decision_reference"),
                    rs.getString("decision_paragraph")), rs.getString("reason"), localDate(rs, "decided_on")));
        }, generation, planId);
        return jdbc.query("select * from plan_goal_view where generation = ? and plan_id = ? "
                        + "order by goal_year, ordinal",
                (rs, row) -> new GoalView(new GoalId(rs.getString("goal_id")), rs.getInt("goal_year"),
                        GoalKind.valueOf(rs.getString("kind")), rs.getString("indicator"), target(rs),
                        rs.getString("activity_id") == null ? null : new ActivityId(rs.getString("activity_id")),
                        localDate(rs, "set_on"), rs.getDate("withdrawn_on") != null, localDate(rs, "withdrawn_on"),
                        rs.getString("withdrawal_reason"),
                        List.copyOf(history.getOrDefault(rs.getString("goal_id"), List.of())),
                        rs.getString("recurring_goal_id") == null ? null
                                : new GoalId(rs.getString("recurring_goal_id"))), generation, planId);
    }

    private List<RecurringGoalView> recurringGoals(int generation, String planId) {
        Map<String, List<GoalId>> yearGoals = new LinkedHashMap<>();
        jdbc.query("select goal_id, recurring_goal_id from plan_goal_view where generation = ? and plan_id = ? "
                + "and recurring_goal_id is not null order by goal_year, ordinal", rs -> {
            yearGoals.computeIfAbsent(rs.getString("recurring_goal_id"), id -> new ArrayList<>())
                    .add(new GoalId(rs.getString("goal_id")));
        }, generation, planId);
        return jdbc.query("select * from plan_recurring_goal_view where generation = ? and plan_id = ? "
                        + "order by ordinal",
                (rs, row) -> new RecurringGoalView(new GoalId(rs.getString("goal_id")),
                        GoalKind.valueOf(rs.getString("kind")),
                        rs.getString("measure") == null ? null : Measure.valueOf(rs.getString("measure")),
                        rs.getString("indicator"), target(rs),
                        rs.getString("activity_id") == null ? null : new ActivityId(rs.getString("activity_id")),
                        rs.getInt("from_year"), rs.getInt("to_year"), rs.getBoolean("until_the_plan_ends"),
                        new Decision(rs.getString("decided_by"), rs.getString("decision_reference"),
                                rs.getString("decision_paragraph")),
                        localDate(rs, "set_on"),
                        List.copyOf(yearGoals.getOrDefault(rs.getString("goal_id"), List.of()))),
                generation, planId);
    }

    private static Target target(ResultSet rs) throws SQLException {
        return new Target(TargetComparator.valueOf(rs.getString("comparator")), rs.getBigDecimal("target_value"),
                rs.getString("unit"));
    }

    private static PlanPeriod period(ResultSet rs) throws SQLException {
        return new PlanPeriod(rs.getInt("period_from"), integer(rs, "period_to"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** The scope as recorded, or the municipality the plan was adopted for when none was. */
    private PlanScope scope(ResultSet rs) throws SQLException {
        String municipalities = rs.getString("scope_municipalities");
        if (municipalities == null) {
            return PlanScope.ofMunicipality(rs.getString("municipality"));
        }
        return new PlanScope(fromJson(municipalities),
                fromJson(rs.getString("scope_parties")).stream().map(PartyId::new).toList());
    }

    private String toJson(List<String> parties) {
        try {
            return json.writeValueAsString(parties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("party names could not be written as JSON", e);
        }
    }

    private List<String> fromJson(String parties) {
        try {
            return json.readValue(parties, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored party names are not a JSON array", e);
        }
    }
}
