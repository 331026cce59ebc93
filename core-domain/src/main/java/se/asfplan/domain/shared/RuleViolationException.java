package se.asfplan.domain.shared;

import java.util.Objects;

/**
 * A command was refused because it would break a business rule. Nothing is recorded when this is thrown.
 * The message states the rule and the current state in words a coordinator understands.
 */
public class RuleViolationException extends RuntimeException {

    private final transient RuleCode rule;

    public RuleViolationException(RuleCode rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public RuleCode rule() {
        return rule;
    }
}
