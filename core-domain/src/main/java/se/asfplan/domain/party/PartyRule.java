package se.asfplan.domain.party;

import se.asfplan.domain.shared.RuleCode;

/** The rules the register of parties is held to. */
public enum PartyRule implements RuleCode {
    /** Raised at the edge, not the aggregate: no history exists for the party the command names. */
    PARTY_MUST_BE_REGISTERED_FIRST("party-must-be-registered-first", Refusal.NOT_FOUND),
    PARTY_CAN_BE_REGISTERED_ONCE("party-can-be-registered-once", Refusal.CONFLICT),
    /**
     * A party a plan file names is registered with the details the file gives, or the file is refused: an import
     * never changes a registered party's details (that is a change of details, with its reason).
     */
    PARTY_REGISTERED_WITH_OTHER_DETAILS("party-registered-with-other-details", Refusal.CONFLICT),
    /**
     * A name, abbreviation or other name names one party only, compared ignoring case and spacing: otherwise a
     * procurement recorded under it could not say whose it is.
     */
    NAME_MUST_NAME_ONE_PARTY("name-must-name-one-party", Refusal.CONFLICT),
    PARTY_ALREADY_HAS_THE_NAME("party-already-has-the-name", Refusal.UNPROCESSABLE),
    PARTY_DETAILS_CHANGE_MUST_CHANGE_SOMETHING("party-details-change-must-change-something", Refusal.UNPROCESSABLE),
    DATE_MUST_NOT_LIE_IN_THE_FUTURE("date-must-not-lie-in-the-future", Refusal.UNPROCESSABLE);

    private final String code;
    private final Refusal refusal;

    PartyRule(String code, Refusal refusal) {
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
