package se.asfplan.domain.round;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies a follow-up round, e.g. {@code stockholm-asf-2021-arsredovisning-2023}: a readable slug. */
public record RoundId(String value) implements Identifier {

    public RoundId {
        Values.slug(value, "round id");
    }

    @Override
    public String toString() {
        return value;
    }
}
