package se.asfplan.domain.enterprise;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/**
 * A membership level of Integrationspakten, by its configured code (e.g. {@code plusmedlem}). Which codes exist
 * is configured data, see {@link IntegrationspaktenLevels}.
 */
public record IntegrationspaktenLevel(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;
    /** A level the shipped configuration has, to show as an example in the API description. */
    public static final String EXAMPLE = "member";

    public IntegrationspaktenLevel {
        Values.slug(value, "Integrationspakten level");
    }

    @Override
    public String toString() {
        return value;
    }
}
