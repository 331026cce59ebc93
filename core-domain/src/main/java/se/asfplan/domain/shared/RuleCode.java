package se.asfplan.domain.shared;

/**
 * A business rule that a command can break. Every feature lists its rules as an enum implementing this
 * interface, so a refusal names its rule by a stable code that clients and auditors can rely on.
 */
public interface RuleCode {

    /** Stable, kebab-case code such as {@code goal-year-must-lie-within-plan-period}. */
    String code();

    /** What kind of refusal this is; decides the HTTP status at the edge. */
    Refusal refusal();

    /** The legal reference behind the rule (e.g. "LOU 4 kap. 18 §"), or {@code null} when it is the plan's own. */
    default String legalReference() {
        return null;
    }

    /** The kinds of refusal. */
    enum Refusal {
        /** The thing the command names does not exist. */
        NOT_FOUND,
        /** The command clashes with the current state (already done, already exists). */
        CONFLICT,
        /** The command is well-formed but breaks a business rule. */
        UNPROCESSABLE
    }
}
