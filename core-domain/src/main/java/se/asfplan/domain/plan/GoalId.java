package se.asfplan.domain.plan;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies a yearly goal (årsmål) within its plan, e.g. {@code reserved-procurements-2023}. */
public record GoalId(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;

    public GoalId {
        Values.slug(value, "goal id");
    }

    @Override
    public String toString() {
        return value;
    }
}
