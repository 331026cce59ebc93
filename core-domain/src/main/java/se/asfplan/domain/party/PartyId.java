package se.asfplan.domain.party;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies a party in the register, e.g. {@code stockholm-arbetsmarknadsnamnden}. */
public record PartyId(String value) implements Identifier {

    public PartyId {
        Values.slug(value, "party id");
    }

    @Override
    public String toString() {
        return value;
    }
}
