package se.asfplan.projections.statistics;

import static se.asfplan.domain.shared.RecordingMetadataKeys.RECORDED_BY;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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

import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.LeftIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseClosedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseDetailsChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseRegisteredEvent;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.procurement.LegalGround;
import se.asfplan.domain.procurement.Procedure;
import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementAnnouncedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCancelledEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCompletedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementDividedIntoLotsEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementFactRetractedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementNotDividedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementPlannedEvent;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;
import se.asfplan.projections.statistics.StatisticsQueries.FindProcurementStatisticsQuery;
import se.asfplan.projections.statistics.StatisticsQueries.FindRegisterStatisticsQuery;
import se.asfplan.projections.statistics.StatisticsQueries.ProcurementStatisticsRow;
import se.asfplan.projections.statistics.StatisticsQueries.RegisterStatisticsRow;
import se.asfplan.projections.support.EventPositions;
import se.asfplan.projections.support.Retraction;

/**
 * Keeps every enterprise and procurement event the statistics count as a fact row, and answers the statistics
 * queries by folding those rows ({@link RegisterStatistics}, {@link ProcurementStatistics}). A row is inserted
 * only when no row has the event's identifier, so redelivery after a crash, a segment hand-over or a replay is
 * harmless. The event store is never read on the request path. Every row belongs to a generation: the live processor
 * writes the active one, a rebuild's processor the one it fills ({@code ProjectionRebuilds}); a query reads the
 * active generation unless it names the one being rebuilt.
 */
@Component
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
@ReadModelTables({"statistics_enterprise_fact", "statistics_procurement_fact"})
public class StatisticsProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "statistics";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;

    /**
     * The Spring bean is the set of handlers of the live processor named {@value #PROCESSING_GROUP}; {@link
     * #writing} makes those of a rebuild's processor.
     */
    public StatisticsProjection(JdbcTemplate jdbc, ProjectionGenerations generations, WrittenGeneration written) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.written = written;
    }

    @Override
    public StatisticsProjection writing(int generation) {
        return new StatisticsProjection(jdbc, generations, written.rebuilding(generation));
    }

    private int generation() {
        return written.current(PROCESSING_GROUP);
    }

    /** Where an event is and who recorded it: what every fact row starts with. */
    private record Recorded(String eventId, long globalIndex, Instant recordedAt, String recordedBy) {
    }

    /**
     * The event's recording, with its own position read from the event store ({@link EventPositions}: the token's
     * may be a later event's, when events commit out of index order).
     */
    private Recorded recorded(String eventId, TrackingToken token, Instant recordedAt, String recordedBy) {
        if (token == null) {
            throw new IllegalStateException("event " + eventId + " arrived without a tracking token; the "
                    + PROCESSING_GROUP + " group must run as a streaming processor");
        }
        return new Recorded(eventId, EventPositions.of(jdbc, eventId, token), recordedAt, recordedBy);
    }

    // ---------------------------------------------------------------------------------------------- enterprises

    @EventHandler
    void on(SocialEnterpriseRegisteredEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterpriseFact(recorded(eventId, token, recordedAt, recordedBy), event.enterpriseId().value(),
                EnterpriseFact.Kind.REGISTERED, event.occurredOn(), event.details(), null);
    }

    @EventHandler
    void on(SocialEnterpriseDetailsChangedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterpriseFact(recorded(eventId, token, recordedAt, recordedBy), event.enterpriseId().value(),
                EnterpriseFact.Kind.DETAILS_CHANGED, event.occurredOn(), event.details(), null);
    }

    @EventHandler
    void on(SocialEnterpriseClosedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterpriseFact(recorded(eventId, token, recordedAt, recordedBy), event.enterpriseId().value(),
                EnterpriseFact.Kind.CLOSED, event.occurredOn(), null, null);
    }

    @EventHandler
    void on(InvitedToIntegrationspaktenEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterpriseFact(recorded(eventId, token, recordedAt, recordedBy), event.enterpriseId().value(),
                EnterpriseFact.Kind.INVITED_TO_IP, event.occurredOn(), null, null);
    }

    @EventHandler
    void on(JoinedIntegrationspaktenEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterpriseFact(recorded(eventId, token, recordedAt, recordedBy), event.enterpriseId().value(),
                EnterpriseFact.Kind.JOINED_IP, event.occurredOn(), null, event.level());
    }

    @EventHandler
    void on(IntegrationspaktenLevelChangedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterpriseFact(recorded(eventId, token, recordedAt, recordedBy), event.enterpriseId().value(),
                EnterpriseFact.Kind.LEVEL_CHANGED, event.occurredOn(), null, event.to());
    }

    @EventHandler
    void on(LeftIntegrationspaktenEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        enterpriseFact(recorded(eventId, token, recordedAt, recordedBy), event.enterpriseId().value(),
                EnterpriseFact.Kind.LEFT_IP, event.occurredOn(), null, null);
    }

    private void enterpriseFact(Recorded recorded, String enterpriseId, EnterpriseFact.Kind kind,
                                LocalDate occurredOn, EnterpriseDetails details, IntegrationspaktenLevel level) {
        int generation = generation();
        jdbc.update("""
                insert into statistics_enterprise_fact (generation, event_id, global_index, enterprise_id, fact,
                                                        occurred_on, recorded_at, recorded_by, counts_as_asf, municipality,
                                                        district, legal_form, ip_level)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from statistics_enterprise_fact where generation = ? and event_id = ?)""",
                generation, recorded.eventId(), recorded.globalIndex(), enterpriseId, kind.name(),
                Date.valueOf(occurredOn),
                utc(recorded.recordedAt()), recorded.recordedBy(),
                details == null ? null : details.countsAsAsf(), details == null ? null : details.municipality(),
                details == null ? null : details.district(), details == null ? null : details.legalForm().name(),
                level == null ? null : level.value(), generation, recorded.eventId());
    }

    // ---------------------------------------------------------------------------------------------- procurements

    @EventHandler
    void on(ProcurementPlannedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        begun(recorded(eventId, token, recordedAt, recordedBy), event.procurementId().value(), "PLANNED",
                event.authority().value(), event.procedure(), event.legalGround(), event.occurredOn());
    }

    /** Only an announcement that begins the procurement is a fact here; one after planning adds nothing to count. */
    @EventHandler
    void on(ProcurementAnnouncedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            TrackingToken token, @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        if (sequence == 0) {
            begun(recorded(eventId, token, recordedAt, recordedBy), event.procurementId().value(), "ANNOUNCED",
                    event.authority().value(), event.procedure(), event.legalGround(), event.occurredOn());
        }
    }

    @EventHandler
    void on(ProcurementDividedIntoLotsEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        procurementFact(recorded(eventId, token, recordedAt, recordedBy), event.procurementId().value(),
                ProcurementFact.Kind.DIVIDED_INTO_LOTS, event.occurredOn(), event.numberOfLots(), null, null);
    }

    @EventHandler
    void on(ProcurementNotDividedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        procurementFact(recorded(eventId, token, recordedAt, recordedBy), event.procurementId().value(),
                ProcurementFact.Kind.NOT_DIVIDED, event.occurredOn(), null, null, null);
    }

    @EventHandler
    void on(ContractAwardedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        procurementFact(recorded(eventId, token, recordedAt, recordedBy), event.procurementId().value(),
                ProcurementFact.Kind.CONTRACT_AWARDED, event.occurredOn(), null, event.supplierIsAsf(),
                event.value());
    }

    @EventHandler
    void on(ProcurementCompletedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        procurementFact(recorded(eventId, token, recordedAt, recordedBy), event.procurementId().value(),
                ProcurementFact.Kind.COMPLETED, event.occurredOn(), null, null, null);
    }

    @EventHandler
    void on(ProcurementCancelledEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        procurementFact(recorded(eventId, token, recordedAt, recordedBy), event.procurementId().value(),
                ProcurementFact.Kind.CANCELLED, event.occurredOn(), null, null, null);
    }

    private void begun(Recorded recorded, String procurementId, String begunAs, String authority,
                       Procedure procedure, LegalGround ground, LocalDate occurredOn) {
        int generation = generation();
        jdbc.update("""
                insert into statistics_procurement_fact (generation, event_id, global_index, procurement_id, fact,
                                                         occurred_on, recorded_at, recorded_by, begun_as, authority,
                                                         procedure_kind, legal_ground_id, legal_ground_citation)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from statistics_procurement_fact where generation = ? and event_id = ?)""",
                generation, recorded.eventId(), recorded.globalIndex(), procurementId,
                ProcurementFact.Kind.BEGUN.name(),
                Date.valueOf(occurredOn), utc(recorded.recordedAt()), recorded.recordedBy(), begunAs, authority,
                procedure.name(), ground == null ? null : ground.id(), ground == null ? null : ground.citation(),
                generation, recorded.eventId());
    }

    private void procurementFact(Recorded recorded, String procurementId, ProcurementFact.Kind kind,
                                 LocalDate occurredOn, Integer numberOfLots, Boolean supplierIsAsf,
                                 java.math.BigDecimal value) {
        int generation = generation();
        jdbc.update("""
                insert into statistics_procurement_fact (generation, event_id, global_index, procurement_id, fact,
                                                         occurred_on, recorded_at, recorded_by, number_of_lots, supplier_is_asf,
                                                         contract_value)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from statistics_procurement_fact where generation = ? and event_id = ?)""",
                generation, recorded.eventId(), recorded.globalIndex(), procurementId, kind.name(),
                Date.valueOf(occurredOn),
                utc(recorded.recordedAt()), recorded.recordedBy(), numberOfLots, supplierIsAsf, value,
                generation, recorded.eventId());
    }

    // ---------------------------------------------------------------------------------------------- retractions

    @EventHandler
    void on(EnterpriseFactRetractedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        Recorded recorded = recorded(eventId, token, recordedAt, recordedBy);
        int generation = generation();
        jdbc.update("""
                insert into statistics_enterprise_fact (generation, event_id, global_index, enterprise_id, fact,
                                                        occurred_on, recorded_at, recorded_by, retracts_event_id)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from statistics_enterprise_fact where generation = ? and event_id = ?)""",
                generation, recorded.eventId(), recorded.globalIndex(), event.enterpriseId().value(),
                EnterpriseFact.Kind.RETRACTED.name(), Date.valueOf(event.occurredOn()), utc(recorded.recordedAt()),
                recorded.recordedBy(), event.retractedEventId(), generation, recorded.eventId());
    }

    @EventHandler
    void on(ProcurementFactRetractedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        Recorded recorded = recorded(eventId, token, recordedAt, recordedBy);
        int generation = generation();
        jdbc.update("""
                insert into statistics_procurement_fact (generation, event_id, global_index, procurement_id, fact,
                                                         occurred_on, recorded_at, recorded_by, retracts_event_id)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from statistics_procurement_fact where generation = ? and event_id = ?)""",
                generation, recorded.eventId(), recorded.globalIndex(), event.procurementId().value(),
                ProcurementFact.Kind.RETRACTED.name(), Date.valueOf(event.occurredOn()), utc(recorded.recordedAt()),
                recorded.recordedBy(), event.retractedEventId(), generation, recorded.eventId());
    }

    /** The retractions kept in a fact table's generation (the reason is not kept here; the event store has it). */
    private List<Retraction> retractions(String table, String kind, int generation) {
        return jdbc.query("select event_id, global_index, recorded_at, recorded_by, occurred_on, retracts_event_id from "
                        + table + " where generation = ? and fact = ?",
                (rs, row) -> new Retraction(rs.getString("event_id"), rs.getLong("global_index"), recordedAt(rs),
                        rs.getString("recorded_by"), rs.getDate("occurred_on").toLocalDate(), null,
                        rs.getString("retracts_event_id")),
                generation, kind);
    }

    /** Clears the generation these handlers write, and only that one: the others belong to other processors. */
    @ResetHandler
    void reset() {
        written.clear(this);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------------------------------------- queries

    @QueryHandler
    public List<RegisterStatisticsRow> handle(FindRegisterStatisticsQuery query) {
        int read = generations.named(PROCESSING_GROUP, query.generation());
        List<EnterpriseFact> facts = jdbc.query("select * from statistics_enterprise_fact where generation = ?",
                (rs, row) ->
                new EnterpriseFact(rs.getString("event_id"), rs.getLong("global_index"),
                        rs.getString("enterprise_id"), EnterpriseFact.Kind.valueOf(rs.getString("fact")),
                        rs.getDate("occurred_on").toLocalDate(), recordedAt(rs), rs.getString("recorded_by"),
                        bool(rs, "counts_as_asf"), rs.getString("municipality"), rs.getString("district"),
                        rs.getString("legal_form"), rs.getString("ip_level")), read);
        return RegisterStatistics.fold(facts,
                retractions("statistics_enterprise_fact", EnterpriseFact.Kind.RETRACTED.name(), read), query.asOf(),
                query.from(), query.to());
    }

    @QueryHandler
    public List<ProcurementStatisticsRow> handle(FindProcurementStatisticsQuery query) {
        int read = generations.named(PROCESSING_GROUP, query.generation());
        List<ProcurementFact> facts = jdbc.query("select * from statistics_procurement_fact where generation = ?",
                (rs, row) -> {
            int lots = rs.getInt("number_of_lots");
            Integer numberOfLots = rs.wasNull() ? null : lots;
            String procedure = rs.getString("procedure_kind");
            return new ProcurementFact(rs.getString("event_id"), rs.getLong("global_index"),
                    rs.getString("procurement_id"), ProcurementFact.Kind.valueOf(rs.getString("fact")),
                    rs.getDate("occurred_on").toLocalDate(), recordedAt(rs), rs.getString("recorded_by"),
                    rs.getString("authority"), procedure == null ? null : Procedure.valueOf(procedure),
                    rs.getString("legal_ground_id"), rs.getString("legal_ground_citation"), numberOfLots,
                    bool(rs, "supplier_is_asf"), rs.getBigDecimal("contract_value"));
        }, read);
        return ProcurementStatistics.fold(facts,
                retractions("statistics_procurement_fact", ProcurementFact.Kind.RETRACTED.name(), read),
                query.asOf(), query.from(), query.to(), query.authority());
    }

    private static Instant recordedAt(ResultSet rs) throws SQLException {
        return rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
