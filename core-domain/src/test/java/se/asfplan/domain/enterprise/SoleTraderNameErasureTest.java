package se.asfplan.domain.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.*;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeSocialEnterpriseDetailsCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.EraseSoleTraderNameCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RegisterSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseEvents.SoleTraderNameErasedEvent;
import se.asfplan.domain.shared.PersonalDataKeys;
import se.asfplan.domain.shared.PersonalNames;

/**
 * Erasing a sole trader's name (gallring): only a sole trader's, only once it is closed, only once, on a gallring
 * decision with a reason; the erasure is recorded and the key destroyed, a refusal destroys nothing.
 */
class SoleTraderNameErasureTest {

    private static final String DECISION = "KS 2024/123 gallringsbeslut";
    private static final String REASON = "Gallras enligt dokumenthanteringsplanen, två år efter avslut";

    private final List<String> destroyed = new ArrayList<>();
    private AggregateTestFixture<SocialEnterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = enterpriseFixture(new InMemoryEnterpriseRegister());
        fixture.registerInjectableResource((PersonalDataKeys) destroyed::add);
    }

    @Test
    void erasesAClosedSoleTradersNameAndDestroysItsKey() {
        fixture.given(soleTraderRegistered(), closed())
                .when(new EraseSoleTraderNameCommand(ENTERPRISE_ID, DECISION, REASON))
                .expectEvents(new SoleTraderNameErasedEvent(ENTERPRISE_ID, DECISION, REASON, TODAY));
        assertThat(destroyed).containsExactly("enterprise:" + ENTERPRISE_ID.value());
    }

    @Test
    void refusesToEraseALegalPersonsName() {
        expectRefusal(fixture.given(registered(), closed())
                        .when(new EraseSoleTraderNameCommand(ENTERPRISE_ID, DECISION, REASON)),
                EnterpriseRule.ONLY_A_SOLE_TRADERS_NAME_CAN_BE_ERASED, "only a sole trader's");
        assertThat(destroyed).isEmpty();
    }

    @Test
    void refusesToEraseTheNameOfASoleTraderStillOpen() {
        expectRefusal(fixture.given(soleTraderRegistered())
                        .when(new EraseSoleTraderNameCommand(ENTERPRISE_ID, DECISION, REASON)),
                EnterpriseRule.NAME_CAN_BE_ERASED_ONLY_AFTER_CLOSING, "close it first");
        assertThat(destroyed).isEmpty();
    }

    @Test
    void refusesASecondErasure() {
        expectRefusal(fixture.given(soleTraderRegistered(), closed(),
                                new SoleTraderNameErasedEvent(ENTERPRISE_ID, DECISION, REASON, TODAY))
                        .when(new EraseSoleTraderNameCommand(ENTERPRISE_ID, DECISION, REASON)),
                EnterpriseRule.NAME_CAN_BE_ERASED_ONCE, "already erased on " + TODAY);
        assertThat(destroyed).isEmpty();
    }

    @Test
    void refusesAnErasureWithoutGallringDecisionOrReason() {
        expectInvalid(fixture.given(soleTraderRegistered(), closed())
                .when(new EraseSoleTraderNameCommand(ENTERPRISE_ID, " ", REASON)), "gallringDecision must not be blank");
        expectInvalid(fixture.given(soleTraderRegistered(), closed())
                .when(new EraseSoleTraderNameCommand(ENTERPRISE_ID, DECISION, null)), "reason must not be blank");
        assertThat(destroyed).isEmpty();
    }

    @Test
    void refusesAReasonHoldingAPersonnummer() {
        expectInvalid(fixture.given(soleTraderRegistered(), closed())
                        .when(new EraseSoleTraderNameCommand(ENTERPRISE_ID, DECISION, "Ägare 811218-9876")),
                "reason must not contain a personal identity");
        assertThat(destroyed).isEmpty();
    }

    @Test
    void refusesToChangeTheDetailsOnceTheNameIsErased() {
        expectRefusal(fixture.given(soleTraderRegistered(), closed(),
                                new SoleTraderNameErasedEvent(ENTERPRISE_ID, DECISION, REASON, TODAY))
                        .when(new ChangeSocialEnterpriseDetailsCommand(ENTERPRISE_ID,
                                new EnterpriseDetails("Ett nytt namn", LegalForm.ENSKILD_FIRMA, List.of(), "Stockholm",
                                        null, DefinitionCriteria.allMet(), List.of()), CLOSED_ON, null)),
                EnterpriseRule.ERASED_NAME_CANNOT_CHANGE, "can no longer change");
    }

    @Test
    void refusesToRegisterAnEnterpriseUnderTheErasedMarker() {
        expectInvalid(fixture.givenNoPriorActivity()
                        .when(new RegisterSocialEnterpriseCommand(ENTERPRISE_ID, null,
                                new EnterpriseDetails(PersonalNames.ERASED, LegalForm.ENSKILD_FIRMA, List.of(),
                                        "Stockholm", null, DefinitionCriteria.allMet(), List.of()), REGISTERED_ON,
                                null)),
                "stands for an erased name");
    }
}
