package se.asfplan.projections.party;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyKind;
import se.asfplan.domain.party.PartyNames;
import se.asfplan.projections.generation.ProjectionGenerations;

/**
 * Which registered party a name names, as the register of parties reads now (its active generation): by any name,
 * abbreviation or other name the party has had, compared by {@link PartyNames#key}. What the plan read and the
 * filters by party ask, at the moment they are asked, so that a party registered after a plan was recorded, or a
 * name recorded for it later, is known to them without a rebuild.
 */
@Component
public class PartyDirectory {

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;

    public PartyDirectory(JdbcTemplate jdbc, ProjectionGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /**
     * The registered parties the names name, keyed by the {@link PartyNames#storedKey} of each name that names one; a name
     * that names no party is absent.
     */
    public Map<String, NamedParty> named(Collection<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        names.forEach(name -> keys.add(PartyNames.storedKey(name)));
        Map<String, NamedParty> named = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return named;
        }
        int generation = generations.of(PartyRegisterProjection.PROCESSING_GROUP).active();
        String placeholders = String.join(", ", keys.stream().map(key -> "?").toList());
        Map<String, List<String>> keysByParty = new LinkedHashMap<>();
        Map<String, String> partyByKey = new LinkedHashMap<>();
        jdbc.query("select asked.name_key as asked_key, other.party_id, other.name_key from party_name_view asked "
                        + "join party_name_view other on other.generation = asked.generation "
                        + "and other.party_id = asked.party_id "
                        + "where asked.generation = ? and asked.name_key in (" + placeholders + ") "
                        + "order by other.ordinal",
                rs -> {
                    partyByKey.put(rs.getString("asked_key"), rs.getString("party_id"));
                    List<String> partyKeys = keysByParty.computeIfAbsent(rs.getString("party_id"),
                            id -> new java.util.ArrayList<>());
                    if (!partyKeys.contains(rs.getString("name_key"))) {
                        partyKeys.add(rs.getString("name_key"));
                    }
                }, arguments(generation, keys));
        Map<String, NamedParty> parties = new LinkedHashMap<>();
        if (!keysByParty.isEmpty()) {
            String partyPlaceholders = String.join(", ", keysByParty.keySet().stream().map(id -> "?").toList());
            jdbc.query("select * from party_view where generation = ? and party_id in (" + partyPlaceholders + ")",
                    rs -> {
                        String id = rs.getString("party_id");
                        parties.put(id, new NamedParty(new PartyId(id), rs.getString("name"),
                                rs.getString("abbreviation"), PartyKind.valueOf(rs.getString("kind")),
                                rs.getString("municipality"), Set.copyOf(keysByParty.get(id))));
                    }, arguments(generation, keysByParty.keySet()));
        }
        partyByKey.forEach((key, party) -> {
            if (parties.containsKey(party)) {
                named.put(key, parties.get(party));
            }
        });
        return named;
    }

    /**
     * The keys of every name of the body a name names: all the names of the registered party it names, or only its
     * own key when it names none.
     */
    public Set<String> sameBodyAs(String name) {
        NamedParty party = named(List.of(name)).get(PartyNames.storedKey(name));
        return party == null ? Set.of(PartyNames.storedKey(name)) : party.nameKeys();
    }

    private static Object[] arguments(int generation, Collection<String> values) {
        Object[] arguments = new Object[values.size() + 1];
        arguments[0] = generation;
        int i = 1;
        for (String value : values) {
            arguments[i++] = value;
        }
        return arguments;
    }

    /**
     * A registered party as it reads now, with the {@link PartyNames#storedKey} of every name it has had (its name,
     * abbreviation and other names).
     */
    public record NamedParty(PartyId partyId, String name, String abbreviation, PartyKind kind, String municipality,
                             Set<String> nameKeys) {

        /** Whether this is a committee (nämnd) of the given municipality, compared ignoring case and spacing. */
        public boolean isCommitteeOf(String planMunicipality) {
            return kind == PartyKind.COMMITTEE && municipality != null && planMunicipality != null
                    && PartyNames.key(municipality).equals(PartyNames.key(planMunicipality));
        }
    }
}
