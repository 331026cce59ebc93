package se.asfplan.domain.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.*;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeSocialEnterpriseDetailsCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.CloseSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RegisterSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseClosedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseDetailsChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseRegisteredEvent;
import se.asfplan.domain.shared.OrganisationNumber;

/** Registering an enterprise, changing its details and closing it, and what the register port records. */
class EnterpriseRegistrationTest {

    private InMemoryEnterpriseRegister register;
    private AggregateTestFixture<SocialEnterprise> fixture;

    @BeforeEach
    void setUp() {
        register = new InMemoryEnterpriseRegister();
        fixture = enterpriseFixture(register);
    }

    // ------------------------------------------------------------------------------------------- register

    @Test
    void registersAnEnterpriseWithItsOrganisationNumber() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSocialEnterpriseCommand(ENTERPRISE_ID, ORGANISATION_NUMBER,
                        details(LegalForm.EKONOMISK_FORENING), REGISTERED_ON, INVITE_ALL_TO_INTEGRATIONSPAKTEN))
                .expectEvents(new SocialEnterpriseRegisteredEvent(ENTERPRISE_ID, ORGANISATION_NUMBER,
                        details(LegalForm.EKONOMISK_FORENING), REGISTERED_ON, INVITE_ALL_TO_INTEGRATIONSPAKTEN));
        assertThat(register.entry(ENTERPRISE_ID)).contains(
                new InMemoryEnterpriseRegister.Entry(ORGANISATION_NUMBER, true, null));
    }

    @Test
    void registersAnEnterpriseThatMeetsOnlySomeCriteriaAsNotCountingAsAsf() {
        EnterpriseDetails notAnAsf = details(LegalForm.AKTIEBOLAG, allButReinvestment());
        fixture.givenNoPriorActivity()
                .when(new RegisterSocialEnterpriseCommand(ENTERPRISE_ID, ORGANISATION_NUMBER, notAnAsf,
                        REGISTERED_ON, null))
                .expectEvents(new SocialEnterpriseRegisteredEvent(ENTERPRISE_ID, ORGANISATION_NUMBER, notAnAsf,
                        REGISTERED_ON, null));
        assertThat(register.entry(ENTERPRISE_ID)).contains(
                new InMemoryEnterpriseRegister.Entry(ORGANISATION_NUMBER, false, null));
    }

    @Test
    void registersASoleTraderWithoutOrganisationNumber() {
        fixture.givenNoPriorActivity()
                .when(register(null, LegalForm.ENSKILD_FIRMA))
                .expectEvents(new SocialEnterpriseRegisteredEvent(ENTERPRISE_ID, null, details(LegalForm.ENSKILD_FIRMA),
                        REGISTERED_ON, null));
        assertThat(register.entry(ENTERPRISE_ID)).contains(new InMemoryEnterpriseRegister.Entry(null, true, null));
    }

    @Test
    void refusesASoleTraderWithAnOrganisationNumberAndStoresNothing() {
        expectRefusal(fixture.givenNoPriorActivity().when(register(ORGANISATION_NUMBER, LegalForm.ENSKILD_FIRMA)),
                EnterpriseRule.SOLE_TRADER_IS_REGISTERED_WITHOUT_ORGANISATION_NUMBER,
                "is the owner's personnummer and is never stored");
        assertThat(register.entry(ENTERPRISE_ID)).isEmpty();
    }

    @Test
    void refusesALegalPersonWithoutOrganisationNumber() {
        expectRefusal(fixture.givenNoPriorActivity().when(register(null, LegalForm.STIFTELSE)),
                EnterpriseRule.SOLE_TRADER_IS_REGISTERED_WITHOUT_ORGANISATION_NUMBER,
                "a stiftelse needs its organisation number");
        assertThat(register.entry(ENTERPRISE_ID)).isEmpty();
    }

    @Test
    void refusesAnOrganisationNumberRegisteredForAnotherEnterprise() {
        register.given(new EnterpriseId("annat-foretag"), ORGANISATION_NUMBER, true);
        expectRefusal(fixture.givenNoPriorActivity().when(register(ORGANISATION_NUMBER, LegalForm.AKTIEBOLAG)),
                EnterpriseRule.ORGANISATION_NUMBER_MUST_BE_UNIQUE,
                "Organisation number 556016-0680 is already registered as enterprise annat-foretag");
        assertThat(register.entry(ENTERPRISE_ID)).isEmpty();
    }

    @Test
    void registersTwoSoleTradersBothWithoutNumber() {
        register.given(new EnterpriseId("annan-firma"), null, true);
        fixture.givenNoPriorActivity()
                .when(register(null, LegalForm.ENSKILD_FIRMA))
                .expectEvents(new SocialEnterpriseRegisteredEvent(ENTERPRISE_ID, null, details(LegalForm.ENSKILD_FIRMA),
                        REGISTERED_ON, null));
    }

    @Test
    void refusesRegisteringTheSameEnterpriseTwice() {
        expectRefusal(fixture.given(registered()).when(register(OTHER_ORGANISATION_NUMBER, LegalForm.AKTIEBOLAG)),
                EnterpriseRule.ENTERPRISE_ID_MUST_BE_UNIQUE,
                "An enterprise kafe-kompassen was already registered on 2021-05-10");
        assertThat(register.entry(ENTERPRISE_ID)).isEmpty();
    }

    @Test
    void refusesARegistrationCarryingOutAnActivityNoPlanHasAndStoresNothing() {
        expectRefusal(fixture.givenNoPriorActivity().when(new RegisterSocialEnterpriseCommand(ENTERPRISE_ID,
                        ORGANISATION_NUMBER, details(LegalForm.AKTIEBOLAG), REGISTERED_ON, UNKNOWN_ACTIVITY)),
                EnterpriseRule.CARRIED_OUT_ACTIVITY_MUST_EXIST,
                "Plan stockholm-asf-2021 has no activity finns-inte for this fact to carry out");
        assertThat(register.entry(ENTERPRISE_ID)).isEmpty();
    }

    @Test
    void refusesAClosingCarryingOutAnActivityNoPlanHasAndLeavesTheRegisterOpen() {
        register.given(ENTERPRISE_ID, ORGANISATION_NUMBER, true);
        expectRefusal(fixture.given(registered()).when(new CloseSocialEnterpriseCommand(ENTERPRISE_ID, "Avvecklad",
                        CLOSED_ON, UNKNOWN_ACTIVITY)),
                EnterpriseRule.CARRIED_OUT_ACTIVITY_MUST_EXIST, "has no activity finns-inte");
        assertThat(register.entry(ENTERPRISE_ID)).contains(
                new InMemoryEnterpriseRegister.Entry(ORGANISATION_NUMBER, true, null));
    }

    @Test
    void registersAnEnterpriseToday() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSocialEnterpriseCommand(ENTERPRISE_ID, ORGANISATION_NUMBER,
                        details(LegalForm.AKTIEBOLAG_SVB), TODAY, null))
                .expectEvents(new SocialEnterpriseRegisteredEvent(ENTERPRISE_ID, ORGANISATION_NUMBER,
                        details(LegalForm.AKTIEBOLAG_SVB), TODAY, null));
    }

    @Test
    void refusesARegistrationDatedTomorrow() {
        expectRefusal(fixture.givenNoPriorActivity().when(new RegisterSocialEnterpriseCommand(ENTERPRISE_ID,
                        ORGANISATION_NUMBER, details(LegalForm.AKTIEBOLAG), TOMORROW, null)),
                EnterpriseRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE, "The date 2024-06-16 lies in the future");
        assertThat(register.entry(ENTERPRISE_ID)).isEmpty();
    }

    @Test
    void rejectsARegistrationWithoutDetails() {
        expectInvalid(fixture.givenNoPriorActivity().when(new RegisterSocialEnterpriseCommand(ENTERPRISE_ID,
                ORGANISATION_NUMBER, null, REGISTERED_ON, null)), "details must be given");
    }

    @Test
    void aWrongCheckDigitIsAValueErrorBeforeAnyCommand() {
        assertThatIllegalArgumentException().isThrownBy(() -> register(new OrganisationNumber("556016-0681"),
                LegalForm.AKTIEBOLAG)).withMessageContaining("wrong check digit");
    }

    @Test
    void aPersonalIdentityNumberIsAValueErrorBeforeAnyCommand() {
        assertThatIllegalArgumentException().isThrownBy(() -> register(new OrganisationNumber("811218-9876"),
                LegalForm.ENSKILD_FIRMA)).withMessageContaining("reads as a personal identity number");
    }

    // ------------------------------------------------------------------------------------------- details

    @Test
    void changesDetailsAndUpdatesWhetherItCountsAsAsf() {
        register.given(ENTERPRISE_ID, ORGANISATION_NUMBER, true);
        EnterpriseDetails changed = details(LegalForm.EKONOMISK_FORENING, allButReinvestment());
        fixture.given(registered())
                .when(new ChangeSocialEnterpriseDetailsCommand(ENTERPRISE_ID, changed, LATER, null))
                .expectEvents(new SocialEnterpriseDetailsChangedEvent(ENTERPRISE_ID, changed, LATER, null));
        assertThat(register.entry(ENTERPRISE_ID)).contains(
                new InMemoryEnterpriseRegister.Entry(ORGANISATION_NUMBER, false, null));
    }

    @Test
    void changesTheLegalFormBetweenLegalPersons() {
        EnterpriseDetails changed = details(LegalForm.AKTIEBOLAG_SVB);
        fixture.given(registered())
                .when(new ChangeSocialEnterpriseDetailsCommand(ENTERPRISE_ID, changed, LATER, null))
                .expectEvents(new SocialEnterpriseDetailsChangedEvent(ENTERPRISE_ID, changed, LATER, null));
    }

    @Test
    void refusesADetailsChangeThatChangesNothing() {
        expectRefusal(fixture.given(registered()).when(new ChangeSocialEnterpriseDetailsCommand(ENTERPRISE_ID,
                        details(LegalForm.EKONOMISK_FORENING), LATER, null)),
                EnterpriseRule.DETAILS_CHANGE_MUST_CHANGE_SOMETHING,
                "Enterprise kafe-kompassen already has exactly these details");
    }

    @Test
    void refusesTurningALegalPersonIntoASoleTrader() {
        expectRefusal(fixture.given(registered()).when(new ChangeSocialEnterpriseDetailsCommand(ENTERPRISE_ID,
                        details(LegalForm.ENSKILD_FIRMA), LATER, null)),
                EnterpriseRule.SOLE_TRADER_LEGAL_FORM_CANNOT_CHANGE,
                "is registered as ekonomisk förening and cannot become enskild firma");
    }

    @Test
    void refusesTurningASoleTraderIntoALegalPerson() {
        expectRefusal(fixture.given(soleTraderRegistered()).when(new ChangeSocialEnterpriseDetailsCommand(
                        ENTERPRISE_ID, details(LegalForm.AKTIEBOLAG), LATER, null)),
                EnterpriseRule.SOLE_TRADER_LEGAL_FORM_CANNOT_CHANGE,
                "is registered as enskild firma and cannot become aktiebolag");
    }

    // ------------------------------------------------------------------------------------------- close

    @Test
    void closesAnEnterpriseAndMarksItClosedInTheRegister() {
        register.given(ENTERPRISE_ID, ORGANISATION_NUMBER, true);
        fixture.given(registered())
                .when(new CloseSocialEnterpriseCommand(ENTERPRISE_ID, " Verksamheten avvecklad ", CLOSED_ON, null))
                .expectEvents(new SocialEnterpriseClosedEvent(ENTERPRISE_ID, "Verksamheten avvecklad", CLOSED_ON,
                        null));
        assertThat(register.entry(ENTERPRISE_ID)).contains(
                new InMemoryEnterpriseRegister.Entry(ORGANISATION_NUMBER, true, CLOSED_ON));
    }

    @Test
    void refusesClosingTwice() {
        expectRefusal(fixture.given(registered(), closed()).when(new CloseSocialEnterpriseCommand(ENTERPRISE_ID,
                        "Igen", CLOSED_ON, null)),
                EnterpriseRule.ENTERPRISE_CAN_BE_CLOSED_ONCE, "Enterprise kafe-kompassen was already closed on 2023-06-30");
    }

    @Test
    void rejectsAClosingWithoutReason() {
        expectInvalid(fixture.given(registered()).when(new CloseSocialEnterpriseCommand(ENTERPRISE_ID, " ",
                CLOSED_ON, null)), "reason must not be blank");
    }

    @Test
    void changesDetailsOnTheClosingDate() {
        EnterpriseDetails changed = details(LegalForm.AKTIEBOLAG);
        fixture.given(registered(), closed())
                .when(new ChangeSocialEnterpriseDetailsCommand(ENTERPRISE_ID, changed, CLOSED_ON, null))
                .expectEvents(new SocialEnterpriseDetailsChangedEvent(ENTERPRISE_ID, changed, CLOSED_ON, null));
    }

    @Test
    void refusesADetailsChangeDatedAfterTheClosingDate() {
        LocalDate dayAfter = CLOSED_ON.plusDays(1);
        expectRefusal(fixture.given(registered(), closed()).when(new ChangeSocialEnterpriseDetailsCommand(
                        ENTERPRISE_ID, details(LegalForm.AKTIEBOLAG), dayAfter, null)),
                EnterpriseRule.CLOSED_ENTERPRISE_RECORDS_NOTHING_AFTER_CLOSING,
                "Enterprise kafe-kompassen closed on 2023-06-30; nothing can be recorded for 2023-07-01");
    }
}
