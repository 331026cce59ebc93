package se.asfplan.domain.enterprise;

import static se.asfplan.domain.enterprise.EnterpriseFixtures.*;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeIntegrationspaktenLevelCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.CloseSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.LeaveIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseEvents.BusinessAdviceReceivedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.LeftIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseClosedEvent;
import se.asfplan.domain.shared.GivenEventIds;

/**
 * Facts about an enterprise keep their order in time: it cannot close before a fact already recorded for it and not
 * retracted, and
 * Integrationspakten's join, level changes and leaving cannot be dated before the step they follow.
 */
class DateOrderTest {

    private static final LocalDate ADVISED_ON = LocalDate.of(2023, 2, 1);

    private AggregateTestFixture<SocialEnterprise> fixture;

    @BeforeEach
    void setUp() {
        InMemoryEnterpriseRegister register = new InMemoryEnterpriseRegister();
        register.given(ENTERPRISE_ID, ORGANISATION_NUMBER, true);
        fixture = enterpriseFixture(register);
    }

    private static BusinessAdviceReceivedEvent advised() {
        return new BusinessAdviceReceivedEvent(ENTERPRISE_ID, "Coompanion", new java.math.BigDecimal("2"), ADVISED_ON,
                null);
    }

    @Test
    void closesOnTheDayOfTheLatestRecordedFact() {
        fixture.given(registered(), advised())
                .when(new CloseSocialEnterpriseCommand(ENTERPRISE_ID, "Avvecklad", ADVISED_ON, null))
                .expectEvents(new SocialEnterpriseClosedEvent(ENTERPRISE_ID, "Avvecklad", ADVISED_ON, null));
    }

    @Test
    void refusesClosingBeforeAFactAlreadyRecorded() {
        expectRefusal(fixture.given(registered(), advised())
                        .when(new CloseSocialEnterpriseCommand(ENTERPRISE_ID, "Avvecklad", ADVISED_ON.minusDays(1),
                                null)),
                EnterpriseRule.CLOSING_MUST_NOT_PRECEDE_RECORDED_FACTS, "has facts recorded up to " + ADVISED_ON);
    }

    @Test
    void aRetractedFactNoLongerHoldsTheClosingBack() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered(), advised(),
                new InvitedToIntegrationspaktenEvent(ENTERPRISE_ID, ADVISED_ON.minusDays(10), null));
        String advice = GivenEventIds.idOf(fixture, ENTERPRISE_ID.value(), 1);
        LocalDate closing = ADVISED_ON.minusDays(1);
        given.andGiven(new EnterpriseFactRetractedEvent(ENTERPRISE_ID, advice, "BusinessAdviceReceivedEvent",
                        "Rådgivningen gällde ett annat företag", ADVISED_ON.plusDays(5)))
                .when(new CloseSocialEnterpriseCommand(ENTERPRISE_ID, "Avvecklad", closing, null))
                .expectEvents(new SocialEnterpriseClosedEvent(ENTERPRISE_ID, "Avvecklad", closing, null));
    }

    @Test
    void theFactsNotRetractedStillHoldTheClosingBack() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered(), advised(),
                new InvitedToIntegrationspaktenEvent(ENTERPRISE_ID, ADVISED_ON.minusDays(10), null));
        String advice = GivenEventIds.idOf(fixture, ENTERPRISE_ID.value(), 1);
        expectRefusal(given.andGiven(new EnterpriseFactRetractedEvent(ENTERPRISE_ID, advice,
                                "BusinessAdviceReceivedEvent", "Rådgivningen gällde ett annat företag",
                                ADVISED_ON.plusDays(5)))
                        .when(new CloseSocialEnterpriseCommand(ENTERPRISE_ID, "Avvecklad", ADVISED_ON.minusDays(11),
                                null)),
                EnterpriseRule.CLOSING_MUST_NOT_PRECEDE_RECORDED_FACTS,
                "has facts recorded up to " + ADVISED_ON.minusDays(10));
    }

    @Test
    void leavesOnTheDayItJoined() {
        fixture.given(registered(), joined(MEMBER))
                .when(new LeaveIntegrationspaktenCommand(ENTERPRISE_ID, LATER, null))
                .expectEvents(new LeftIntegrationspaktenEvent(ENTERPRISE_ID, LATER, null));
    }

    @Test
    void refusesLeavingBeforeJoining() {
        expectRefusal(fixture.given(registered(), joined(MEMBER))
                        .when(new LeaveIntegrationspaktenCommand(ENTERPRISE_ID, LATER.minusDays(1), null)),
                EnterpriseRule.INTEGRATIONSPAKTEN_STEPS_MUST_FOLLOW_IN_DATE_ORDER,
                "a leaving cannot be dated before it");
    }

    @Test
    void refusesALevelChangeBeforeTheLatestStep() {
        expectRefusal(fixture.given(registered(), joined(MEMBER),
                                new IntegrationspaktenLevelChangedEvent(ENTERPRISE_ID, MEMBER, PLUSMEDLEM, ADVISED_ON,
                                        null))
                        .when(new ChangeIntegrationspaktenLevelCommand(ENTERPRISE_ID, JOBBPARTNER,
                                ADVISED_ON.minusDays(1), null)),
                EnterpriseRule.INTEGRATIONSPAKTEN_STEPS_MUST_FOLLOW_IN_DATE_ORDER,
                "a level change cannot be dated before it");
    }

    @Test
    void refusesRejoiningBeforeTheEarlierLeaving() {
        expectRefusal(fixture.given(registered(), joined(MEMBER),
                                new LeftIntegrationspaktenEvent(ENTERPRISE_ID, ADVISED_ON, null))
                        .when(new JoinIntegrationspaktenCommand(ENTERPRISE_ID, MEMBER, ADVISED_ON.minusDays(1), null)),
                EnterpriseRule.INTEGRATIONSPAKTEN_STEPS_MUST_FOLLOW_IN_DATE_ORDER, "a join cannot be dated before it");
    }

    @Test
    void rejoinsOnTheDayItLeft() {
        fixture.given(registered(), joined(MEMBER), new LeftIntegrationspaktenEvent(ENTERPRISE_ID, ADVISED_ON, null))
                .when(new JoinIntegrationspaktenCommand(ENTERPRISE_ID, PLUSMEDLEM, ADVISED_ON, null))
                .expectEvents(new JoinedIntegrationspaktenEvent(ENTERPRISE_ID, PLUSMEDLEM, ADVISED_ON, null));
    }
}
