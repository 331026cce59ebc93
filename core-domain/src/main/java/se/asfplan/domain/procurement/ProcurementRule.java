package se.asfplan.domain.procurement;

import se.asfplan.domain.shared.RuleCode;

/** The rules a procurement is held to, each with the provision of LOU it comes from where there is one. */
public enum ProcurementRule implements RuleCode {
    PROCUREMENT_CAN_BE_BEGUN_ONCE("procurement-can-be-begun-once", Refusal.CONFLICT, null),
    /** Raised at the edge, not by the aggregate: no history exists for the procurement the command names. */
    PROCUREMENT_MUST_EXIST("procurement-must-exist", Refusal.NOT_FOUND, null),
    PROCUREMENT_CAN_BE_ANNOUNCED_ONCE("procurement-can-be-announced-once", Refusal.CONFLICT, null),
    PROCUREMENT_DETAILS_ARE_GIVEN_WHEN_BEGUN("procurement-details-are-given-when-begun", Refusal.UNPROCESSABLE,
            null),
    CARRIED_OUT_ACTIVITY_MUST_EXIST("carried-out-activity-must-exist", Refusal.NOT_FOUND, null),
    DATE_MUST_NOT_LIE_IN_THE_FUTURE("date-must-not-lie-in-the-future", Refusal.UNPROCESSABLE, null),
    DATE_MUST_NOT_PRECEDE_EARLIER_STEP("date-must-not-precede-earlier-step", Refusal.UNPROCESSABLE, null),
    CANCELLED_PROCUREMENT_CANNOT_CHANGE("cancelled-procurement-cannot-change", Refusal.CONFLICT, null),
    COMPLETED_PROCUREMENT_CAN_ONLY_BE_EVALUATED("completed-procurement-can-only-be-evaluated", Refusal.CONFLICT,
            null),
    PROCUREMENT_MUST_BE_ANNOUNCED_FIRST("procurement-must-be-announced-first", Refusal.CONFLICT, null),
    TENDERS_MUST_PRECEDE_AWARD("tenders-must-precede-award", Refusal.CONFLICT, null),
    CONTRACT_CAN_BE_AWARDED_ONCE("contract-can-be-awarded-once", Refusal.CONFLICT, null),
    CONTRACT_MUST_BE_AWARDED_BEFORE_COMPLETION("contract-must-be-awarded-before-completion", Refusal.CONFLICT, null),
    PROCUREMENT_MUST_BE_COMPLETED_BEFORE_EVALUATION("procurement-must-be-completed-before-evaluation",
            Refusal.CONFLICT, null),
    DIVISION_INTO_LOTS_IS_DECIDED_ONCE("division-into-lots-is-decided-once", Refusal.CONFLICT, "LOU 4 kap. 13-15 §§"),
    DIVISION_INTO_LOTS_IS_DECIDED_BEFORE_AWARD("division-into-lots-is-decided-before-award", Refusal.CONFLICT,
            "LOU 4 kap. 13-15 §§"),
    REASONS_MUST_BE_STATED_FOR_NOT_DIVIDING("reasons-must-be-stated-for-not-dividing", Refusal.UNPROCESSABLE,
            "LOU 4 kap. 15 §"),
    RESERVED_WELFARE_GROUND_MUST_APPLY_ON_BEGUN_DATE("reserved-welfare-ground-must-apply-on-begun-date",
            Refusal.UNPROCESSABLE, "LOU 19 kap. 6 a §, 25 §, 25 a §"),
    RESERVED_WELFARE_SERVICES_MUST_BE_LISTED_CPV_CODES("reserved-welfare-services-must-be-listed-cpv-codes",
            Refusal.UNPROCESSABLE, "LOU 19 kap. 6 a §, 25 §, 25 a §"),
    RESERVED_WELFARE_CONTRACT_RUNS_AT_MOST_THREE_YEARS("reserved-welfare-contract-runs-at-most-three-years",
            Refusal.UNPROCESSABLE, "LOU 19 kap. 6 a §, 25 §"),
    RESERVED_WELFARE_AWARD_TO_SAME_SUPPLIER_ONCE_IN_THREE_YEARS(
            "reserved-welfare-award-to-same-supplier-once-in-three-years", Refusal.UNPROCESSABLE,
            "LOU 19 kap. 6 a §, 25 §"),
    EMPLOYMENT_RESERVATION_REQUIRES_THIRTY_PERCENT("employment-reservation-requires-thirty-percent",
            Refusal.UNPROCESSABLE, "LOU 4 kap. 18 §"),
    EMPLOYMENT_RESERVATION_REQUIRES_EVIDENCE("employment-reservation-requires-evidence", Refusal.UNPROCESSABLE,
            "LOU 4 kap. 18 §"),
    TENDER_DATE_MUST_NOT_FOLLOW_AWARD("tender-date-must-not-follow-award", Refusal.UNPROCESSABLE,
            "LOU 4 kap. 18 §"),
    DIRECT_AWARD_LIMIT_MUST_BE_CONFIGURED("direct-award-limit-must-be-configured", Refusal.UNPROCESSABLE,
            "LOU 19 a kap."),
    DIRECT_AWARD_REQUIRES_PURCHASE_KIND("direct-award-requires-purchase-kind", Refusal.UNPROCESSABLE,
            "LOU 19 a kap."),
    /** A retraction names an event that is not one of this procurement's retractable facts. */
    RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD("retracted-event-must-belong-to-the-record", Refusal.NOT_FOUND, null),
    EVENT_IS_ALREADY_RETRACTED("event-is-already-retracted", Refusal.CONFLICT, null),
    /** The decision on lots and the completion are undone only while nothing in the lifecycle followed them. */
    ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED("only-the-latest-step-can-be-retracted", Refusal.CONFLICT, null);

    private final String code;
    private final Refusal refusal;
    private final String legalReference;

    ProcurementRule(String code, Refusal refusal, String legalReference) {
        this.code = code;
        this.refusal = refusal;
        this.legalReference = legalReference;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }

    @Override
    public String legalReference() {
        return legalReference;
    }
}
