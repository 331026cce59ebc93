package se.asfplan.domain.plan;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies an activity within its plan; unique across all the plan's areas. */
public record ActivityId(String value) implements Identifier {

    public ActivityId {
        Values.slug(value, "activity id");
    }

    @Override
    public String toString() {
        return value;
    }
}
