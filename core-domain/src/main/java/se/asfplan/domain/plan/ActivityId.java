package se.asfplan.domain.plan;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies an activity within its plan; unique across all the plan's areas. */
public record ActivityId(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;

    public ActivityId {
        Values.slug(value, "activity id");
    }

    @Override
    public String toString() {
        return value;
    }
}
