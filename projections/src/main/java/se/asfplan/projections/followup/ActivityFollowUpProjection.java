package se.asfplan.projections.followup;

import static se.asfplan.domain.shared.RecordingMetadataKeys.RECORDED_BY;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCancelledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityCompletedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityProgressReportedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityRescheduledEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityResponsibilityChangedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanFactRetractedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanRevisedEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.projections.followup.FollowUpFact.FactType;
import se.asfplan.projections.followup.FollowUpFact.Recording;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpReport;
import se.asfplan.projections.followup.FollowUpQueries.FindActivityFollowUpQuery;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;
import se.asfplan.projections.support.EventPositions;
import se.asfplan.projections.support.Retraction;

/**
 * Keeps every plan event about the plan's heading, its areas and its activities as a row of
 * {@code activity_followup_fact}, and answers the follow-up by folding a plan's facts at query time
 * ({@link ActivityFollowUpFold}), never by replaying the event store. A fact is inserted only when its event id is
 * absent from the generation it writes, so redelivery after a crash or a segment hand-over is harmless. Every row
 * belongs to a generation: the live processor writes the active one, a rebuild's processor the one it fills
 * ({@code ProjectionRebuilds}); a query reads the active generation unless it names the one being rebuilt.
 */
@Component
@ProcessingGroup(ActivityFollowUpProjection.PROCESSING_GROUP)
@ReadModelTables({"activity_followup_fact"})
public class ActivityFollowUpProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "activity-followup";

    /**
     * Party names are kept as a JSON array of strings. A plain mapper of its own (not the application's) writes them,
     * so that every generation, whichever processor wrote it, holds them in exactly the same form.
     */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;

    /**
     * The Spring bean is the set of handlers of the live processor named {@value #PROCESSING_GROUP}; {@link
     * #writing} makes those of a rebuild's processor.
     */
    public ActivityFollowUpProjection(JdbcTemplate jdbc, ProjectionGenerations generations, WrittenGeneration written) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.written = written;
    }

    @Override
    public ActivityFollowUpProjection writing(int generation) {
        return new ActivityFollowUpProjection(jdbc, generations, written.rebuilding(generation));
    }

    private int generation() {
        return written.current(PROCESSING_GROUP);
    }

    // ---------------------------------------------------------------------------------------------- events

    @EventHandler
    void on(PlanAdoptedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.planFact(recording(eventId, token, recordedAt, recordedBy), event.planId(),
                FactType.PLAN_ADOPTED, event.occurredOn(), event.title(), event.municipality(), event.period(),
                null));
    }

    @EventHandler
    void on(PlanRevisedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.planFact(recording(eventId, token, recordedAt, recordedBy), event.planId(),
                FactType.PLAN_REVISED, event.occurredOn(), event.title(), null, event.period(), event.reason()));
    }

    @EventHandler
    void on(AreaAddedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.areaAdded(recording(eventId, token, recordedAt, recordedBy), event.planId(),
                event.areaId(), event.name(), event.occurredOn()));
    }

    @EventHandler
    void on(ActivityAddedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.activityAdded(recording(eventId, token, recordedAt, recordedBy), event.planId(),
                event.activityId(), event.areaId(), event.kind(), event.title(), event.responsibility(),
                event.timeline(), event.occurredOn()));
    }

    @EventHandler
    void on(ActivityStartedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.activityFact(recording(eventId, token, recordedAt, recordedBy), event.planId(),
                event.activityId(), FactType.STARTED, event.occurredOn(), null));
    }

    @EventHandler
    void on(ActivityProgressReportedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.activityFact(recording(eventId, token, recordedAt, recordedBy), event.planId(),
                event.activityId(), FactType.PROGRESS_REPORTED, event.occurredOn(), event.note()));
    }

    @EventHandler
    void on(ActivityRescheduledEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.rescheduled(recording(eventId, token, recordedAt, recordedBy), event.planId(),
                event.activityId(), event.timeline(), event.reason(), event.occurredOn()));
    }

    @EventHandler
    void on(ActivityResponsibilityChangedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.responsibilityChanged(recording(eventId, token, recordedAt, recordedBy),
                event.planId(), event.activityId(), event.responsibility(), event.reason(), event.occurredOn()));
    }

    @EventHandler
    void on(ActivityCompletedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.activityFact(recording(eventId, token, recordedAt, recordedBy), event.planId(),
                event.activityId(), FactType.COMPLETED, event.occurredOn(), event.note()));
    }

    @EventHandler
    void on(ActivityCancelledEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(FollowUpFact.activityFact(recording(eventId, token, recordedAt, recordedBy), event.planId(),
                event.activityId(), FactType.CANCELLED, event.occurredOn(), event.reason()));
    }

    /**
     * A retraction of a plan fact recorded in error, kept as a fact of its own (with the reason as its note); the
     * fold reads it through {@link #retractions} and leaves the retracted fact out from the moment it was recorded.
     */
    @EventHandler
    void on(PlanFactRetractedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        Recording recording = recording(eventId, token, recordedAt, recordedBy);
        int generation = generation();
        jdbc.update("""
                insert into activity_followup_fact (generation, event_id, global_index, plan_id, activity_id, fact,
                                                    occurred_on, recorded_at, recorded_by, note, retracts_event_id)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from activity_followup_fact where generation = ? and event_id = ?)""",
                generation, recording.eventId(), recording.globalIndex(), event.planId().value(),
                event.activityId() == null ? null : event.activityId().value(), FactType.RETRACTED.name(),
                Date.valueOf(event.occurredOn()), OffsetDateTime.ofInstant(recording.recordedAt(), ZoneOffset.UTC),
                recording.recordedBy(), event.reason(), event.retractedEventId(), generation, recording.eventId());
    }

    private List<Retraction> retractions(int generation, PlanId planId) {
        return jdbc.query("""
                select event_id, global_index, recorded_at, recorded_by, occurred_on, note, retracts_event_id
                from activity_followup_fact where generation = ? and plan_id = ? and fact = ?""",
                (rs, row) -> new Retraction(rs.getString("event_id"), rs.getLong("global_index"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                        rs.getDate("occurred_on").toLocalDate(), rs.getString("note"),
                        rs.getString("retracts_event_id")),
                generation, planId.value(), FactType.RETRACTED.name());
    }

    /** Clears the generation these handlers write, and only that one: the others belong to other processors. */
    @ResetHandler
    void reset() {
        written.clear(this);
    }

    /**
     * The event's recording. The position is the event's own, read from the event store ({@link EventPositions}:
     * the token's may be a later event's); a tracking token shows that a streaming processor calls. The timestamp is
     * kept to the microsecond, the precision both databases store.
     */
    private Recording recording(String eventId, TrackingToken token, Instant recordedAt, String recordedBy) {
        if (token == null) {
            throw new IllegalStateException("event " + eventId + " arrived without a tracking token; the "
                    + PROCESSING_GROUP + " group must run as a streaming processor");
        }
        return new Recording(eventId, EventPositions.of(jdbc, eventId, token),
                recordedAt.truncatedTo(ChronoUnit.MICROS), recordedBy);
    }

    /** Inserts the fact into the generation this processor writes, unless that generation has the event already. */
    private void insert(FollowUpFact fact) {
        Responsibility responsibility = fact.responsibility();
        Timeline timeline = fact.timeline();
        PlanPeriod period = fact.period();
        int generation = generation();
        jdbc.update("""
                insert into activity_followup_fact (generation, event_id, global_index, plan_id, activity_id, fact,
                                                    occurred_on, recorded_at, recorded_by, area_id, area_name, kind,
                                                    title, lead_party, co_lead_parties, all_committees,
                                                    involved_parties, timeline_from, timeline_to, note, municipality,
                                                    period_from, period_to)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from activity_followup_fact where generation = ? and event_id = ?)""",
                generation, fact.eventId(), fact.globalIndex(), fact.planId().value(),
                fact.activityId() == null ? null : fact.activityId().value(), fact.type().name(),
                Date.valueOf(fact.occurredOn()), OffsetDateTime.ofInstant(fact.recordedAt(), ZoneOffset.UTC),
                fact.recordedBy(), fact.areaId() == null ? null : fact.areaId().value(), fact.areaName(),
                fact.kind() == null ? null : fact.kind().name(), fact.title(),
                responsibility == null ? null : responsibility.lead(),
                responsibility == null ? null : toJson(responsibility.coLeads()),
                responsibility == null ? null : responsibility.allCommittees(),
                responsibility == null ? null : toJson(responsibility.involved()),
                timeline == null ? null : timeline.fromYear(), timeline == null ? null : timeline.toYear(),
                fact.text(), fact.municipality(), period == null ? null : period.fromYear(),
                period == null ? null : period.toYear(), generation, fact.eventId());
    }

    // ---------------------------------------------------------------------------------------------- queries

    @QueryHandler
    public Optional<ActivityFollowUpReport> handle(FindActivityFollowUpQuery query) {
        int read = generations.named(PROCESSING_GROUP, query.generation());
        List<FollowUpFact> facts = jdbc.query("""
                select * from activity_followup_fact where generation = ? and plan_id = ? order by global_index""",
                (rs, row) -> fact(rs), read, query.planId().value());
        return ActivityFollowUpFold.fold(facts, retractions(read, query.planId()), query);
    }

    private static FollowUpFact fact(ResultSet rs) throws SQLException {
        FactType type = FactType.valueOf(rs.getString("fact"));
        String involved = rs.getString("involved_parties");
        String coLeads = rs.getString("co_lead_parties");
        boolean hasTimeline = type == FactType.ADDED || type == FactType.RESCHEDULED;
        Integer periodFrom = integer(rs, "period_from");
        return new FollowUpFact(rs.getString("event_id"), rs.getLong("global_index"),
                new PlanId(rs.getString("plan_id")),
                rs.getString("activity_id") == null ? null : new ActivityId(rs.getString("activity_id")), type,
                rs.getDate("occurred_on").toLocalDate(), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"),
                rs.getString("area_id") == null ? null : new AreaId(rs.getString("area_id")),
                rs.getString("area_name"),
                rs.getString("kind") == null ? null : ActivityKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                // a fact about the responsibility always has its involved parties, if only []; rows written before
                // joint leads have no co-leads (null), and a lead "samtliga nämnder" reads as the marker
                involved == null ? null : new Responsibility(rs.getString("lead_party"), fromJson(involved),
                        coLeads == null ? null : fromJson(coLeads), rs.getBoolean("all_committees")),
                hasTimeline ? new Timeline(integer(rs, "timeline_from"), integer(rs, "timeline_to")) : null,
                rs.getString("note"), rs.getString("municipality"),
                periodFrom == null ? null : new PlanPeriod(periodFrom, integer(rs, "period_to")));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static String toJson(List<String> parties) {
        try {
            return JSON.writeValueAsString(parties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("party names could not be written as JSON", e);
        }
    }

    private static List<String> fromJson(String parties) {
        try {
            return JSON.readValue(parties, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored party names are not a JSON array", e);
        }
    }
}
