package se.asfplan.domain.plan;

import se.asfplan.domain.shared.RuleCode;

/** The rules a plan, its activities and its goals are held to. */
public enum PlanRule implements RuleCode {
    PLAN_CAN_BE_ADOPTED_ONCE("plan-can-be-adopted-once", Refusal.CONFLICT),
    /** Raised by the command bus, not the aggregate: no history exists for the plan the command names. */
    PLAN_MUST_BE_ADOPTED_FIRST("plan-must-be-adopted-first", Refusal.NOT_FOUND),
    PLAN_REVISION_MUST_CHANGE_SOMETHING("plan-revision-must-change-something", Refusal.UNPROCESSABLE),
    PLAN_PERIOD_MUST_KEEP_GOALS_AND_TIMELINES("plan-period-must-keep-goals-and-timelines", Refusal.UNPROCESSABLE),
    DATE_MUST_NOT_LIE_IN_THE_FUTURE("date-must-not-lie-in-the-future", Refusal.UNPROCESSABLE),
    DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION("date-must-not-precede-plan-adoption", Refusal.UNPROCESSABLE),
    AREA_ID_MUST_BE_UNIQUE("area-id-must-be-unique", Refusal.CONFLICT),
    AREA_MUST_EXIST("area-must-exist", Refusal.NOT_FOUND),
    AREA_NUMBER_MUST_BE_UNIQUE("area-number-must-be-unique", Refusal.CONFLICT),
    /** An activity under way at the adoption started on or before the adoption day. */
    UNDER_WAY_DATE_MUST_NOT_FOLLOW_ADOPTION("under-way-date-must-not-follow-adoption", Refusal.UNPROCESSABLE),
    DECISION_ID_MUST_BE_UNIQUE("decision-id-must-be-unique", Refusal.CONFLICT),
    DECISION_MUST_EXIST("decision-must-exist", Refusal.NOT_FOUND),
    /** The adoption is recorded with the plan; the chain records proposals, approvals and amendments. */
    ADOPTION_IS_RECORDED_WITH_THE_PLAN("adoption-is-recorded-with-the-plan", Refusal.UNPROCESSABLE),
    DECISION_CORRECTION_MUST_CHANGE_SOMETHING("decision-correction-must-change-something", Refusal.UNPROCESSABLE),
    ACTIVITY_ID_MUST_BE_UNIQUE("activity-id-must-be-unique", Refusal.CONFLICT),
    ACTIVITY_MUST_EXIST("activity-must-exist", Refusal.NOT_FOUND),
    TIMELINE_MUST_LIE_WITHIN_PLAN_PERIOD("timeline-must-lie-within-plan-period", Refusal.UNPROCESSABLE),
    ACTIVITY_CAN_BE_STARTED_ONCE("activity-can-be-started-once", Refusal.CONFLICT),
    ACTIVITY_MUST_BE_STARTED_FIRST("activity-must-be-started-first", Refusal.CONFLICT),
    CLOSED_ACTIVITY_CANNOT_CHANGE("closed-activity-cannot-change", Refusal.CONFLICT),
    ACTIVITY_DATE_MUST_NOT_PRECEDE_START("activity-date-must-not-precede-start", Refusal.UNPROCESSABLE),
    RESCHEDULE_MUST_CHANGE_TIMELINE("reschedule-must-change-timeline", Refusal.UNPROCESSABLE),
    RESPONSIBILITY_CHANGE_MUST_CHANGE_PARTIES("responsibility-change-must-change-parties", Refusal.UNPROCESSABLE),
    GOAL_ID_MUST_BE_UNIQUE("goal-id-must-be-unique", Refusal.CONFLICT),
    GOAL_MUST_EXIST("goal-must-exist", Refusal.NOT_FOUND),
    GOAL_YEAR_MUST_LIE_WITHIN_PLAN_PERIOD("goal-year-must-lie-within-plan-period", Refusal.UNPROCESSABLE),
    /** A recurring goal in a plan without an end year must say its last year. */
    RECURRING_GOAL_IN_AN_ONGOING_PLAN_NEEDS_ITS_LAST_YEAR("recurring-goal-in-an-ongoing-plan-needs-its-last-year",
            Refusal.UNPROCESSABLE),
    /** A party a plan's scope names must be in the register of parties. */
    SCOPE_PARTY_MUST_BE_REGISTERED("scope-party-must-be-registered", Refusal.NOT_FOUND),
    SCOPE_CHANGE_MUST_CHANGE_SOMETHING("scope-change-must-change-something", Refusal.UNPROCESSABLE),
    SHARE_TARGET_MUST_BE_A_PERCENTAGE("share-target-must-be-a-percentage", Refusal.UNPROCESSABLE),
    GOAL_CANNOT_FOLLOW_CANCELLED_ACTIVITY("goal-cannot-follow-cancelled-activity", Refusal.UNPROCESSABLE),
    WITHDRAWN_GOAL_CANNOT_CHANGE("withdrawn-goal-cannot-change", Refusal.CONFLICT),
    GOAL_REVISION_MUST_CHANGE_TARGET("goal-revision-must-change-target", Refusal.UNPROCESSABLE),
    GOAL_MEASURE_MUST_FIT_ITS_KIND("goal-measure-must-fit-its-kind", Refusal.UNPROCESSABLE),
    OUTCOME_CAN_BE_REPORTED_ONLY_FOR_MANUAL_OR_SHARE_GOALS("outcome-can-be-reported-only-for-manual-or-share-goals",
            Refusal.UNPROCESSABLE),
    /** A retraction names an event that is not one of this plan's retractable facts. */
    RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD("retracted-event-must-belong-to-the-record", Refusal.NOT_FOUND),
    EVENT_IS_ALREADY_RETRACTED("event-is-already-retracted", Refusal.CONFLICT),
    /** An activity's start, completion and cancellation are undone from the latest one backwards. */
    ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED("only-the-latest-step-can-be-retracted", Refusal.CONFLICT);

    private final String code;
    private final Refusal refusal;

    PlanRule(String code, Refusal refusal) {
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
