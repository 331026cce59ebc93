package se.asfplan.domain.meeting;

/** The kinds of meeting the plans name. */
public enum MeetingKind {
    /** Dialogforum: buyers (upphandlande enheter) and ASF meet to talk about coming purchases. */
    DIALOGUE_FORUM,
    /** Rundabordssamtal. */
    ROUND_TABLE,
    /** Arbetsmöte. */
    WORKING_MEETING,
    /** Anbudsskola: ASF learn to write tenders. */
    TENDER_SCHOOL
}
