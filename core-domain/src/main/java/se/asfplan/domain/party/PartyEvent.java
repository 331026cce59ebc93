package se.asfplan.domain.party;

import java.time.LocalDate;

/** What every event in a party's history says: which party, and the business date it happened on. */
public interface PartyEvent {

    PartyId partyId();

    LocalDate occurredOn();
}
