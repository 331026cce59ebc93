package se.asfplan.domain.party;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened to a party in the register. These records are the persisted contract of the event store: never
 * rename, move or reshape one without a revision and an upcaster. New optional fields may be added.
 */
public final class PartyEvents {

    private PartyEvents() {
    }

    /**
     * A party entered in the register: its name as in its decisions, its abbreviation (KS, AMN, SN; null when it has
     * none), its kind and the municipality or region it belongs to (null for a national body).
     */
    public record PartyRegisteredEvent(PartyId partyId, String name, String abbreviation, PartyKind kind,
                                       String municipality, LocalDate occurredOn) implements PartyEvent {
    }

    /**
     * The party's details changed (a committee renamed, say), with the reason. Its earlier name and abbreviation
     * still name it: records made under them stay the party's.
     */
    public record PartyDetailsChangedEvent(PartyId partyId, String name, String abbreviation, PartyKind kind,
                                           String municipality, String reason, LocalDate occurredOn)
            implements PartyEvent {
    }

    /**
     * Another name the party was written under in earlier records, such as "Arbetsmarknadsnämnden (AMN)" for
     * arbetsmarknadsnämnden: from now on it names the party too, so the three-year rule and the direct-award sums
     * count what was recorded under either name as one authority's. Nothing recorded earlier is rewritten.
     */
    public record PartyNameRecordedEvent(PartyId partyId, String name, String reason, LocalDate occurredOn)
            implements PartyEvent {
    }

    /** Every party event type, for tools that must know them all. */
    public static final List<Class<? extends PartyEvent>> ALL = List.of(PartyRegisteredEvent.class,
            PartyDetailsChangedEvent.class, PartyNameRecordedEvent.class);
}
