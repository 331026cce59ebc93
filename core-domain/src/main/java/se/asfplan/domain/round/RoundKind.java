package se.asfplan.domain.round;

/** The kind of follow-up a round is, as municipalities name them. */
public enum RoundKind {
    /** A tertial follow-up (after four or eight months). */
    TERTIAL,
    /** The interim report, delårsrapport (for example as of 31 August). */
    INTERIM,
    /** The annual report, årsredovisning. */
    ANNUAL
}
