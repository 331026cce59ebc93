package se.asfplan.domain.procurement;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies a procurement, e.g. {@code amn-jobbspar-2023}: a readable slug unique in the installation. */
public record ProcurementId(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;

    public ProcurementId {
        Values.slug(value, "procurement id");
    }

    @Override
    public String toString() {
        return value;
    }
}
