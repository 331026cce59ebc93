package se.asfplan.domain.round;

/** Where an item of a round stands. */
public enum ItemState {
    /** Nothing submitted yet. */
    AWAITING_SUBMISSION,
    /** Submitted, awaiting the coordination function's review. */
    SUBMITTED,
    /** Returned to the reporter with a comment, awaiting a new submission. */
    RETURNED,
    /** Approved: part of the presented report. */
    APPROVED,
    /** Explicitly marked unanswered by the coordination function, with its reason. */
    UNANSWERED;

    /** Whether the item no longer stops the round from closing. */
    public boolean settled() {
        return this == APPROVED || this == UNANSWERED;
    }
}
