package se.asfplan.projections.party;

import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyKind;

/** The questions the register of parties answers, and the view it answers them with. */
public final class PartyQueries {

    private PartyQueries() {
    }

    /** Every party, by name, optionally only those of one municipality or region (compared ignoring case). */
    public record FindPartiesQuery(String municipality) {
    }

    /** One party; empty when no such party is registered. */
    public record FindPartyQuery(PartyId partyId) {
    }

    /**
     * The registered parties the names name, by any name, abbreviation or other name a party has had, compared
     * ignoring case and spacing; a name that names no party adds nothing.
     */
    public record FindPartiesNamedQuery(List<String> names) {

        public FindPartiesNamedQuery {
            names = List.copyOf(names);
        }
    }

    /**
     * A party with its current details and every name it has had, oldest first: its first name and abbreviation, the
     * names and abbreviations it had later, and the other names recorded for it.
     */
    public record PartyView(PartyId partyId, String name, String abbreviation, PartyKind kind, String municipality,
                            LocalDate registeredOn, LocalDate changedOn, List<PartyName> names, long version) {
    }

    /** A name the party has had, and since when it names the party. */
    public record PartyName(String name, LocalDate since) {
    }
}
