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

    /**
     * Register the party unless it is registered already with the very same details, which then records nothing: how
     * a plan file names the parties it uses, so that importing another plan of the same municipality, naming the same
     * parties, is not refused. A party registered with other details is refused, never changed.
     */
    public record EnsurePartyRegisteredCommand(@TargetAggregateIdentifier PartyId partyId, String name,
                                               String abbreviation, PartyKind kind, String municipality,
                                               LocalDate occurredOn) {
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
