package se.asfplan.projections.goalreport;

import static se.asfplan.domain.shared.RecordingMetadataKeys.RECORDED_BY;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.EnterpriseEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.BusinessAdviceReceivedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EventParticipationRecordedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToBusinessDialogueEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.LeftIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseClosedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseDetailsChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseRegisteredEvent;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanEvents.ActivityCompletedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalOutcomeReportedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalRevisedEvent;
import se.asfplan.domain.plan.PlanEvents.GoalSetEvent;
import se.asfplan.domain.plan.PlanEvents.GoalWithdrawnEvent;
import se.asfplan.domain.party.PartyEvents.PartyDetailsChangedEvent;
import se.asfplan.domain.party.PartyEvents.PartyNameRecordedEvent;
import se.asfplan.domain.party.PartyEvents.PartyRegisteredEvent;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanScope;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanFactRetractedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanScopeSetEvent;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.domain.procurement.Procedure;
import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.ProcurementEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementAnnouncedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCancelledEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementDividedIntoLotsEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementFactRetractedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementPlannedEvent;
import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations.Generations;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;
import se.asfplan.projections.goalreport.GoalReportFact.FactType;
import se.asfplan.projections.goalreport.GoalReportFact.Place;
import se.asfplan.projections.goalreport.GoalReportFact.Recording;
import se.asfplan.projections.goalreport.GoalReportQueries.FindCountedScopeQuery;
import se.asfplan.projections.goalreport.GoalReportQueries.FindYearlyGoalReportQuery;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;
import se.asfplan.projections.support.EventPositions;
import se.asfplan.projections.support.Retraction;

/**
 * Keeps every event the yearly goal report needs as a fact row, and answers the report by folding those rows
 * ({@link GoalReportFold}). A row is inserted only when no row has the event's identifier, so redelivery after a
 * crash, a segment hand-over or a replay is harmless. The event store is never read on the request path. Every row
 * belongs to a generation: the live processor writes the active one, a rebuild's processor the one it fills
 * ({@code ProjectionRebuilds}); a query reads the active generation unless it names the one being rebuilt.
 */
@Component
@ProcessingGroup(GoalReportProjection.PROCESSING_GROUP)
@ReadModelTables({"goal_report_fact"})
public class GoalReportProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "goal-report";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;
    private final ProcessedPosition processed;
    private final FoldedReports folded = new FoldedReports();

    /**
     * The Spring bean is the set of handlers of the live processor named {@value #PROCESSING_GROUP}; {@link
     * #writing} makes those of a rebuild's processor.
     */
    public GoalReportProjection(JdbcTemplate jdbc, ProjectionGenerations generations, WrittenGeneration written,
                                ProcessedPosition processed) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.written = written;
        this.processed = processed;
    }

    @Override
    public GoalReportProjection writing(int generation) {
        return new GoalReportProjection(jdbc, generations, written.rebuilding(generation), processed);
    }

    private int generation() {
        return written.current(PROCESSING_GROUP);
    }

    /**
     * The event's recording, with its own position read from the event store ({@link EventPositions}: the token's
     * may be a later event's).
     */
    private Recording recording(String eventId, TrackingToken token, Instant recordedAt, String recordedBy) {
        if (token == null) {
            throw new IllegalStateException("event " + eventId + " arrived without a tracking token; the "
                    + PROCESSING_GROUP + " group must run as a streaming processor");
        }
        return new Recording(eventId, EventPositions.of(jdbc, eventId, token), recordedAt, recordedBy);
    }

    // ---------------------------------------------------------------------------------------------- goals

    @EventHandler
    void on(GoalSetEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant recordedAt,
            @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.goalSet(recording(eventId, token, recordedAt, recordedBy), event.planId().value(),
                event.goalId().value(), event.year(), event.kind(), event.measure(), event.indicator(),
                event.activityId() == null ? null : event.activityId().value(), event.target(), event.occurredOn()));
    }

    @EventHandler
    void on(GoalRevisedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.goalRevised(recording(eventId, token, recordedAt, recordedBy), event.planId().value(),
                event.goalId().value(), event.target(), event.reason(), event.occurredOn()));
    }

    @EventHandler
    void on(GoalWithdrawnEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.goalWithdrawn(recording(eventId, token, recordedAt, recordedBy),
                event.planId().value(), event.goalId().value(), event.occurredOn()));
    }

    @EventHandler
    void on(GoalOutcomeReportedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.outcomeReported(recording(eventId, token, recordedAt, recordedBy),
                event.planId().value(), event.goalId().value(), event.year(), event.value(), event.source(),
                event.occurredOn()));
    }

    @EventHandler
    void on(ActivityCompletedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.activityCompleted(recording(eventId, token, recordedAt, recordedBy),
                event.planId().value(), event.activityId().value(), event.occurredOn()));
    }

    // ---------------------------------------------------------------------------------------------- enterprises

    @EventHandler
    void on(SocialEnterpriseRegisteredEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.ENTERPRISE_DETAILS, event, event.details().countsAsAsf(), null);
    }

    @EventHandler
    void on(SocialEnterpriseDetailsChangedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.ENTERPRISE_DETAILS, event, event.details().countsAsAsf(), null);
    }

    @EventHandler
    void on(SocialEnterpriseClosedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.ENTERPRISE_CLOSED, event, null, null);
    }

    @EventHandler
    void on(InvitedToIntegrationspaktenEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.IP_INVITED, event, null, null);
    }

    @EventHandler
    void on(JoinedIntegrationspaktenEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.IP_MEMBERSHIP, event, null, event.level().value());
    }

    @EventHandler
    void on(IntegrationspaktenLevelChangedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.IP_MEMBERSHIP, event, null, event.to().value());
    }

    @EventHandler
    void on(LeftIntegrationspaktenEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.IP_LEFT, event, null, null);
    }

    @EventHandler
    void on(InvitedToReferenceGroupEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.REFERENCE_GROUP_INVITED, event, null, null);
    }

    @EventHandler
    void on(InvitedToBusinessDialogueEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.BUSINESS_DIALOGUE_INVITED, event, null, null);
    }

    @EventHandler
    void on(BusinessAdviceReceivedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.BUSINESS_ADVICE_RECEIVED, event, null, null);
    }

    @EventHandler
    void on(EventParticipationRecordedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterprise(recording(eventId, token, recordedAt, recordedBy), FactType.EVENT_PARTICIPATION, event, null, null);
    }

    /**
     * A fact about an enterprise, placed by the activity it carries out and, for its details, by the enterprise's
     * municipality.
     */
    private void enterprise(Recording recording, FactType type, EnterpriseEvent event, Boolean countsAsAsf,
                            String level) {
        String municipality = null;
        if (event instanceof SocialEnterpriseRegisteredEvent registered) {
            municipality = registered.details().municipality();
        } else if (event instanceof SocialEnterpriseDetailsChangedEvent changed) {
            municipality = changed.details().municipality();
        }
        insert(GoalReportFact.enterpriseFact(recording, type, event.enterpriseId().value(), countsAsAsf, level,
                event.occurredOn()).at(new Place(municipality, null, planOf(event.carriesOut()), null, null, null)));
    }

    private static String planOf(PlanActivityReference carriesOut) {
        return carriesOut == null ? null : carriesOut.planId().value();
    }

    // ---------------------------------------------------------------------------------------------- procurements

    @EventHandler
    void on(ProcurementPlannedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        procurement(recording(eventId, token, recordedAt, recordedBy), reserved(event.procedure())
                ? FactType.RESERVED_PROCUREMENT_BEGUN : FactType.PROCUREMENT_BEGUN, event, event.authority());
    }

    /**
     * A reserved procurement announced: begun by the announcement when it is the procurement's first event (not
     * planned first). Its procedure is the one it was begun with.
     */
    @EventHandler
    void on(ProcurementAnnouncedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            TrackingToken token, @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        if (reserved(event.procedure())) {
            procurement(recording(eventId, token, recordedAt, recordedBy), sequence == 0
                    ? FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST : FactType.RESERVED_PROCUREMENT_ANNOUNCED, event,
                    event.authority());
        } else if (sequence == 0) {
            procurement(recording(eventId, token, recordedAt, recordedBy), FactType.PROCUREMENT_BEGUN, event,
                    event.authority());
        }
    }

    @EventHandler
    void on(ProcurementDividedIntoLotsEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        procurement(recording(eventId, token, recordedAt, recordedBy), FactType.PROCUREMENT_DIVIDED_INTO_LOTS, event,
                null);
    }

    /** Every award, to an ASF or not: the fold tells one in a reserved procurement by that procurement's facts. */
    @EventHandler
    void on(ContractAwardedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        procurement(recording(eventId, token, recordedAt, recordedBy), event.supplierIsAsf()
                ? FactType.CONTRACT_AWARDED_TO_ASF : FactType.CONTRACT_AWARDED_TO_OTHER_SUPPLIER, event, null);
    }

    @EventHandler
    void on(ProcurementCancelledEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        procurement(recording(eventId, token, recordedAt, recordedBy), FactType.PROCUREMENT_CANCELLED, event, null);
    }

    /**
     * A fact about a procurement, placed by the activity it carries out and, on the fact that begins the procurement,
     * by its contracting authority.
     */
    private void procurement(Recording recording, FactType type, ProcurementEvent event,
                             ContractingAuthority authority) {
        insert(GoalReportFact.procurementFact(recording, type, event.procurementId().value(), event.occurredOn())
                .at(new Place(null, authority == null ? null : authority.value(), planOf(event.carriesOut()), null,
                        null, null)));
    }

    private static boolean reserved(Procedure procedure) {
        return procedure == Procedure.RESERVED_FOR_EMPLOYMENT || procedure == Procedure.RESERVED_WELFARE_SERVICES;
    }

    // ---------------------------------------------------------------------------------------------- plan scopes

    @EventHandler
    void on(PlanAdoptedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.planFact(recording(eventId, token, recordedAt, recordedBy), FactType.PLAN_ADOPTED,
                event.planId().value(), event.municipality(), null, event.occurredOn()));
    }

    @EventHandler
    void on(PlanScopeSetEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.planFact(recording(eventId, token, recordedAt, recordedBy), FactType.PLAN_SCOPE_SET,
                event.planId().value(), null, GoalReportScope.toJson(event.scope()), event.occurredOn()));
    }

    @EventHandler
    void on(PartyRegisteredEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.partyFact(recording(eventId, token, recordedAt, recordedBy), FactType.PARTY_DETAILS,
                event.partyId().value(), event.name(), event.abbreviation(), event.municipality(),
                event.occurredOn()));
    }

    @EventHandler
    void on(PartyDetailsChangedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.partyFact(recording(eventId, token, recordedAt, recordedBy), FactType.PARTY_DETAILS,
                event.partyId().value(), event.name(), event.abbreviation(), event.municipality(),
                event.occurredOn()));
    }

    @EventHandler
    void on(PartyNameRecordedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(GoalReportFact.partyFact(recording(eventId, token, recordedAt, recordedBy), FactType.PARTY_NAME,
                event.partyId().value(), event.name(), null, null, event.occurredOn()));
    }

    // ---------------------------------------------------------------------------------------------- retractions

    @EventHandler
    void on(EnterpriseFactRetractedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insertRetraction(recording(eventId, token, recordedAt, recordedBy), event.retractedEventId(), event.reason(),
                event.occurredOn());
    }

    @EventHandler
    void on(ProcurementFactRetractedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insertRetraction(recording(eventId, token, recordedAt, recordedBy), event.retractedEventId(), event.reason(),
                event.occurredOn());
    }

    @EventHandler
    void on(PlanFactRetractedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insertRetraction(recording(eventId, token, recordedAt, recordedBy), event.retractedEventId(), event.reason(),
                event.occurredOn());
    }

    /**
     * A retraction as a fact of its own, with no plan, goal or enterprise so no fold counts it; the fold reads it
     * through {@link #retractions(int)}. Inserted only when absent from the generation, like every fact.
     */
    private void insertRetraction(Recording recording, String retractedEventId, String reason,
                                  LocalDate occurredOn) {
        int generation = generation();
        jdbc.update("""
                insert into goal_report_fact (generation, event_id, global_index, fact, occurred_on, recorded_at,
                                              recorded_by, text, retracts_event_id)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from goal_report_fact where generation = ? and event_id = ?)""",
                generation, recording.eventId(), recording.globalIndex(), FactType.RETRACTION.name(),
                Date.valueOf(occurredOn), recording.recordedAt().atOffset(ZoneOffset.UTC), recording.recordedBy(),
                reason, retractedEventId, generation, recording.eventId());
    }

    private List<Retraction> retractions(int generation) {
        return jdbc.query("""
                select event_id, global_index, recorded_at, recorded_by, occurred_on, text, retracts_event_id
                from goal_report_fact where generation = ? and fact = ?""",
                (rs, row) -> new Retraction(rs.getString("event_id"), rs.getLong("global_index"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                        rs.getDate("occurred_on").toLocalDate(), rs.getString("text"),
                        rs.getString("retracts_event_id")),
                generation, FactType.RETRACTION.name());
    }

    // ---------------------------------------------------------------------------------------------- storage

    /** Inserts the fact into the generation this processor writes, unless that generation has the event already. */
    private void insert(GoalReportFact fact) {
        Target target = fact.target();
        int generation = generation();
        jdbc.update("""
                insert into goal_report_fact (generation, event_id, global_index, fact, occurred_on, recorded_at,
                                              recorded_by, plan_id, goal_id, goal_year, goal_kind, measure,
                                              indicator, activity_id, target_comparator, target_value, target_unit,
                                              outcome_value, text, enterprise_id, counts_as_asf, ip_level,
                                              procurement_id, municipality, authority, carries_out_plan_id, party_id,
                                              party_abbreviation, plan_scope)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from goal_report_fact where generation = ? and event_id = ?)""",
                generation, fact.eventId(), fact.globalIndex(), fact.type().name(), Date.valueOf(fact.occurredOn()),
                fact.recordedAt().atOffset(ZoneOffset.UTC), fact.recordedBy(), fact.planId(), fact.goalId(),
                fact.year(), fact.kind() == null ? null : fact.kind().name(),
                fact.measure() == null ? null : fact.measure().name(), fact.indicator(), fact.activityId(),
                target == null ? null : target.comparator().name(), target == null ? null : target.value(),
                target == null ? null : target.unit(), fact.value(), fact.text(), fact.enterpriseId(),
                fact.countsAsAsf(), fact.level(), fact.procurementId(), fact.place().municipality(),
                fact.place().authority(), fact.place().carriesOutPlanId(), fact.place().partyId(),
                fact.place().abbreviation(), fact.place().planScope(), generation, fact.eventId());
    }

    /** Clears the generation these handlers write, and only that one: the others belong to other processors. */
    @ResetHandler
    void reset() {
        written.clear(this);
    }

    // ---------------------------------------------------------------------------------------------- queries

    /**
     * The yearly goal report, as {@link #fold} gives it. A report of the active generation that was folded before is
     * returned again while the generation holds no fact beyond the position it reflected ({@link FoldedReports}).
     */
    @QueryHandler
    public List<GoalReportRow> handle(FindYearlyGoalReportQuery query) {
        Generations groupGenerations = generations.of(PROCESSING_GROUP);
        int read = query.generation() != null ? query.generation() : groupGenerations.active();
        if (read != groupGenerations.active()) {
            return fold(query, read);
        }
        FoldedReports.Question question = new FoldedReports.Question(read, query.planId(), query.year(),
                query.asOf(), query.today());
        Optional<FoldedReports.Folded> kept = folded.get(question);
        if (kept.isPresent() && !factsAfter(read, kept.get().position())) {
            return kept.get().rows();
        }
        OptionalLong position = processed.of(groupGenerations.processorWriting(read));
        List<GoalReportRow> rows = fold(query, read);
        position.ifPresent(before -> folded.put(question, before, rows));
        return rows;
    }

    /**
     * The plan's goal facts and every measured fact (those carry no plan), of the generation asked for (the active one
     * when it names none), folded now; the fold picks the year. The recomputation compares this, never a kept report.
     */
    public List<GoalReportRow> fold(FindYearlyGoalReportQuery query) {
        return fold(query, generations.named(PROCESSING_GROUP, query.generation()));
    }

    private List<GoalReportRow> fold(FindYearlyGoalReportQuery query, int read) {
        List<GoalReportFact> facts = jdbc.query("""
                select * from goal_report_fact
                where generation = ? and fact <> ? and (plan_id = ? or plan_id is null)""",
                (rs, row) -> fact(rs), read, FactType.RETRACTION.name(), query.planId());
        GoalReportScope scope = GoalReportScope.of(facts, query.planId(), query.asOf());
        return GoalReportFold.fold(scope.counted(facts, query.year(), query.asOf()), retractions(read),
                query.planId(), query.year(), query.asOf(), query.today());
    }

    /** Whether the generation holds a fact of an event after the position (one look-up of its position index). */
    private boolean factsAfter(int generation, long position) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from goal_report_fact where generation = ? and global_index > ?)""",
                Boolean.class, generation, position));
    }

    /**
     * The scope the yearly goal report of the plan counts, as recorded at {@code asOf}: the municipality the plan
     * was adopted for until its scope was set; empty when the plan is not in the read model.
     */
    @QueryHandler
    public Optional<PlanScope> handle(FindCountedScopeQuery query) {
        int read = generations.named(PROCESSING_GROUP, query.generation());
        List<GoalReportFact> facts = jdbc.query("""
                select * from goal_report_fact
                where generation = ? and (fact in (?, ?) and plan_id = ? or fact in (?, ?))""",
                (rs, row) -> fact(rs), read, FactType.PLAN_ADOPTED.name(), FactType.PLAN_SCOPE_SET.name(),
                query.planId(), FactType.PARTY_DETAILS.name(), FactType.PARTY_NAME.name());
        return Optional.ofNullable(GoalReportScope.of(facts, query.planId(), query.asOf()).scope());
    }

    /** A decimal column without the zeros its scale pads, and never in exponent form (10, not 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static GoalReportFact fact(ResultSet rs) throws SQLException {
        String comparator = rs.getString("target_comparator");
        Target target = comparator == null ? null : new Target(TargetComparator.valueOf(comparator),
                rs.getBigDecimal("target_value"), rs.getString("target_unit"));
        int year = rs.getInt("goal_year");
        Integer goalYear = rs.wasNull() ? null : year;
        boolean asf = rs.getBoolean("counts_as_asf");
        Boolean countsAsAsf = rs.wasNull() ? null : asf;
        String kind = rs.getString("goal_kind");
        String measure = rs.getString("measure");
        BigDecimal value = rs.getBigDecimal("outcome_value");
        return new GoalReportFact(rs.getString("event_id"), rs.getLong("global_index"),
                FactType.valueOf(rs.getString("fact")), rs.getDate("occurred_on").toLocalDate(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                rs.getString("plan_id"), rs.getString("goal_id"), goalYear,
                kind == null ? null : GoalKind.valueOf(kind), measure == null ? null : measure(measure),
                rs.getString("indicator"), rs.getString("activity_id"), target,
                plain(value), rs.getString("text"),
                rs.getString("enterprise_id"), countsAsAsf, rs.getString("ip_level"),
                rs.getString("procurement_id"), new Place(rs.getString("municipality"), rs.getString("authority"),
                        rs.getString("carries_out_plan_id"), rs.getString("party_id"),
                        rs.getString("party_abbreviation"), rs.getString("plan_scope")));
    }

    /** A stored measure by its name, or by the name it had when the row was written before a rename. */
    private static Measure measure(String name) {
        return Measure.named(name).orElseThrow(() -> new IllegalStateException(
                "goal_report_fact names the measure " + name + ", which no measure has or had"));
    }
}
