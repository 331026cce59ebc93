package se.asfplan.domain.round;

/** A reporter's assessment of an activity or goal, on the scale municipal follow-ups use. */
public enum AssessmentStatus {
    /** enligt plan */
    ON_TRACK,
    /** delvis enligt plan */
    PARTLY_ON_TRACK,
    /** ej enligt plan */
    NOT_ON_TRACK,
    /** ej påbörjad */
    NOT_STARTED
}
