package se.asfplan.projections.meeting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.meeting.MeetingEvents.MeetingFactRetractedEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingParticipantsCorrectedEvent;
import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.domain.meeting.MeetingKind;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.support.AggregateSequence;
import se.asfplan.projections.support.ListPage;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingPageQuery;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingQuery;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingsCarryingOutQuery;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingsQuery;
import se.asfplan.projections.meeting.MeetingQueries.MeetingPage;
import se.asfplan.projections.meeting.MeetingQueries.MeetingView;

/**
 * Folds meeting events into {@code meeting_view}. A meeting is inserted once; a correction applies only when its
 * sequence number is newer than the last one applied, so redelivery is harmless. Every row belongs to a generation:
 * the live processor writes the active one ({@link StateGenerations}), a rebuild's processor the one it fills
 * ({@code ProjectionRebuilds}); the queries read the active generation.
 */
@Component
@ProcessingGroup(MeetingProjection.PROCESSING_GROUP)
@ReadModelTables({"meeting_view"})
public class MeetingProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "meetings";

    /** The meeting list's order: newest first, then by id, so that pages neither overlap nor skip. */
    private static final String LIST_ORDER = "order by occurred_on desc, meeting_id";
    private static final String JSON_QUOTE = "\"";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;

    /**
     * The Spring bean is the set of handlers of the live processor named {@value #PROCESSING_GROUP}; {@link
     * #writing} makes those of a rebuild's processor.
     */
    public MeetingProjection(JdbcTemplate jdbc, ObjectMapper json, ProjectionGenerations generations,
                             WrittenGeneration written) {
        this.jdbc = jdbc;
        this.json = json;
        this.generations = generations;
        this.written = written;
    }

    @Override
    public MeetingProjection writing(int generation) {
        return new MeetingProjection(jdbc, json, generations, written.rebuilding(generation));
    }

    private int generation(TrackingToken token) {
        return written.forStateEvent(PROCESSING_GROUP, token);
    }

    @EventHandler
    void on(MeetingHeldEvent event, @SequenceNumber long sequence, TrackingToken token,
            @MessageIdentifier String eventId) {
        int generation = generation(token);
        PlanActivityReference carriesOut = event.carriesOut();
        jdbc.update("""
                insert into meeting_view (generation, meeting_id, kind, title, organiser, occurred_on, participants,
                                          plan_id, activity_id, last_sequence, held_event_id)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from meeting_view where generation = ? and meeting_id = ?)""",
                generation, event.meetingId().value(), event.kind().name(), event.title(), event.organiser(),
                Date.valueOf(event.occurredOn()), toJson(event.participants()),
                carriesOut == null ? null : carriesOut.planId().value(),
                carriesOut == null ? null : carriesOut.activityId().value(), sequence, eventId, generation,
                event.meetingId().value());
    }

    /** A retracted meeting stays listed, marked retracted with the day and reason. */
    @EventHandler
    void on(MeetingFactRetractedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (AggregateSequence.advance(jdbc, "meeting_view", "meeting_id", generation, event.meetingId().value(),
                sequence)) {
            jdbc.update("""
                    update meeting_view set retracted_on = ?, retraction_reason = ?
                    where generation = ? and meeting_id = ?""",
                    Date.valueOf(event.occurredOn()), event.reason(), generation, event.meetingId().value());
        }
    }

    @EventHandler
    void on(MeetingParticipantsCorrectedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (AggregateSequence.advance(jdbc, "meeting_view", "meeting_id", generation, event.meetingId().value(),
                sequence)) {
            jdbc.update("""
                    update meeting_view set participants = ?, corrected_on = ?, correction_reason = ?
                    where generation = ? and meeting_id = ?""",
                    toJson(event.participants()), Date.valueOf(event.occurredOn()), event.reason(), generation,
                    event.meetingId().value());
        }
    }

    /** An event of a type this release does not know takes its number only ({@link AggregateSequence#passUnknown}). */
    @EventHandler
    void on(UnknownSerializedType unknown, EventMessage<?> message, TrackingToken token) {
        AggregateSequence.passUnknown(jdbc, "meeting_view", "meeting_id", generation(token), "Meeting", message);
    }

    /** Clears the generation these handlers write, and only that one: the others belong to other processors. */
    @ResetHandler
    void reset() {
        written.clear(this);
    }

    private int active() {
        return generations.of(PROCESSING_GROUP).active();
    }

    // ---------------------------------------------------------------------------------------------- queries

    @QueryHandler
    public List<MeetingView> handle(FindMeetingsQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = listed(query.kind(), query.participant(), arguments);
        return jdbc.query("select * from meeting_view " + where + " " + LIST_ORDER, (rs, row) -> meeting(rs),
                arguments.toArray());
    }

    /** A page of the list, cut in the database ({@link ListPage}). */
    @QueryHandler
    public MeetingPage handle(FindMeetingPageQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = listed(query.kind(), query.participant(), arguments);
        ListPage<MeetingView> listed = ListPage.read(jdbc, "meeting_view", where, LIST_ORDER, arguments,
                query.offset(), query.limit(), (rs, row) -> meeting(rs));
        return new MeetingPage(listed.items(), listed.total());
    }

    /**
     * The where clause of the list's filters on the active generation. A participant is found in the stored JSON
     * array of enterprise ids as its quoted id, which no other id contains (an id is a slug without quotes).
     */
    private String listed(MeetingKind kind, EnterpriseId participant, List<Object> arguments) {
        StringBuilder sql = new StringBuilder("where generation = ?");
        arguments.add(active());
        if (kind != null) {
            sql.append(" and kind = ?");
            arguments.add(kind.name());
        }
        if (participant != null) {
            sql.append(" and participants like ? escape '!'");
            arguments.add("%" + ListPage.likeEscaped(JSON_QUOTE + participant.value() + JSON_QUOTE) + "%");
        }
        return sql.toString();
    }

    @QueryHandler
    public Optional<MeetingView> handle(FindMeetingQuery query) {
        return jdbc.query("select * from meeting_view where generation = ? and meeting_id = ?",
                (rs, row) -> meeting(rs), active(), query.meetingId().value()).stream().findFirst();
    }

    @QueryHandler
    public List<MeetingView> handle(FindMeetingsCarryingOutQuery query) {
        return jdbc.query("select * from meeting_view where generation = ? and plan_id = ? and activity_id = ? "
                        + "order by occurred_on, meeting_id", (rs, row) -> meeting(rs),
                active(), query.planId().value(), query.activityId().value());
    }

    private MeetingView meeting(ResultSet rs) throws SQLException {
        String planId = rs.getString("plan_id");
        return new MeetingView(new MeetingId(rs.getString("meeting_id")), MeetingKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("organiser"), localDate(rs, "occurred_on"),
                fromJson(rs.getString("participants")).stream().map(EnterpriseId::new).toList(),
                planId == null ? null : new PlanActivityReference(new PlanId(planId),
                        new ActivityId(rs.getString("activity_id"))),
                localDate(rs, "corrected_on"), rs.getString("correction_reason"), rs.getLong("last_sequence"),
                rs.getString("held_event_id"), localDate(rs, "retracted_on"), rs.getString("retraction_reason"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private String toJson(List<EnterpriseId> participants) {
        try {
            return json.writeValueAsString(participants.stream().map(EnterpriseId::value).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("participants could not be written as JSON", e);
        }
    }

    private List<String> fromJson(String participants) {
        try {
            return json.readValue(participants, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored participants are not a JSON array", e);
        }
    }
}
