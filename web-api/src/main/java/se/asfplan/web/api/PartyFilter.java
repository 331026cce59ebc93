package se.asfplan.web.api;

import java.util.List;
import java.util.Set;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.party.PartyNames;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.projections.party.PartyDirectory.NamedParty;
import se.asfplan.projections.party.PartyQueries.FindPartiesNamedQuery;

/**
 * The filters by party of the activity lists: which activities a party leads or takes part in. A party is asked for
 * by any name; when the register of parties knows the name, every name, abbreviation and other name of that party
 * matches, compared ignoring case and spacing ({@link PartyNames#key}), otherwise only the name itself.
 */
@Component
class PartyFilter {

    private final QueryGateway queryGateway;

    PartyFilter(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** The party named {@code name}, for a plan of {@code municipality}. */
    Party party(String name, String municipality) {
        String key = PartyNames.storedKey(name);
        List<NamedParty> named = queryGateway.query(new FindPartiesNamedQuery(List.of(name)),
                ResponseTypes.multipleInstancesOf(NamedParty.class)).join();
        return named.stream().filter(party -> party.nameKeys().contains(key)).findFirst()
                .map(party -> new Party(party.nameKeys(), party.isCommitteeOf(municipality)))
                .orElseGet(() -> new Party(Set.of(key), key.equals(Responsibility.ALL_COMMITTEES)));
    }

    /**
     * A party as the filters compare it: the keys of its names, and whether it is one of "all committees" (a
     * registered committee of the plan's municipality, or "samtliga nämnder" itself).
     */
    record Party(Set<String> nameKeys, boolean oneOfAllCommittees) {

        /** Whether the party leads the activity: one of its leads, or a committee when all committees lead. */
        boolean leads(Responsibility responsibility) {
            return responsibility.leads().stream().anyMatch(lead -> nameKeys.contains(PartyNames.storedKey(lead)))
                    || (responsibility.allCommittees() && oneOfAllCommittees);
        }

        /** Whether the party leads the activity or is involved in it. */
        boolean takesPart(Responsibility responsibility) {
            return leads(responsibility) || responsibility.involved().stream()
                    .anyMatch(name -> nameKeys.contains(PartyNames.storedKey(name)));
        }
    }
}
