package se.asfplan.domain.enterprise;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/**
 * Identifies an enterprise in the register, e.g. {@code kafe-kompassen}: a readable slug unique in the
 * installation. Never the organisation number, which a sole trader must not have stored.
 */
public record EnterpriseId(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;

    public EnterpriseId {
        Values.slug(value, "enterprise id");
    }

    @Override
    public String toString() {
        return value;
    }
}
