package se.asfplan.domain.enterprise;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/**
 * A membership level of Integrationspakten, by its configured code (e.g. {@code plusmedlem}). Which codes exist
 * is configured data, see {@link IntegrationspaktenLevels}.
 */
public record IntegrationspaktenLevel(String value) implements Identifier {

    public IntegrationspaktenLevel {
        Values.slug(value, "Integrationspakten level");
    }

    @Override
    public String toString() {
        return value;
    }
}
