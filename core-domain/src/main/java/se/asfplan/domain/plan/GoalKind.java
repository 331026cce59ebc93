package se.asfplan.domain.plan;

/** How a yearly goal's outcome is measured. */
public enum GoalKind {
    /** A count of recorded occurrences in the year, e.g. at least three reserved procurements. */
    COUNT,
    /** A share, numerator over denominator at year end, in percent. */
    SHARE,
    /** Coverage of a set, e.g. all known ASF invited to Integrationspakten. */
    COVERAGE,
    /** A yearly milestone: done or not, e.g. the city-wide activity plan produced. */
    MILESTONE,
    /** A change against the previous year, e.g. an increase every year. */
    CHANGE,
    /** A figure reported by hand with its source, where no event can derive it. */
    MANUAL
}
