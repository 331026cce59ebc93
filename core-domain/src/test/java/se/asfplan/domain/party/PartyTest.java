package se.asfplan.domain.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.party.PartyCommands.ChangePartyDetailsCommand;
import se.asfplan.domain.party.PartyCommands.EnsurePartyRegisteredCommand;
import se.asfplan.domain.party.PartyCommands.RecordPartyNameCommand;
import se.asfplan.domain.party.PartyCommands.RegisterPartyCommand;
import se.asfplan.domain.party.PartyEvents.PartyDetailsChangedEvent;
import se.asfplan.domain.party.PartyEvents.PartyNameRecordedEvent;
import se.asfplan.domain.party.PartyEvents.PartyRegisteredEvent;
import se.asfplan.domain.shared.RuleViolationException;

/**
 * The register of parties: a party is registered once with its name, abbreviation, kind and municipality; its details
 * change with a reason; other names it was written under are recorded for it; and no name (compared ignoring case and
 * spacing) ever names two parties.
 */
class PartyTest {

    private static final PartyId AMN = new PartyId("sthlm-amn");
    private static final PartyId SN = new PartyId("sthlm-sn");
    private static final String AMN_NAME = "Arbetsmarknadsnämnden";
    private static final String STOCKHOLM = "Stockholms stad";
    private static final LocalDate ON = LocalDate.of(2024, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

    /** The names other parties took before this test's commands: what the register's table holds. */
    private final Map<String, PartyId> taken = new HashMap<>();
    private final Map<String, PartyId> named = new HashMap<>();
    private AggregateTestFixture<Party> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Party.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneOffset.UTC));
        fixture.registerInjectableResource(new PartyNames() {
            @Override
            public Optional<PartyId> partyNamed(String name) {
                return Optional.ofNullable(taken.get(PartyNames.key(name)));
            }

            @Override
            public void name(PartyId party, String name) {
                named.put(PartyNames.key(name), party);
            }

            @Override
            public boolean isRegistered(PartyId party) {
                return taken.containsValue(party) || named.containsValue(party);
            }
        });
    }

    private static RegisterPartyCommand registerAmn() {
        return new RegisterPartyCommand(AMN, AMN_NAME, "AMN", PartyKind.COMMITTEE, STOCKHOLM, ON);
    }

    private static PartyRegisteredEvent amnRegistered() {
        return new PartyRegisteredEvent(AMN, AMN_NAME, "AMN", PartyKind.COMMITTEE, STOCKHOLM, ON);
    }

    private static ResultValidator<Party> expectRefusal(ResultValidator<Party> result, PartyRule rule,
                                                        String messagePart) {
        return result.expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString(messagePart))
                .expectException(new TypeSafeMatcher<RuleViolationException>() {
                    @Override
                    protected boolean matchesSafely(RuleViolationException exception) {
                        return exception.rule() == rule;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("a violation of ").appendValue(rule);
                    }
                })
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------------- register

    @Test
    void registersAPartyAndTakesItsNameAndAbbreviation() {
        fixture.givenNoPriorActivity().when(registerAmn()).expectEvents(amnRegistered());
        assertThat(named).containsOnly(Map.entry("arbetsmarknadsnämnden", AMN), Map.entry("amn", AMN));
    }

    @Test
    void registersAPartyWithoutAbbreviationOrMunicipality() {
        PartyId af = new PartyId("arbetsformedlingen");
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(af, "Arbetsförmedlingen", null, PartyKind.EXTERNAL, null, ON))
                .expectEvents(new PartyRegisteredEvent(af, "Arbetsförmedlingen", null, PartyKind.EXTERNAL, null, ON));
    }

    @Test
    void refusesASecondRegistration() {
        expectRefusal(fixture.given(amnRegistered()).when(registerAmn()), PartyRule.PARTY_CAN_BE_REGISTERED_ONCE,
                "is already registered");
    }

    @Test
    void refusesANameAnotherPartyHasWhateverItsCaseAndSpacing() {
        taken.put("amn", SN);
        expectRefusal(fixture.givenNoPriorActivity().when(registerAmn()), PartyRule.NAME_MUST_NAME_ONE_PARTY,
                "The name 'AMN' already names party sthlm-sn");
        taken.clear();
        taken.put(PartyNames.key("ARBETSMARKNADSNÄMNDEN  "), SN);
        expectRefusal(fixture.givenNoPriorActivity().when(registerAmn()), PartyRule.NAME_MUST_NAME_ONE_PARTY,
                "already names party sthlm-sn");
        assertThat(named).isEmpty();
    }

    @Test
    void refusesMissingOrOverlongFieldsNamingThem() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(AMN, " ", null, PartyKind.COMMITTEE, STOCKHOLM, ON))
                .expectException(IllegalArgumentException.class).expectExceptionMessage(containsString("name"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(AMN, AMN_NAME, "A".repeat(31), PartyKind.COMMITTEE, STOCKHOLM, ON))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("abbreviation must be at most 30 characters"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(AMN, AMN_NAME, "AMN", null, STOCKHOLM, ON))
                .expectException(IllegalArgumentException.class).expectExceptionMessage("kind must be given")
                .expectNoEvents();
    }

    @Test
    void refusesADateInTheFuture() {
        expectRefusal(fixture.givenNoPriorActivity().when(new RegisterPartyCommand(AMN, AMN_NAME, "AMN",
                        PartyKind.COMMITTEE, STOCKHOLM, TODAY.plusDays(1))),
                PartyRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE, "lies in the future");
    }

    // ------------------------------------------------------------------------------------------- details

    @Test
    void changesItsDetailsAndKeepsItsOldNames() {
        fixture.given(amnRegistered())
                .when(new ChangePartyDetailsCommand(AMN, "Arbetsmarknads- och vuxenutbildningsnämnden", "AVN",
                        PartyKind.COMMITTEE, STOCKHOLM, "Nämnden bytte namn 2024", TODAY))
                .expectEvents(new PartyDetailsChangedEvent(AMN, "Arbetsmarknads- och vuxenutbildningsnämnden", "AVN",
                        PartyKind.COMMITTEE, STOCKHOLM, "Nämnden bytte namn 2024", TODAY));
        assertThat(named).containsOnlyKeys("arbetsmarknads- och vuxenutbildningsnämnden", "avn");
    }

    @Test
    void refusesAChangeThatChangesNothing() {
        expectRefusal(fixture.given(amnRegistered()).when(new ChangePartyDetailsCommand(AMN, AMN_NAME, "AMN",
                        PartyKind.COMMITTEE, STOCKHOLM, "Ingen ändring", TODAY)),
                PartyRule.PARTY_DETAILS_CHANGE_MUST_CHANGE_SOMETHING, "already has these details");
    }

    @Test
    void refusesANewNameAnotherPartyHas() {
        taken.put("sn", SN);
        expectRefusal(fixture.given(amnRegistered()).when(new ChangePartyDetailsCommand(AMN, AMN_NAME, "SN",
                        PartyKind.COMMITTEE, STOCKHOLM, "Fel förkortning", TODAY)),
                PartyRule.NAME_MUST_NAME_ONE_PARTY, "The name 'SN' already names party sthlm-sn");
    }

    // ------------------------------------------------------------------------------------------- other names

    @Test
    void recordsAnotherNameThePartyWasWrittenUnder() {
        fixture.given(amnRegistered())
                .when(new RecordPartyNameCommand(AMN, "Arbetsmarknadsnämnden (AMN)", "Så skrevs den i upphandlingarna",
                        TODAY))
                .expectEvents(new PartyNameRecordedEvent(AMN, "Arbetsmarknadsnämnden (AMN)",
                        "Så skrevs den i upphandlingarna", TODAY));
        assertThat(named).containsOnly(Map.entry("arbetsmarknadsnämnden (amn)", AMN));
    }

    @Test
    void refusesANameThePartyAlreadyHas() {
        expectRefusal(fixture.given(amnRegistered()).when(new RecordPartyNameCommand(AMN, " arbetsmarknadsNÄMNDEN",
                        "Dubblett", TODAY)),
                PartyRule.PARTY_ALREADY_HAS_THE_NAME, "is already named 'arbetsmarknadsNÄMNDEN'");
        expectRefusal(fixture.given(amnRegistered(), new PartyDetailsChangedEvent(AMN, "Nytt namn", null,
                        PartyKind.COMMITTEE, STOCKHOLM, "Namnbyte", ON))
                        .when(new RecordPartyNameCommand(AMN, "AMN", "Gammal förkortning", TODAY)),
                PartyRule.PARTY_ALREADY_HAS_THE_NAME, "is already named 'AMN'");
    }

    @Test
    void refusesAnotherNameThatNamesAnotherParty() {
        taken.put(PartyNames.key("Socialnämnden"), SN);
        expectRefusal(fixture.given(amnRegistered()).when(new RecordPartyNameCommand(AMN, "Socialnämnden",
                        "Fel", TODAY)),
                PartyRule.NAME_MUST_NAME_ONE_PARTY, "already names party sthlm-sn");
    }

    @Test
    void storesAKeyThatUnicodeNormalisationLengthensAsItsDigest() {
        assertThat(PartyNames.storedKey(" Arbetsmarknadsnämnden ")).isEqualTo("arbetsmarknadsnämnden");
        String lengthened = "\uFDFA".repeat(200);
        assertThat(PartyNames.key(lengthened)).hasSizeGreaterThan(PartyNames.STORED_KEY_MAX);
        assertThat(PartyNames.storedKey(lengthened)).matches("sha256:[0-9a-f]{64}")
                .isEqualTo(PartyNames.storedKey(lengthened + " "))
                .isNotEqualTo(PartyNames.storedKey("\uFDFA".repeat(199)));
    }

    @Test
    void comparesNamesIgnoringCaseSpacingAndUnicodeForms() {
        assertThat(PartyNames.key("  Arbetsmarknads\u00A0 NÄMNDEN ")).isEqualTo("arbetsmarknads nämnden");
        assertThat(PartyNames.key("ＡＭＮ")).isEqualTo("amn");
        assertThat(PartyNames.key("Arbetsmarknadsnämnden (AMN)")).isNotEqualTo(PartyNames.key(AMN_NAME));
    }

    // ------------------------------------------------------------------------------- registered by a plan file

    private static EnsurePartyRegisteredCommand ensureAmn(String abbreviation) {
        return new EnsurePartyRegisteredCommand(AMN, AMN_NAME, abbreviation, PartyKind.COMMITTEE, STOCKHOLM, ON);
    }

    @Test
    void registersAPartyAPlanFileNamesWhenItIsNotRegistered() {
        fixture.givenNoPriorActivity()
                .when(ensureAmn("AMN"))
                .expectEvents(amnRegistered());
        assertThat(named).containsOnlyKeys("arbetsmarknadsnämnden", "amn");
    }

    @Test
    void recordsNothingForAPartyRegisteredWithTheSameDetails() {
        fixture.given(amnRegistered())
                .when(new EnsurePartyRegisteredCommand(AMN, " Arbetsmarknadsnämnden ", "AMN", PartyKind.COMMITTEE,
                        "Stockholms stad", TODAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(named).isEmpty();
    }

    @Test
    void refusesAPartyRegisteredWithOtherDetails() {
        expectRefusal(fixture.given(amnRegistered()).when(ensureAmn(null)),
                PartyRule.PARTY_REGISTERED_WITH_OTHER_DETAILS,
                "Party sthlm-amn is registered as Arbetsmarknadsnämnden (AMN), COMMITTEE, Stockholms stad, not as "
                        + "Arbetsmarknadsnämnden, COMMITTEE, Stockholms stad; change its details instead");
    }

    @Test
    void refusesAPartyAPlanFileNamesWhoseNameNamesAnotherParty() {
        taken.put("amn", SN);
        expectRefusal(fixture.givenNoPriorActivity().when(ensureAmn("AMN")), PartyRule.NAME_MUST_NAME_ONE_PARTY,
                "The name 'AMN' already names party sthlm-sn");
    }
}
