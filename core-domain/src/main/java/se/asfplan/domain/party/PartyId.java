package se.asfplan.domain.party;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies a party in the register, e.g. {@code stockholm-arbetsmarknadsnamnden}. */
public record PartyId(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;

    public PartyId {
        Values.slug(value, "party id");
    }

    @Override
    public String toString() {
        return value;
    }
}
