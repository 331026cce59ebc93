package se.asfplan.domain.plan;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies an action plan, e.g. {@code stockholm-asf-2021}: a readable slug unique in the installation. */
public record PlanId(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;

    public PlanId {
        Values.slug(value, "plan id");
    }

    @Override
    public String toString() {
        return value;
    }
}
