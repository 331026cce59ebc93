package se.asfplan.domain.procurement;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies a procurement, e.g. {@code amn-jobbspar-2023}: a readable slug unique in the installation. */
public record ProcurementId(String value) implements Identifier {

    public ProcurementId {
        Values.slug(value, "procurement id");
    }

    @Override
    public String toString() {
        return value;
    }
}
