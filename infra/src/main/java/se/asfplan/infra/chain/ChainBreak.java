package se.asfplan.infra.chain;

/**
 * One break of the chain that a verification found.
 *
 * @param position where (the position in the log, or a checkpoint's position)
 * @param kind     what kind of change it shows
 * @param eventId  the event concerned, when one is known
 * @param detail   what was found, in a sentence
 */
public record ChainBreak(long position, Kind kind, String eventId, String detail) {

    /** How a change of the stored log shows. */
    public enum Kind {
        /** The event's payload is not the one chained at its position. */
        CHANGED_PAYLOAD,
        /** The event's metadata (who recorded it, through which channel, ...) is not the one chained. */
        CHANGED_METADATA,
        /** Another field of the event (aggregate, sequence, types, revision, timestamp) is not the one chained. */
        CHANGED_EVENT,
        /** The event chained at this position is no longer in the log. */
        DELETED,
        /** An event is in the log that was never chained (at this position). */
        INSERTED,
        /** The event at this position was chained at another position. */
        REORDERED,
        /** The stored link itself does not follow from its predecessor and its event. */
        CHANGED_LINK,
        /** A checkpoint's head differs from the chain at its position, or the position is missing. */
        CHECKPOINT_MISMATCH,
        /** A stored checkpoint's signature is not valid for the service's public key. */
        CHECKPOINT_SIGNATURE
    }
}
