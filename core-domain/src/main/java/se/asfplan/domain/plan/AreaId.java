package se.asfplan.domain.plan;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies an area (område) within its plan, e.g. {@code natverkande}. */
public record AreaId(String value) implements Identifier {

    public AreaId {
        Values.slug(value, "area id");
    }

    @Override
    public String toString() {
        return value;
    }
}
