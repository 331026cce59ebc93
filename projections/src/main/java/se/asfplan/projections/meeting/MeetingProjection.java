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
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingParticipantsCorrectedEvent;
import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.domain.meeting.MeetingKind;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingQuery;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingsCarryingOutQuery;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingsQuery;
import se.asfplan.projections.meeting.MeetingQueries.MeetingView;

/**
 * Folds meeting events into {@code meeting_view}. A meeting is inserted once; a correction applies only when its
 * sequence number is newer than the last one applied, so redelivery is harmless.
 */
@Component
@ProcessingGroup(MeetingProjection.PROCESSING_GROUP)
public class MeetingProjection {

    public static final String PROCESSING_GROUP = "meetings";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public MeetingProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(MeetingHeldEvent event, @SequenceNumber long sequence) {
        PlanActivityReference carriesOut = event.carriesOut();
        jdbc.update("""
                insert into meeting_view (meeting_id, kind, title, organiser, occurred_on, participants, plan_id,
                                          activity_id, last_sequence)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from meeting_view where meeting_id = ?)""",
                event.meetingId().value(), event.kind().name(), event.title(), event.organiser(),
                Date.valueOf(event.occurredOn()), toJson(event.participants()),
                carriesOut == null ? null : carriesOut.planId().value(),
                carriesOut == null ? null : carriesOut.activityId().value(), sequence, event.meetingId().value());
    }

    @EventHandler
    void on(MeetingParticipantsCorrectedEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                update meeting_view set participants = ?, corrected_on = ?, correction_reason = ?, last_sequence = ?
                where meeting_id = ? and last_sequence < ?""",
                toJson(event.participants()), Date.valueOf(event.occurredOn()), event.reason(), sequence,
                event.meetingId().value(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from meeting_view");
    }

    // ---------------------------------------------------------------------------------------------- queries

    @QueryHandler
    public List<MeetingView> handle(FindMeetingsQuery query) {
        StringBuilder sql = new StringBuilder("select * from meeting_view where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (query.kind() != null) {
            sql.append(" and kind = ?");
            arguments.add(query.kind().name());
        }
        sql.append(" order by occurred_on desc, meeting_id");
        List<MeetingView> meetings = jdbc.query(sql.toString(), (rs, row) -> meeting(rs), arguments.toArray());
        return query.participant() == null ? meetings : meetings.stream()
                .filter(meeting -> meeting.participants().contains(query.participant())).toList();
    }

    @QueryHandler
    public Optional<MeetingView> handle(FindMeetingQuery query) {
        return jdbc.query("select * from meeting_view where meeting_id = ?", (rs, row) -> meeting(rs),
                query.meetingId().value()).stream().findFirst();
    }

    @QueryHandler
    public List<MeetingView> handle(FindMeetingsCarryingOutQuery query) {
        return jdbc.query("select * from meeting_view where plan_id = ? and activity_id = ? "
                        + "order by occurred_on, meeting_id", (rs, row) -> meeting(rs),
                query.planId().value(), query.activityId().value());
    }

    private MeetingView meeting(ResultSet rs) throws SQLException {
        String planId = rs.getString("plan_id");
        return new MeetingView(new MeetingId(rs.getString("meeting_id")), MeetingKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("organiser"), localDate(rs, "occurred_on"),
                fromJson(rs.getString("participants")).stream().map(EnterpriseId::new).toList(),
                planId == null ? null : new PlanActivityReference(new PlanId(planId),
                        new ActivityId(rs.getString("activity_id"))),
                localDate(rs, "corrected_on"), rs.getString("correction_reason"), rs.getLong("last_sequence") + 1);
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
