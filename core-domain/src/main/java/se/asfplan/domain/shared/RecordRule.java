package se.asfplan.domain.shared;

/**
 * The rules every kind of record (a plan, an enterprise, a meeting, a procurement) is held to alike, so that one
 * situation is refused with one code whichever kind of record the command names.
 */
public enum RecordRule implements RuleCode {

    /**
     * All kinds of record share one space of identifiers: an id whose history belongs to another kind of record
     * (a plan's id used for an enterprise, say) can neither begin nor change a record of this kind.
     */
    ID_MUST_NOT_NAME_ANOTHER_RECORD("id-must-not-name-another-record", Refusal.CONFLICT),

    /**
     * A stored event of the record cannot be read (its payload is not the JSON its type needs): the record's state is
     * unknown until an operator repairs the event or an upcaster reads it, so no command may change the record.
     */
    STORED_EVENTS_MUST_BE_READABLE("stored-events-must-be-readable", Refusal.CONFLICT);

    private final String code;
    private final Refusal refusal;

    RecordRule(String code, Refusal refusal) {
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
