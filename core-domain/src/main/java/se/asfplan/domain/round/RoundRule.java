package se.asfplan.domain.round;

import se.asfplan.domain.shared.RuleCode;

/** The rules a follow-up round is held to. */
public enum RoundRule implements RuleCode {
    /** Raised at the edge: no history exists for the round the command names. */
    ROUND_MUST_BE_OPENED_FIRST("round-must-be-opened-first", Refusal.NOT_FOUND),
    ROUND_CAN_BE_OPENED_ONCE("round-can-be-opened-once", Refusal.CONFLICT),
    ROUND_MUST_COVER_SOMETHING("round-must-cover-something", Refusal.UNPROCESSABLE),
    SUBJECT_LISTED_ONCE_PER_ROUND("subject-listed-once-per-round", Refusal.UNPROCESSABLE),
    DEADLINE_MUST_NOT_BE_BEFORE_CUT_OFF("deadline-must-not-be-before-cut-off", Refusal.UNPROCESSABLE),
    /** Raised at the edge, which reads the plan: every subject is an activity or goal of the round's plan. */
    SUBJECT_MUST_BELONG_TO_THE_PLAN("subject-must-belong-to-the-plan", Refusal.UNPROCESSABLE),
    /** Raised at the edge, which reads the plan: every reporter is a responsible party of the plan. */
    REPORTER_MUST_BE_A_RESPONSIBLE_PARTY("reporter-must-be-a-responsible-party", Refusal.UNPROCESSABLE),
    ROUND_IS_CLOSED("round-is-closed", Refusal.CONFLICT),
    SUBJECT_MUST_BE_IN_THE_ROUND("subject-must-be-in-the-round", Refusal.UNPROCESSABLE),
    ONLY_THE_ITEMS_REPORTER_ASSESSES("only-the-items-reporter-assesses", Refusal.UNPROCESSABLE),
    ASSESSMENT_IS_ALREADY_APPROVED("assessment-is-already-approved", Refusal.CONFLICT),
    ASSESSMENT_MUST_BE_SUBMITTED_FIRST("assessment-must-be-submitted-first", Refusal.CONFLICT),
    ASSESSMENT_AWAITS_REVIEW("assessment-awaits-review", Refusal.CONFLICT),
    FIGURE_NEEDS_ITS_SOURCE("figure-needs-its-source", Refusal.UNPROCESSABLE),
    /** Every item is approved or marked unanswered before the round closes. */
    ROUND_CANNOT_CLOSE_WITH_UNSETTLED_ITEMS("round-cannot-close-with-unsettled-items", Refusal.CONFLICT),
    PRESENTED_REPORT_CHECKSUM_MUST_MATCH("presented-report-checksum-must-match", Refusal.UNPROCESSABLE),
    DATE_MUST_NOT_LIE_IN_THE_FUTURE("date-must-not-lie-in-the-future", Refusal.UNPROCESSABLE);

    private final String code;
    private final Refusal refusal;

    RoundRule(String code, Refusal refusal) {
        this.code = code;
        this.refusal = refusal;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
