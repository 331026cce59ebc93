package se.asfplan.domain.plan;

/** The three kinds of entry a plan's area lists. */
public enum ActivityKind {
    /** A proposed activity (marked ✓ in the Stockholm plan). */
    ACTIVITY,
    /** A "somewhat larger step" (något större steg). */
    LARGER_STEP,
    /** A possibility for clearer steering (möjlighet till tydligare styrning), mostly: set targets. */
    STEERING_POSSIBILITY
}
