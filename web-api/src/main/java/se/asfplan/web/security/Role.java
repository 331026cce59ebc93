package se.asfplan.web.security;

/** The three kinds of user. */
public enum Role {
    /** The coordination function: records what happens. */
    COORDINATOR,
    /** Internal control and auditors: read all history, write nothing. */
    AUDITOR,
    /** Committees (nämnder) and their officials: read plans and reports. */
    COMMITTEE
}
