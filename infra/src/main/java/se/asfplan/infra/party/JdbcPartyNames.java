package se.asfplan.infra.party;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyNames;

/**
 * {@code party_name}: one row per name a party has had, keyed by its {@link PartyNames#storedKey}, written by the party's
 * commands inside their transaction. The key is the primary key, so two parties can never hold one name: when two
 * commands take the same name at the same moment, the second fails as a concurrent change (409), with nothing
 * written. Also what the procurement rules ask which names are one authority's.
 */
@Component
public class JdbcPartyNames implements PartyNames {

    private final JdbcTemplate jdbc;

    JdbcPartyNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PartyId> partyNamed(String name) {
        return jdbc.queryForList("select party_id from party_name where name_key = ?", String.class,
                PartyNames.storedKey(name)).stream().findFirst().map(PartyId::new);
    }

    @Override
    public void name(PartyId party, String name) {
        try {
            jdbc.update("insert into party_name (name_key, party_id, name) values (?, ?, ?)",
                    PartyNames.storedKey(name), party.value(), name);
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("The name '" + name + "' was given to a party at the same moment by "
                    + "another request; retry", e);
        }
    }

    @Override
    public boolean isRegistered(PartyId party) {
        return !jdbc.queryForList("select name_key from party_name where party_id = ?", String.class, party.value())
                .isEmpty();
    }

    /**
     * The stored keys ({@link PartyNames#storedKey}) of every name that names the same body as {@code name}: all names of the party it names, or only its
     * own key when it names no party in the register.
     */
    public Set<String> sameBodyAs(String name) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PartyNames.storedKey(name));
        keys.addAll(jdbc.queryForList("""
                select other.name_key from party_name named
                join party_name other on other.party_id = named.party_id
                where named.name_key = ?""", String.class, PartyNames.storedKey(name)));
        return keys;
    }

    /**
     * One text per body: {@code party:<id>} for a name in the register, {@code name:<key>} for any other name; what
     * the procurement rules lock on, so that two awards by one authority under two of its names wait for each other.
     */
    public String body(String name) {
        List<String> party = jdbc.queryForList("select party_id from party_name where name_key = ?", String.class,
                PartyNames.storedKey(name));
        return party.isEmpty() ? "name:" + PartyNames.storedKey(name) : "party:" + party.get(0);
    }
}
