package se.asfplan.domain.party;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands the coordination function gives about the register of parties. */
public final class PartyCommands {

    private PartyCommands() {
    }

    /** Enter a party in the register; {@code abbreviation} and {@code municipality} may be left out. */
    public record RegisterPartyCommand(@TargetAggregateIdentifier PartyId partyId, String name, String abbreviation,
                                       PartyKind kind, String municipality, LocalDate occurredOn) {
    }

    /** Change a party's name, abbreviation, kind or municipality, with the reason; its old names still name it. */
    public record ChangePartyDetailsCommand(@TargetAggregateIdentifier PartyId partyId, String name,
                                            String abbreviation, PartyKind kind, String municipality, String reason,
                                            LocalDate occurredOn) {
    }

    /** Record another name the party was written under, with the reason (e.g. "så skrevs den i upphandlingarna"). */
    public record RecordPartyNameCommand(@TargetAggregateIdentifier PartyId partyId, String name, String reason,
                                         LocalDate occurredOn) {
    }
}
