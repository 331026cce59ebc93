package se.asfplan.domain.party;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.asfplan.domain.shared.CommandChecks.required;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import se.asfplan.domain.party.PartyCommands.ChangePartyDetailsCommand;
import se.asfplan.domain.party.PartyCommands.EnsurePartyRegisteredCommand;
import se.asfplan.domain.party.PartyCommands.RecordPartyNameCommand;
import se.asfplan.domain.party.PartyCommands.RegisterPartyCommand;
import se.asfplan.domain.party.PartyEvents.PartyDetailsChangedEvent;
import se.asfplan.domain.party.PartyEvents.PartyNameRecordedEvent;
import se.asfplan.domain.party.PartyEvents.PartyRegisteredEvent;
import se.asfplan.domain.shared.CommandChecks;
import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.domain.shared.Values;

/**
 * A party in the register: a contracting authority or a responsible party, as plans, procurements and activities
 * name it. Every name it has had (its name, its abbreviation, and other names recorded for it) keeps naming it, and
 * names no other party.
 *
 * <p>Command handlers check and then apply; event handlers only assign state. The names are also kept in
 * {@link PartyNames}, in the command's transaction, which is what makes a name unique across parties.
 */
@AggregateRoot(type = "Party")
public class Party {

    public static final int NAME_MAX = 200;
    public static final int ABBREVIATION_MAX = 30;
    public static final int REASON_MAX = 2000;

    @AggregateIdentifier
    private PartyId partyId;
    private boolean registered;
    private Details details;
    /** Every name the party has had, compared by {@link PartyNames#key}. */
    private final Set<String> names = new LinkedHashSet<>();

    /** For Axon: rebuilds the party from its events. */
    protected Party() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterPartyCommand command, Clock clock, PartyNames partyNames) {
        if (registered) {
            throw new RuleViolationException(PartyRule.PARTY_CAN_BE_REGISTERED_ONCE,
                    "Party " + partyId + " (" + details.name() + ") is already registered; change its details "
                            + "instead");
        }
        PartyId id = required(command.partyId(), "partyId");
        Details registering = Details.of(command.name(), command.abbreviation(), command.kind(),
                command.municipality());
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        List<String> taken = namesToTake(id, registering.names(), partyNames);
        apply(new PartyRegisteredEvent(id, registering.name(), registering.abbreviation(), registering.kind(),
                registering.municipality(), occurredOn));
        taken.forEach(name -> partyNames.name(id, name));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EnsurePartyRegisteredCommand command, Clock clock, PartyNames partyNames) {
        if (!registered) {
            handle(new RegisterPartyCommand(command.partyId(), command.name(), command.abbreviation(), command.kind(),
                    command.municipality(), command.occurredOn()), clock, partyNames);
            return;
        }
        Details wanted = Details.of(command.name(), command.abbreviation(), command.kind(), command.municipality());
        if (!wanted.equals(details)) {
            throw new RuleViolationException(PartyRule.PARTY_REGISTERED_WITH_OTHER_DETAILS,
                    "Party " + partyId + " is registered as " + details.describe() + ", not as "
                            + wanted.describe() + "; change its details instead");
        }
    }

    @CommandHandler
    public void handle(ChangePartyDetailsCommand command, Clock clock, PartyNames partyNames) {
        Details changed = Details.of(command.name(), command.abbreviation(), command.kind(), command.municipality());
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        if (changed.equals(details)) {
            throw new RuleViolationException(PartyRule.PARTY_DETAILS_CHANGE_MUST_CHANGE_SOMETHING,
                    "Party " + partyId + " already has these details (" + details.name() + ")");
        }
        List<String> taken = namesToTake(partyId, changed.names(), partyNames);
        apply(new PartyDetailsChangedEvent(partyId, changed.name(), changed.abbreviation(), changed.kind(),
                changed.municipality(), reason, occurredOn));
        taken.forEach(name -> partyNames.name(partyId, name));
    }

    @CommandHandler
    public void handle(RecordPartyNameCommand command, Clock clock, PartyNames partyNames) {
        String name = Values.text(command.name(), "name", NAME_MAX);
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        LocalDate occurredOn = recordable(command.occurredOn(), clock);
        if (names.contains(PartyNames.key(name))) {
            throw new RuleViolationException(PartyRule.PARTY_ALREADY_HAS_THE_NAME,
                    "Party " + partyId + " (" + details.name() + ") is already named '" + name + "'");
        }
        List<String> taken = namesToTake(partyId, List.of(name), partyNames);
        apply(new PartyNameRecordedEvent(partyId, name, reason, occurredOn));
        taken.forEach(taking -> partyNames.name(partyId, taking));
    }

    /**
     * The names among {@code wanted} that the party does not have yet, after checking that no other party has any
     * of them.
     */
    private List<String> namesToTake(PartyId id, List<String> wanted, PartyNames partyNames) {
        List<String> taking = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String name : wanted) {
            String key = PartyNames.key(name);
            if (names.contains(key) || !keys.add(key)) {
                continue;
            }
            Optional<PartyId> holder = partyNames.partyNamed(name);
            if (holder.isPresent() && !holder.get().equals(id)) {
                throw new RuleViolationException(PartyRule.NAME_MUST_NAME_ONE_PARTY,
                        "The name '" + name + "' already names party " + holder.get()
                                + "; a name names one party only");
            }
            if (holder.isEmpty()) {
                taking.add(name);
            }
        }
        return taking;
    }

    private static LocalDate recordable(LocalDate occurredOn, Clock clock) {
        return CommandChecks.recordable(occurredOn, "occurredOn", clock, PartyRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
    }

    // ---------------------------------------------------------------------------------------------- state

    @EventHandler
    void on(PartyRegisteredEvent event) {
        partyId = event.partyId();
        registered = true;
        details = new Details(event.name(), event.abbreviation(), event.kind(), event.municipality());
        details.names().forEach(name -> names.add(PartyNames.key(name)));
    }

    @EventHandler
    void on(PartyDetailsChangedEvent event) {
        details = new Details(event.name(), event.abbreviation(), event.kind(), event.municipality());
        details.names().forEach(name -> names.add(PartyNames.key(name)));
    }

    @EventHandler
    void on(PartyNameRecordedEvent event) {
        names.add(PartyNames.key(event.name()));
    }

    /** A party's details, checked: immutable with value equality, so a rebuilt party equals the recording one. */
    private record Details(String name, String abbreviation, PartyKind kind, String municipality) {

        static Details of(String name, String abbreviation, PartyKind kind, String municipality) {
            return new Details(Values.text(name, "name", NAME_MAX),
                    abbreviation == null ? null : Values.text(abbreviation, "abbreviation", ABBREVIATION_MAX),
                    required(kind, "kind"),
                    municipality == null ? null : Values.text(municipality, "municipality", NAME_MAX));
        }

        /** "Arbetsmarknadsnämnden (AMN), COMMITTEE, Stockholms stad". */
        String describe() {
            return name + (abbreviation == null ? "" : " (" + abbreviation + ")") + ", " + kind
                    + (municipality == null ? "" : ", " + municipality);
        }

        /** The names these details give the party: its name and its abbreviation. */
        List<String> names() {
            return abbreviation == null ? List.of(name) : List.of(name, abbreviation);
        }
    }
}
