package se.asfplan.projections.support;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The guard of a state read model (a row per record, with the sequence number of the record's last applied event
 * in {@code last_sequence}): an event is applied when it is the next of its record, skipped when it was applied
 * before (a redelivery after a crash changes nothing), and refused when it is not what the row expects: a number
 * beyond the next one (an event of the record was never applied) or a record without a row (its first event was
 * never applied). A refused event makes the handler fail, so it is parked in the dead-letter queue with this reason
 * and with the later events of its record, never dropped in silence.
 * <p>
 * Every state read model therefore handles every event type of its record, if only to advance the sequence.
 */
public final class AggregateSequence {

    private AggregateSequence() {
    }

    /**
     * Moves the record's applied sequence to {@code sequence} when that is the next one.
     *
     * @param table    the read model's table (a constant of the projection, never input)
     * @param idColumn its column of the record's id
     * @return true when the event is to be applied now, false when it was applied before
     * @throws UnexpectedSequenceException when the event is not the next one of its record
     */
    public static boolean advance(JdbcTemplate jdbc, String table, String idColumn, int generation, String id,
                                  long sequence) {
        if (jdbc.update("update " + table + " set last_sequence = ? where generation = ? and " + idColumn
                + " = ? and last_sequence = ?", sequence, generation, id, sequence - 1) == 1) {
            return true;
        }
        List<Long> last = jdbc.queryForList("select last_sequence from " + table + " where generation = ? and "
                + idColumn + " = ?", Long.class, generation, id);
        if (last.isEmpty()) {
            throw new UnexpectedSequenceException(table, id, sequence, null);
        }
        if (last.get(0) >= sequence) {
            return false;
        }
        throw new UnexpectedSequenceException(table, id, sequence, last.get(0));
    }

    /**
     * An event of the record whose type this release has no class for (stored by a newer release, say): no handler
     * can apply it, and it is counted where stored events are checked (health and metrics, see
     * {@code se.asfplan.infra.storedevents}); its number is taken, so that the record's later events still apply.
     * Events of other kinds of record, or of a record without a row, are left alone.
     *
     * @param aggregateType the stored type of the records of this read model ({@code Plan}, ...)
     * @return true when the number was taken
     */
    public static boolean passUnknown(JdbcTemplate jdbc, String table, String idColumn, int generation,
                                      String aggregateType, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> event) || !aggregateType.equals(event.getType())) {
            return false;
        }
        return jdbc.update("update " + table + " set last_sequence = ? where generation = ? and " + idColumn
                + " = ? and last_sequence = ?", event.getSequenceNumber(), generation, event.getAggregateIdentifier(),
                event.getSequenceNumber() - 1) == 1;
    }

    /** An event that is not the next one its record's row expects; the handler fails and the event is parked. */
    public static class UnexpectedSequenceException extends IllegalStateException {

        public UnexpectedSequenceException(String table, String id, long sequence, Long lastApplied) {
            super(lastApplied == null
                    ? "Event " + sequence + " of " + id + " cannot be applied to " + table + ": the record has no row"
                    + " (its first event was not applied); parked, not skipped"
                    : "Event " + sequence + " of " + id + " cannot be applied to " + table + ": the last applied is "
                    + lastApplied + ", so events " + (lastApplied + 1) + "-" + (sequence - 1)
                    + " are missing; parked, not skipped");
        }
    }
}
