package se.asfplan.domain.enterprise;

/** What an enterprise took part in: an event (e.g. one of SBR's), a seminar, or a tender school (anbudsskola). */
public enum ParticipationKind {
    EVENT,
    SEMINAR,
    TENDER_SCHOOL
}
