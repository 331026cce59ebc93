package se.asfplan.infra.round;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outgoing reminder queue of follow-up rounds, {@code round_reminder_message}: a table a mail system reads and
 * marks. Not a fact of the event log (a reminder changes nothing in a round); the rows are written here only.
 * <ul>
 *   <li>{@link #queue}: at most one message per round, recipient and business day, whose id is derived from those
 *   three (queuing again the same day answers the message already queued, unchanged);</li>
 *   <li>{@link #markDelivered}: the first mark sets {@code delivered_at} and {@code delivery_reference}; a later one
 *   changes nothing and answers the message as first marked.</li>
 * </ul>
 */
@Component
public class RoundReminderQueue {

    private final JdbcTemplate jdbc;

    RoundReminderQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A queued message; {@code deliveredAt} and {@code deliveryReference} are null until it is marked delivered. */
    public record ReminderMessage(String messageId, String roundId, String planId, String recipient, String subject,
                                  String body, Instant queuedAt, String queuedBy, Instant deliveredAt,
                                  String deliveryReference) {
    }

    /** The id of the message of a round to a recipient on a business day: a name-based UUID of the three. */
    public static String messageId(String roundId, String recipient, LocalDate day) {
        return UUID.nameUUIDFromBytes((roundId + "\n" + recipient.strip().toLowerCase(java.util.Locale.ROOT) + "\n"
                + day).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Queues the message unless one with its id is queued already; answers the message as stored. */
    public ReminderMessage queue(String roundId, String planId, String recipient, LocalDate day, String subject,
                                 String body, Instant at, String by) {
        String id = messageId(roundId, recipient, day);
        jdbc.update("""
                insert into round_reminder_message (message_id, round_id, plan_id, recipient, subject, body,
                                                    queued_at, queued_by)
                select ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from round_reminder_message where message_id = ?)""",
                id, roundId, planId, recipient, subject, body, Timestamp.from(at), by, id);
        return find(id).orElseThrow();
    }

    /** Marks the message delivered unless it was already; answers it as stored; empty for an unknown id. */
    public Optional<ReminderMessage> markDelivered(String messageId, String reference, Instant at) {
        jdbc.update("update round_reminder_message set delivered_at = ?, delivery_reference = ? "
                + "where message_id = ? and delivered_at is null", Timestamp.from(at), reference, messageId);
        return find(messageId);
    }

    public Optional<ReminderMessage> find(String messageId) {
        return jdbc.query("select * from round_reminder_message where message_id = ?", this::row, messageId)
                .stream().findFirst();
    }

    /** The messages, oldest first: every one, or only those not yet delivered; of one round when it is given. */
    public List<ReminderMessage> messages(boolean undeliveredOnly, String roundId) {
        StringBuilder sql = new StringBuilder("select * from round_reminder_message where 1 = 1");
        List<Object> arguments = new java.util.ArrayList<>();
        if (undeliveredOnly) {
            sql.append(" and delivered_at is null");
        }
        if (roundId != null) {
            sql.append(" and round_id = ?");
            arguments.add(roundId);
        }
        sql.append(" order by queued_at, message_id");
        return jdbc.query(sql.toString(), this::row, arguments.toArray());
    }

    private ReminderMessage row(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new ReminderMessage(rs.getString("message_id"), rs.getString("round_id"), rs.getString("plan_id"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getTimestamp("queued_at").toInstant(), rs.getString("queued_by"),
                delivered == null ? null : delivered.toInstant(), rs.getString("delivery_reference"));
    }
}
