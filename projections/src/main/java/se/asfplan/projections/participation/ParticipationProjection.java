package se.asfplan.projections.participation;

import static se.asfplan.domain.shared.RecordingMetadataKeys.RECORDED_BY;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

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

import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EventParticipationRecordedEvent;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.meeting.MeetingEvents.MeetingFactRetractedEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingParticipantsCorrectedEvent;
import se.asfplan.domain.retraction.FactType;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;
import se.asfplan.projections.participation.ParticipationFact.Fact;
import se.asfplan.projections.participation.ParticipationQueries.FindParticipationQuery;
import se.asfplan.projections.participation.ParticipationQueries.ParticipationRow;
import se.asfplan.projections.support.EventPositions;

/**
 * Keeps every meeting held, every correction of its participants and every participation of an enterprise in an
 * event as a fact row, and answers the participation report by folding them ({@link ParticipationFold}). A row is
 * inserted only when its generation holds no row of the event, so redelivery is harmless. Rows belong to a
 * generation: the live processor writes the active one, a rebuild's processor the one it fills.
 */
@Component
@ProcessingGroup(ParticipationProjection.PROCESSING_GROUP)
@ReadModelTables({"participation_fact"})
public class ParticipationProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "participation";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;

    /**
     * The Spring bean is the set of handlers of the live processor named {@value #PROCESSING_GROUP}; {@link
     * #writing} makes those of a rebuild's processor.
     */
    public ParticipationProjection(JdbcTemplate jdbc, ProjectionGenerations generations, WrittenGeneration written) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.written = written;
    }

    @Override
    public ParticipationProjection writing(int generation) {
        return new ParticipationProjection(jdbc, generations, written.rebuilding(generation));
    }

    private int generation() {
        return written.current(PROCESSING_GROUP);
    }

    @EventHandler
    void on(MeetingHeldEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(eventId, token, Fact.MEETING_HELD, event.kind().name(), event.meetingId().value(), event.occurredOn(),
                recordedAt, recordedBy, event.participants());
    }

    @EventHandler
    void on(MeetingParticipantsCorrectedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(eventId, token, Fact.PARTICIPANTS_CORRECTED, null, event.meetingId().value(), event.occurredOn(),
                recordedAt, recordedBy, event.participants());
    }

    @EventHandler
    void on(EventParticipationRecordedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(eventId, token, Fact.EVENT_PARTICIPATION, event.kind().name(), event.eventName(), event.occurredOn(),
                recordedAt, recordedBy, List.of(event.enterpriseId()));
    }

    /** A retracted meeting (the meeting held, named by its event) counts no more from the retraction's recording. */
    @EventHandler
    void on(MeetingFactRetractedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        insert(eventId, token, Fact.RETRACTION, null, event.retractedEventId(), event.occurredOn(), recordedAt,
                recordedBy, List.of());
    }

    /** A retracted participation counts no more from the retraction's recording; other retractions are not ours. */
    @EventHandler
    void on(EnterpriseFactRetractedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant recordedAt, @MetaDataValue(RECORDED_BY) String recordedBy) {
        if (FactType.named(event.retractedFact()) == FactType.EVENT_PARTICIPATION_RECORDED) {
            insert(eventId, token, Fact.RETRACTION, null, event.retractedEventId(), event.occurredOn(), recordedAt,
                    recordedBy, List.of());
        }
    }

    private void insert(String eventId, TrackingToken token, Fact fact, String kind, String occasion,
                        LocalDate occurredOn, Instant recordedAt, String recordedBy, List<EnterpriseId> participants) {
        // the event's own position: a token's can be a later event's when commits overtook each other
        long index = EventPositions.of(jdbc, eventId, token);
        int generation = generation();
        jdbc.update("""
                insert into participation_fact (generation, event_id, global_index, fact, kind, occasion, occurred_on,
                                                recorded_at, recorded_by, participants)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from participation_fact where generation = ? and event_id = ?)""",
                generation, eventId, index, fact.name(), kind, occasion, Date.valueOf(occurredOn),
                recordedAt.atOffset(ZoneOffset.UTC), recordedBy,
                String.join(" ", participants.stream().map(EnterpriseId::value).toList()), generation, eventId);
    }

    /** Clears the generation these handlers write, and only that one: the others belong to other processors. */
    @ResetHandler
    void reset() {
        written.clear(this);
    }

    @QueryHandler
    public List<ParticipationRow> handle(FindParticipationQuery query) {
        int read = generations.named(PROCESSING_GROUP, query.generation());
        List<ParticipationFact> facts = jdbc.query("select * from participation_fact where generation = ?",
                (rs, row) -> {
                    String participants = rs.getString("participants");
                    return new ParticipationFact(rs.getString("event_id"), rs.getLong("global_index"),
                            Fact.valueOf(rs.getString("fact")), rs.getString("kind"), rs.getString("occasion"),
                            rs.getDate("occurred_on").toLocalDate(),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            participants.isEmpty() ? List.of() : Arrays.asList(participants.split(" ")));
                }, read);
        return ParticipationFold.fold(facts, query.asOf(), query.from(), query.to());
    }
}
