package se.asfplan.domain.procurement;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/**
 * The contracting authority (upphandlande myndighet) that procures: a nämnd or a municipal bolag, named as in its
 * decisions, e.g. "Arbetsmarknadsnämnden". The three-year rule and direct-award totals count per authority, so the
 * name must be written the same way every time.
 */
public record ContractingAuthority(String value) implements Identifier {

    public static final int MAX = 200;

    public ContractingAuthority {
        value = Values.text(value, "contracting authority", MAX);
    }

    @Override
    public String toString() {
        return value;
    }
}
