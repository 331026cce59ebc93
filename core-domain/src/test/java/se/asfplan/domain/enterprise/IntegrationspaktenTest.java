package se.asfplan.domain.enterprise;

import static se.asfplan.domain.enterprise.EnterpriseFixtures.*;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeIntegrationspaktenLevelCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.LeaveIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.LeftIntegrationspaktenEvent;

/** Invited to Integrationspakten, joining at a configured level, changing level and leaving. */
class IntegrationspaktenTest {

    private static final LocalDate EVEN_LATER = LocalDate.of(2023, 1, 20);

    private AggregateTestFixture<SocialEnterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = enterpriseFixture(new InMemoryEnterpriseRegister());
    }

    @Test
    void invitesAnEnterpriseAndNamesTheActivityItCarriesOut() {
        fixture.given(registered())
                .when(new InviteToIntegrationspaktenCommand(ENTERPRISE_ID, LATER, INVITE_ALL_TO_INTEGRATIONSPAKTEN))
                .expectEvents(new InvitedToIntegrationspaktenEvent(ENTERPRISE_ID, LATER,
                        INVITE_ALL_TO_INTEGRATIONSPAKTEN));
    }

    @Test
    void invitesAgainAfterAnEarlierInvitation() {
        fixture.given(registered(), new InvitedToIntegrationspaktenEvent(ENTERPRISE_ID, LATER, null))
                .when(new InviteToIntegrationspaktenCommand(ENTERPRISE_ID, EVEN_LATER, null))
                .expectEvents(new InvitedToIntegrationspaktenEvent(ENTERPRISE_ID, EVEN_LATER, null));
    }

    @Test
    void refusesAnInvitationDatedTomorrow() {
        expectRefusal(fixture.given(registered()).when(new InviteToIntegrationspaktenCommand(ENTERPRISE_ID,
                        TOMORROW, null)),
                EnterpriseRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE, "The date 2024-06-16 lies in the future");
    }

    @Test
    void rejectsAnInvitationWithoutDate() {
        expectInvalid(fixture.given(registered()).when(new InviteToIntegrationspaktenCommand(ENTERPRISE_ID,
                null, null)), "occurredOn must be given");
    }

    // ------------------------------------------------------------------------------------------- join

    @Test
    void joinsAtAConfiguredLevel() {
        fixture.given(registered())
                .when(new JoinIntegrationspaktenCommand(ENTERPRISE_ID, PLUSMEDLEM, LATER, null))
                .expectEvents(new JoinedIntegrationspaktenEvent(ENTERPRISE_ID, PLUSMEDLEM, LATER, null));
    }

    @Test
    void refusesALevelThatIsNotConfiguredAndNamesTheConfiguredOnes() {
        expectRefusal(fixture.given(registered()).when(new JoinIntegrationspaktenCommand(ENTERPRISE_ID,
                        new IntegrationspaktenLevel("guldmedlem"), LATER, null)),
                EnterpriseRule.LEVEL_MUST_BE_CONFIGURED, "Integrationspakten has no level guldmedlem; the "
                        + "configured levels are member (Medlem), plusmedlem (Plusmedlem), jobbpartner (Jobbpartner)");
    }

    @Test
    void refusesJoiningWhileAMember() {
        expectRefusal(fixture.given(registered(), joined(MEMBER)).when(new JoinIntegrationspaktenCommand(
                        ENTERPRISE_ID, JOBBPARTNER, EVEN_LATER, null)),
                EnterpriseRule.CAN_JOIN_INTEGRATIONSPAKTEN_ONCE,
                "Enterprise kafe-kompassen is a member of Integrationspakten since 2022-03-01 at level member");
    }

    @Test
    void rejoinsAfterLeaving() {
        fixture.given(registered(), joined(MEMBER), new LeftIntegrationspaktenEvent(ENTERPRISE_ID, LATER, null))
                .when(new JoinIntegrationspaktenCommand(ENTERPRISE_ID, JOBBPARTNER, EVEN_LATER, null))
                .expectEvents(new JoinedIntegrationspaktenEvent(ENTERPRISE_ID, JOBBPARTNER, EVEN_LATER, null));
    }

    @Test
    void rejectsAJoinWithoutLevel() {
        expectInvalid(fixture.given(registered()).when(new JoinIntegrationspaktenCommand(ENTERPRISE_ID, null,
                LATER, null)), "level must be given");
    }

    // ------------------------------------------------------------------------------------------- level

    @Test
    void changesTheLevelOfAMember() {
        fixture.given(registered(), joined(MEMBER))
                .when(new ChangeIntegrationspaktenLevelCommand(ENTERPRISE_ID, JOBBPARTNER, EVEN_LATER,
                        INVITE_ALL_TO_INTEGRATIONSPAKTEN))
                .expectEvents(new IntegrationspaktenLevelChangedEvent(ENTERPRISE_ID, MEMBER, JOBBPARTNER,
                        EVEN_LATER, INVITE_ALL_TO_INTEGRATIONSPAKTEN));
    }

    @Test
    void changesTheLevelFromAnEarlierChangedLevel() {
        fixture.given(registered(), joined(MEMBER),
                        new IntegrationspaktenLevelChangedEvent(ENTERPRISE_ID, MEMBER, PLUSMEDLEM, LATER, null))
                .when(new ChangeIntegrationspaktenLevelCommand(ENTERPRISE_ID, JOBBPARTNER, EVEN_LATER, null))
                .expectEvents(new IntegrationspaktenLevelChangedEvent(ENTERPRISE_ID, PLUSMEDLEM, JOBBPARTNER,
                        EVEN_LATER, null));
    }

    @Test
    void refusesALevelChangeWithoutMembership() {
        expectRefusal(fixture.given(registered()).when(new ChangeIntegrationspaktenLevelCommand(ENTERPRISE_ID,
                        PLUSMEDLEM, LATER, null)),
                EnterpriseRule.LEVEL_CHANGE_NEEDS_MEMBERSHIP,
                "Enterprise kafe-kompassen is not a member of Integrationspakten; it must join first");
    }

    @Test
    void refusesALevelChangeAfterLeaving() {
        expectRefusal(fixture.given(registered(), joined(MEMBER),
                                new LeftIntegrationspaktenEvent(ENTERPRISE_ID, LATER, null))
                        .when(new ChangeIntegrationspaktenLevelCommand(ENTERPRISE_ID, PLUSMEDLEM, EVEN_LATER, null)),
                EnterpriseRule.LEVEL_CHANGE_NEEDS_MEMBERSHIP, "is not a member of Integrationspakten");
    }

    @Test
    void refusesALevelChangeToTheSameLevel() {
        expectRefusal(fixture.given(registered(), joined(PLUSMEDLEM)).when(new ChangeIntegrationspaktenLevelCommand(
                        ENTERPRISE_ID, PLUSMEDLEM, EVEN_LATER, null)),
                EnterpriseRule.LEVEL_CHANGE_MUST_CHANGE_LEVEL,
                "Enterprise kafe-kompassen is already a member at level plusmedlem");
    }

    @Test
    void refusesALevelChangeToALevelThatIsNotConfigured() {
        expectRefusal(fixture.given(registered(), joined(MEMBER)).when(new ChangeIntegrationspaktenLevelCommand(
                        ENTERPRISE_ID, new IntegrationspaktenLevel("guldmedlem"), EVEN_LATER, null)),
                EnterpriseRule.LEVEL_MUST_BE_CONFIGURED, "Integrationspakten has no level guldmedlem");
    }

    // ------------------------------------------------------------------------------------------- leave

    @Test
    void leavesIntegrationspakten() {
        fixture.given(registered(), joined(MEMBER))
                .when(new LeaveIntegrationspaktenCommand(ENTERPRISE_ID, EVEN_LATER, null))
                .expectEvents(new LeftIntegrationspaktenEvent(ENTERPRISE_ID, EVEN_LATER, null));
    }

    @Test
    void refusesLeavingWithoutMembership() {
        expectRefusal(fixture.given(registered()).when(new LeaveIntegrationspaktenCommand(ENTERPRISE_ID, LATER,
                        null)),
                EnterpriseRule.CAN_LEAVE_ONLY_AS_MEMBER,
                "Enterprise kafe-kompassen is not a member of Integrationspakten and cannot leave it");
    }

    @Test
    void refusesLeavingTwice() {
        expectRefusal(fixture.given(registered(), joined(MEMBER),
                                new LeftIntegrationspaktenEvent(ENTERPRISE_ID, LATER, null))
                        .when(new LeaveIntegrationspaktenCommand(ENTERPRISE_ID, EVEN_LATER, null)),
                EnterpriseRule.CAN_LEAVE_ONLY_AS_MEMBER, "is not a member of Integrationspakten");
    }

    @Test
    void leavesOnTheClosingDateButNotTheDayAfter() {
        fixture.given(registered(), joined(MEMBER), closed())
                .when(new LeaveIntegrationspaktenCommand(ENTERPRISE_ID, CLOSED_ON, null))
                .expectEvents(new LeftIntegrationspaktenEvent(ENTERPRISE_ID, CLOSED_ON, null));
        expectRefusal(fixture.given(registered(), joined(MEMBER), closed())
                        .when(new LeaveIntegrationspaktenCommand(ENTERPRISE_ID, CLOSED_ON.plusDays(1), null)),
                EnterpriseRule.CLOSED_ENTERPRISE_RECORDS_NOTHING_AFTER_CLOSING, "closed on 2023-06-30");
    }
}
