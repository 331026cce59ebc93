package se.asfplan.projections.round;

import static se.asfplan.domain.shared.RecordingMetadataKeys.RECORDED_BY;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.round.AssessmentStatus;
import se.asfplan.domain.round.ItemState;
import se.asfplan.domain.round.RoundEvents.AssessmentApprovedEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentMarkedUnansweredEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentReturnedEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentSubmittedEvent;
import se.asfplan.domain.round.RoundEvents.FollowUpRoundClosedEvent;
import se.asfplan.domain.round.RoundEvents.FollowUpRoundOpenedEvent;
import se.asfplan.domain.round.RoundItem;
import se.asfplan.domain.round.RoundKind;
import se.asfplan.domain.round.RoundSubject;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;
import se.asfplan.projections.round.RoundQueries.FindPresentedReportQuery;
import se.asfplan.projections.round.RoundQueries.FindRoundQuery;
import se.asfplan.projections.round.RoundQueries.FindRoundsQuery;
import se.asfplan.projections.round.RoundQueries.PresentedReport;
import se.asfplan.projections.round.RoundQueries.RoundItemView;
import se.asfplan.projections.round.RoundQueries.RoundView;

/**
 * Folds follow-up round events into {@code round_view}, {@code round_item_view} and {@code round_presented_report}.
 * A state projection: each event of a round applies only when its sequence number is newer than the round's
 * {@code last_sequence} (the round row is advanced first, and the item changes only when it was), so redelivery is
 * harmless. The presented report is copied from the closing event as it is stored, so a rebuild writes the same
 * text, byte for byte.
 */
@Component
@ProcessingGroup(FollowUpRoundProjection.PROCESSING_GROUP)
@ReadModelTables({"round_presented_report", "round_item_view", "round_view"})
public class FollowUpRoundProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "follow-up-rounds";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;

    public FollowUpRoundProjection(JdbcTemplate jdbc, ProjectionGenerations generations, WrittenGeneration written) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.written = written;
    }

    @Override
    public FollowUpRoundProjection writing(int generation) {
        return new FollowUpRoundProjection(jdbc, generations, written.rebuilding(generation));
    }

    private int generation(TrackingToken token) {
        return written.forStateEvent(PROCESSING_GROUP, token);
    }

    @EventHandler
    void on(FollowUpRoundOpenedEvent event, @SequenceNumber long sequence, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(RECORDED_BY) String recordedBy) {
        int generation = generation(token);
        int inserted = jdbc.update("""
                insert into round_view (generation, round_id, plan_id, name, kind, cut_off_date, deadline, opened_on,
                                        opened_by, opened_at, last_sequence)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from round_view where generation = ? and round_id = ?)""",
                generation, event.roundId().value(), event.planId().value(), event.name(), event.kind().name(),
                Date.valueOf(event.cutOffDate()), Date.valueOf(event.deadline()), Date.valueOf(event.occurredOn()),
                recordedBy, Timestamp.from(recordedAt), sequence, generation, event.roundId().value());
        if (inserted == 0) {
            return;
        }
        int ordinal = 0;
        for (RoundItem item : event.items()) {
            jdbc.update("""
                    insert into round_item_view (generation, round_id, subject_kind, subject_id, ordinal, reporter,
                                                 state, submissions)
                    values (?, ?, ?, ?, ?, ?, ?, 0)""",
                    generation, event.roundId().value(), item.subject().kind().name(), item.subject().id(),
                    ordinal++, item.reporter(), ItemState.AWAITING_SUBMISSION.name());
        }
    }

    @EventHandler
    void on(AssessmentSubmittedEvent event, @SequenceNumber long sequence, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(RECORDED_BY) String recordedBy) {
        int generation = generation(token);
        if (advanced(generation, event.roundId().value(), sequence)) {
            jdbc.update("""
                    update round_item_view set state = ?, status = ?, assessment_comment = ?, figure = ?,
                           figure_source = ?, submitted_on = ?, submitted_by = ?, submitted_at = ?,
                           submissions = submissions + 1, review_comment = null, reviewed_on = null,
                           reviewed_by = null, reviewed_at = null
                    where generation = ? and round_id = ? and subject_kind = ? and subject_id = ?""",
                    ItemState.SUBMITTED.name(), event.status().name(), event.comment(), event.figure(),
                    event.figureSource(), Date.valueOf(event.occurredOn()), recordedBy, Timestamp.from(recordedAt),
                    generation, event.roundId().value(), event.subject().kind().name(), event.subject().id());
        }
    }

    @EventHandler
    void on(AssessmentReturnedEvent event, @SequenceNumber long sequence, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(RECORDED_BY) String recordedBy) {
        review(generation(token), event.roundId().value(), event.subject(), sequence, ItemState.RETURNED,
                event.comment(), event.occurredOn(), recordedBy, recordedAt);
    }

    @EventHandler
    void on(AssessmentApprovedEvent event, @SequenceNumber long sequence, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(RECORDED_BY) String recordedBy) {
        review(generation(token), event.roundId().value(), event.subject(), sequence, ItemState.APPROVED,
                event.comment(), event.occurredOn(), recordedBy, recordedAt);
    }

    @EventHandler
    void on(AssessmentMarkedUnansweredEvent event, @SequenceNumber long sequence, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(RECORDED_BY) String recordedBy) {
        review(generation(token), event.roundId().value(), event.subject(), sequence, ItemState.UNANSWERED,
                event.reason(), event.occurredOn(), recordedBy, recordedAt);
    }

    @EventHandler
    void on(FollowUpRoundClosedEvent event, @SequenceNumber long sequence, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(RECORDED_BY) String recordedBy, @MessageIdentifier String eventId) {
        int generation = generation(token);
        String roundId = event.roundId().value();
        if (!advanced(generation, roundId, sequence)) {
            return;
        }
        jdbc.update("""
                update round_view set closed_on = ?, closed_by = ?, closed_at = ?, report_sha256 = ?,
                       report_position = ?
                where generation = ? and round_id = ?""",
                Date.valueOf(event.occurredOn()), recordedBy, Timestamp.from(recordedAt),
                event.presentedReportSha256(), event.reportPosition(), generation, roundId);
        jdbc.update("""
                insert into round_presented_report (generation, round_id, report_json, report_sha256,
                                                    report_position, closed_at, closing_event_id)
                values (?, ?, ?, ?, ?, ?, ?)""",
                generation, roundId, event.presentedReport(), event.presentedReportSha256(),
                event.reportPosition(), Timestamp.from(recordedAt), eventId);
    }

    private void review(int generation, String roundId, RoundSubject subject, long sequence, ItemState state,
                        String comment, LocalDate on, String recordedBy, Instant recordedAt) {
        if (advanced(generation, roundId, sequence)) {
            jdbc.update("""
                    update round_item_view set state = ?, review_comment = ?, reviewed_on = ?, reviewed_by = ?,
                           reviewed_at = ?
                    where generation = ? and round_id = ? and subject_kind = ? and subject_id = ?""",
                    state.name(), comment, Date.valueOf(on), recordedBy, Timestamp.from(recordedAt), generation,
                    roundId, subject.kind().name(), subject.id());
        }
    }

    /** Moves the round to {@code sequence}; false when it was there already (a redelivered event changes nothing). */
    private boolean advanced(int generation, String roundId, long sequence) {
        return jdbc.update("update round_view set last_sequence = ? where generation = ? and round_id = ? "
                + "and last_sequence < ?", sequence, generation, roundId, sequence) == 1;
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
    public List<RoundView> handle(FindRoundsQuery query) {
        int generation = active();
        return jdbc.query("select * from round_view where generation = ? and plan_id = ? "
                        + "order by cut_off_date desc, round_id", (rs, row) -> round(rs, generation),
                generation, query.planId());
    }

    @QueryHandler
    public Optional<RoundView> handle(FindRoundQuery query) {
        int generation = active();
        return jdbc.query("select * from round_view where generation = ? and round_id = ?",
                (rs, row) -> round(rs, generation), generation, query.roundId()).stream().findFirst();
    }

    @QueryHandler
    public Optional<PresentedReport> handle(FindPresentedReportQuery query) {
        return jdbc.query("select * from round_presented_report where generation = ? and round_id = ?",
                (rs, row) -> new PresentedReport(rs.getString("round_id"), rs.getString("report_json"),
                        rs.getString("report_sha256"), rs.getLong("report_position"),
                        instant(rs, "closed_at"), rs.getString("closing_event_id")),
                active(), query.roundId()).stream().findFirst();
    }

    private RoundView round(ResultSet rs, int generation) throws SQLException {
        String roundId = rs.getString("round_id");
        long position = rs.getLong("report_position");
        Long reportPosition = rs.wasNull() ? null : position;
        return new RoundView(roundId, rs.getString("plan_id"), rs.getString("name"),
                RoundKind.valueOf(rs.getString("kind")), date(rs, "cut_off_date"), date(rs, "deadline"),
                date(rs, "opened_on"), rs.getString("opened_by"), instant(rs, "opened_at"), date(rs, "closed_on"),
                rs.getString("closed_by"), instant(rs, "closed_at"), rs.getString("report_sha256"), reportPosition,
                rs.getLong("last_sequence"), items(generation, roundId));
    }

    private List<RoundItemView> items(int generation, String roundId) {
        return jdbc.query("select * from round_item_view where generation = ? and round_id = ? order by ordinal",
                (rs, row) -> {
                    String status = rs.getString("status");
                    return new RoundItemView(new RoundSubject(RoundSubject.Kind.valueOf(rs.getString("subject_kind")),
                            rs.getString("subject_id")), rs.getString("reporter"),
                            ItemState.valueOf(rs.getString("state")),
                            status == null ? null : AssessmentStatus.valueOf(status),
                            rs.getString("assessment_comment"),
                            rs.getBigDecimal("figure") == null ? null : rs.getBigDecimal("figure").stripTrailingZeros(),
                            rs.getString("figure_source"), date(rs, "submitted_on"), rs.getString("submitted_by"),
                            instant(rs, "submitted_at"), rs.getInt("submissions"), rs.getString("review_comment"),
                            date(rs, "reviewed_on"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"));
                }, generation, roundId);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
