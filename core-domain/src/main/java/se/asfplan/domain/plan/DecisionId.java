package se.asfplan.domain.plan;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/**
 * Identifies a decision in a plan's chain of decisions, e.g. {@code forslag-kulturnamnden}; the adoption decision
 * recorded with the plan is always {@link #ADOPTION}.
 */
public record DecisionId(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;

    /** The decision that adopted the plan, recorded with {@code PlanAdoptedEvent}. */
    public static final DecisionId ADOPTION = new DecisionId("adoption");

    public DecisionId {
        Values.slug(value, "decision id");
    }

    @Override
    public String toString() {
        return value;
    }
}
