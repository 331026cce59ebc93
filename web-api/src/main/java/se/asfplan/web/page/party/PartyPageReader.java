package se.asfplan.web.page.party;

import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.party.PartyId;
import se.asfplan.projections.party.PartyQueries.FindPartiesQuery;
import se.asfplan.projections.party.PartyQueries.FindPartyQuery;
import se.asfplan.projections.party.PartyQueries.PartyView;
import se.asfplan.web.page.PageNotFoundException;

/** Asks the register of parties, as the API's {@code PartyController} does. */
@Component
class PartyPageReader {

    private final QueryGateway queries;

    PartyPageReader(QueryGateway queries) {
        this.queries = queries;
    }

    List<PartyView> parties(String municipality) {
        return queries.query(new FindPartiesQuery(municipality), ResponseTypes.multipleInstancesOf(PartyView.class))
                .join();
    }

    PartyView party(PartyId partyId) {
        Optional<PartyView> party = queries.query(new FindPartyQuery(partyId),
                ResponseTypes.optionalInstanceOf(PartyView.class)).join();
        return party.orElseThrow(() -> new PageNotFoundException("Det finns ingen registrerad part med id "
                + partyId + "."));
    }
}
