package se.asfplan.domain.meeting;

import se.asfplan.domain.shared.RuleCode;

/** The rules a recorded meeting is held to. */
public enum MeetingRule implements RuleCode {
    /** Raised at the edge, not the aggregate: no history exists for the meeting the command names. */
    MEETING_MUST_BE_RECORDED_FIRST("meeting-must-be-recorded-first", Refusal.NOT_FOUND),
    MEETING_CAN_BE_RECORDED_ONCE("meeting-can-be-recorded-once", Refusal.CONFLICT),
    PARTICIPANTS_MUST_BE_DISTINCT("participants-must-be-distinct", Refusal.UNPROCESSABLE),
    PARTICIPANT_MUST_BE_REGISTERED("participant-must-be-registered", Refusal.NOT_FOUND),
    PARTICIPANT_MUST_NOT_HAVE_CLOSED_BEFORE_THE_MEETING("participant-must-not-have-closed-before-the-meeting",
            Refusal.UNPROCESSABLE),
    PARTICIPANT_CORRECTION_MUST_CHANGE_PARTICIPANTS("participant-correction-must-change-participants",
            Refusal.UNPROCESSABLE),
    DATE_MUST_NOT_LIE_IN_THE_FUTURE("date-must-not-lie-in-the-future", Refusal.UNPROCESSABLE),
    CARRIED_OUT_ACTIVITY_MUST_EXIST("carried-out-activity-must-exist", Refusal.NOT_FOUND),
    CORRECTION_MUST_NOT_PRECEDE_MEETING("correction-must-not-precede-meeting", Refusal.UNPROCESSABLE),
    /** A retraction names an event that is not this meeting's retractable fact. */
    RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD("retracted-event-must-belong-to-the-record", Refusal.NOT_FOUND),
    EVENT_IS_ALREADY_RETRACTED("event-is-already-retracted", Refusal.CONFLICT),
    /** A retracted meeting no longer counts; its participants are not corrected any more. */
    RETRACTED_MEETING_CANNOT_CHANGE("retracted-meeting-cannot-change", Refusal.CONFLICT);

    private final String code;
    private final Refusal refusal;

    MeetingRule(String code, Refusal refusal) {
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
