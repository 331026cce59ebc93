package se.asfplan.domain.plan;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies an area (område) within its plan, e.g. {@code natverkande}. */
public record AreaId(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;

    public AreaId {
        Values.slug(value, "area id");
    }

    @Override
    public String toString() {
        return value;
    }
}
