package se.asfplan.domain.enterprise;

import se.asfplan.domain.shared.RuleCode;

/** The rules the register of social enterprises and their participation are held to. */
public enum EnterpriseRule implements RuleCode {
    /** Raised at the edge, not the aggregate: no history exists for the enterprise the command names. */
    ENTERPRISE_MUST_BE_REGISTERED_FIRST("enterprise-must-be-registered-first", Refusal.NOT_FOUND),
    ENTERPRISE_ID_MUST_BE_UNIQUE("enterprise-id-must-be-unique", Refusal.CONFLICT),
    ORGANISATION_NUMBER_MUST_BE_UNIQUE("organisation-number-must-be-unique", Refusal.CONFLICT),
    SOLE_TRADER_IS_REGISTERED_WITHOUT_ORGANISATION_NUMBER("sole-trader-is-registered-without-organisation-number",
            Refusal.UNPROCESSABLE),
    SOLE_TRADER_LEGAL_FORM_CANNOT_CHANGE("sole-trader-legal-form-cannot-change", Refusal.UNPROCESSABLE),
    DETAILS_CHANGE_MUST_CHANGE_SOMETHING("details-change-must-change-something", Refusal.UNPROCESSABLE),
    ENTERPRISE_CAN_BE_CLOSED_ONCE("enterprise-can-be-closed-once", Refusal.CONFLICT),
    CLOSING_MUST_NOT_PRECEDE_RECORDED_FACTS("closing-must-not-precede-recorded-facts", Refusal.UNPROCESSABLE),
    INTEGRATIONSPAKTEN_STEPS_MUST_FOLLOW_IN_DATE_ORDER("integrationspakten-steps-must-follow-in-date-order",
            Refusal.UNPROCESSABLE),
    CLOSED_ENTERPRISE_RECORDS_NOTHING_AFTER_CLOSING("closed-enterprise-records-nothing-after-closing",
            Refusal.UNPROCESSABLE),
    DATE_MUST_NOT_LIE_IN_THE_FUTURE("date-must-not-lie-in-the-future", Refusal.UNPROCESSABLE),
    CARRIED_OUT_ACTIVITY_MUST_EXIST("carried-out-activity-must-exist", Refusal.NOT_FOUND),
    CAN_JOIN_INTEGRATIONSPAKTEN_ONCE("can-join-integrationspakten-once", Refusal.CONFLICT),
    CAN_LEAVE_ONLY_AS_MEMBER("can-leave-only-as-member", Refusal.CONFLICT),
    LEVEL_CHANGE_NEEDS_MEMBERSHIP("level-change-needs-membership", Refusal.CONFLICT),
    LEVEL_MUST_BE_CONFIGURED("level-must-be-configured", Refusal.UNPROCESSABLE),
    LEVEL_CHANGE_MUST_CHANGE_LEVEL("level-change-must-change-level", Refusal.UNPROCESSABLE),
    CAN_JOIN_REFERENCE_GROUP_ONCE("can-join-reference-group-once", Refusal.CONFLICT),
    /** A retraction names an event that is not one of this enterprise's retractable facts. */
    RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD("retracted-event-must-belong-to-the-record", Refusal.NOT_FOUND),
    EVENT_IS_ALREADY_RETRACTED("event-is-already-retracted", Refusal.CONFLICT),
    /** Joined, level changed and left Integrationspakten are undone from the latest one backwards. */
    ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED("only-the-latest-step-can-be-retracted", Refusal.CONFLICT),
    /** Only a sole trader's name is personal data that can be erased; a legal person's name is public. */
    ONLY_A_SOLE_TRADERS_NAME_CAN_BE_ERASED("only-a-sole-traders-name-can-be-erased", Refusal.UNPROCESSABLE),
    /** Gallring follows the archive rules: a record still in use is kept; the enterprise must be closed first. */
    NAME_CAN_BE_ERASED_ONLY_AFTER_CLOSING("name-can-be-erased-only-after-closing", Refusal.CONFLICT),
    NAME_CAN_BE_ERASED_ONCE("name-can-be-erased-once", Refusal.CONFLICT),
    /** An erased name is gone for good: the details of the enterprise can no longer change. */
    ERASED_NAME_CANNOT_CHANGE("erased-name-cannot-change", Refusal.CONFLICT);

    private final String code;
    private final Refusal refusal;

    EnterpriseRule(String code, Refusal refusal) {
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
