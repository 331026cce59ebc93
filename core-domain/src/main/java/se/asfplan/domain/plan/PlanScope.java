package se.asfplan.domain.plan;

import se.asfplan.domain.shared.InputRules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyNames;
import se.asfplan.domain.shared.Values;

/**
 * What a plan covers, and so what its goal measures count: the municipalities (one, or several for a
 * samordningsförbund) and the parties of the register it covers. A procurement counts for the plan when its
 * contracting authority is one of the parties or belongs to one of the municipalities; an enterprise's facts count
 * when the enterprise lies in one of the municipalities; anything that names one of the plan's activities as the one
 * it carries out counts as well. A plan whose scope was never recorded covers the municipality it was adopted for.
 *
 * @param municipalities the municipalities or regions, as the register and the enterprise details name them;
 *                       compared ignoring case and spacing
 * @param parties        parties of the register the plan covers besides those of its municipalities, e.g. a
 *                       samordningsförbund or a regional body
 */
public record PlanScope(List<String> municipalities, List<PartyId> parties) {

    public static final int MUNICIPALITIES_MAX = 50;
    public static final int PARTIES_MAX = 200;

    public PlanScope {
        List<String> names = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String municipality : municipalities == null ? List.<String>of() : municipalities) {
            String name = Values.text(municipality, "scope municipality", 200);
            if (name == null) {
                continue;
            }
            if (keys.add(PartyNames.key(name))) {
                names.add(name);
            }
        }
        if (names.isEmpty() && InputRules.apply()) {
            throw new IllegalArgumentException("scope municipalities must name at least one municipality or region");
        }
        if (names.size() > MUNICIPALITIES_MAX && InputRules.apply()) {
            throw new IllegalArgumentException("scope municipalities may name at most " + MUNICIPALITIES_MAX
                    + ", but name " + names.size());
        }
        Set<PartyId> distinct = new LinkedHashSet<>();
        for (PartyId party : parties == null ? List.<PartyId>of() : parties) {
            if (party == null) {
                if (!InputRules.apply()) {
                    continue;
                }
                throw new IllegalArgumentException("scope parties must not contain an empty entry");
            }
            distinct.add(party);
        }
        List<PartyId> ids = List.copyOf(distinct);
        if (ids.size() > PARTIES_MAX && InputRules.apply()) {
            throw new IllegalArgumentException("scope parties may name at most " + PARTIES_MAX + ", but name "
                    + ids.size());
        }
        municipalities = List.copyOf(names);
        parties = ids;
    }

    /** The scope of a plan whose scope was never recorded: the municipality it was adopted for, and no party. */
    public static PlanScope ofMunicipality(String municipality) {
        return new PlanScope(List.of(municipality), List.of());
    }

    /**
     * Whether the other scope covers the same: the same municipalities, compared ignoring case, spacing and order,
     * and the same parties in any order.
     */
    public boolean coversTheSameAs(PlanScope other) {
        return keys().equals(other.keys()) && Set.copyOf(parties).equals(Set.copyOf(other.parties));
    }

    private Set<String> keys() {
        Set<String> keys = new java.util.HashSet<>();
        municipalities.forEach(municipality -> keys.add(PartyNames.key(municipality)));
        return keys;
    }

    /** Whether the name (of a municipality or region) is one of the scope's, compared ignoring case and spacing. */
    public boolean coversMunicipality(String name) {
        if (name == null) {
            return false;
        }
        String key = PartyNames.key(name);
        return municipalities.stream().anyMatch(municipality -> PartyNames.key(municipality).equals(key));
    }
}
