package se.asfplan.domain.enterprise;

import static se.asfplan.domain.enterprise.EnterpriseFixtures.ENTERPRISE_ID;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.LATER;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.MEMBER;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.PLUSMEDLEM;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.TODAY;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.TOMORROW;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.enterpriseFixture;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.expectInvalid;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.expectRefusal;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.joined;
import static se.asfplan.domain.enterprise.EnterpriseFixtures.registered;
import static se.asfplan.domain.shared.GivenEventIds.idOf;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeIntegrationspaktenLevelCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinReferenceGroupCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.LeaveIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RetractEnterpriseFactCommand;
import se.asfplan.domain.enterprise.EnterpriseEvents.BusinessAdviceReceivedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EventParticipationRecordedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToBusinessDialogueEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.LeftIntegrationspaktenEvent;

/** Retracting an enterprise's fact recorded in error: which facts, when, and what the retraction restores. */
class EnterpriseRetractionTest {

    private static final String REASON = "Registrerad på fel företag";
    private static final LocalDate EVEN_LATER = LocalDate.of(2023, 1, 20);
    private static final String ID = ENTERPRISE_ID.value();

    private AggregateTestFixture<SocialEnterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = enterpriseFixture(new InMemoryEnterpriseRegister());
    }

    private RetractEnterpriseFactCommand retract(String eventId) {
        return new RetractEnterpriseFactCommand(ENTERPRISE_ID, eventId, REASON, TODAY);
    }

    private static EnterpriseFactRetractedEvent retracted(String eventId, String fact) {
        return new EnterpriseFactRetractedEvent(ENTERPRISE_ID, eventId, fact, REASON, TODAY);
    }

    @Test
    void retractsEachIndependentOccurrenceAnyTime() {
        Object[] occurrences = {
                new InvitedToIntegrationspaktenEvent(ENTERPRISE_ID, LATER, null),
                new InvitedToReferenceGroupEvent(ENTERPRISE_ID, LATER, null),
                new InvitedToBusinessDialogueEvent(ENTERPRISE_ID, "Företagsdialog Järva", LATER, null),
                new BusinessAdviceReceivedEvent(ENTERPRISE_ID, "SBR", new BigDecimal("2"), LATER, null),
                new EventParticipationRecordedEvent(ENTERPRISE_ID, ParticipationKind.TENDER_SCHOOL, "Anbudsskola",
                        LATER, null)};
        for (Object occurrence : occurrences) {
            setUp();
            // a later invitation follows: an occurrence need not be the latest fact to be retracted
            TestExecutor<SocialEnterprise> given = fixture.given(registered(), occurrence,
                    new InvitedToIntegrationspaktenEvent(ENTERPRISE_ID, EVEN_LATER, null));
            String eventId = idOf(fixture, ID, 1);
            given.when(retract(eventId))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(retracted(eventId, occurrence.getClass().getSimpleName()));
        }
    }

    @Test
    void retractsTheLatestMembershipStepAndRestoresTheLevelBeforeIt() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered(), joined(MEMBER),
                new IntegrationspaktenLevelChangedEvent(ENTERPRISE_ID, MEMBER, PLUSMEDLEM, EVEN_LATER, null));
        String changed = idOf(fixture, ID, 2);
        given.andGiven(retracted(changed, "IntegrationspaktenLevelChangedEvent"))
                // a member at level member again: the change to plusmedlem can be recorded anew, dated earlier
                .when(new ChangeIntegrationspaktenLevelCommand(ENTERPRISE_ID, PLUSMEDLEM, LATER, null))
                .expectEvents(new IntegrationspaktenLevelChangedEvent(ENTERPRISE_ID, MEMBER, PLUSMEDLEM, LATER, null));
    }

    @Test
    void retractingAJoinLeavesTheEnterpriseOutsideSoItCanJoinAnew() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered(), joined(MEMBER));
        String join = idOf(fixture, ID, 1);
        given.when(retract(join)).expectEvents(retracted(join, "JoinedIntegrationspaktenEvent"));

        setUp();
        given = fixture.given(registered(), joined(MEMBER));
        join = idOf(fixture, ID, 1);
        given.andGiven(retracted(join, "JoinedIntegrationspaktenEvent"))
                .when(new JoinIntegrationspaktenCommand(ENTERPRISE_ID, PLUSMEDLEM, EVEN_LATER, null))
                .expectEvents(new JoinedIntegrationspaktenEvent(ENTERPRISE_ID, PLUSMEDLEM, EVEN_LATER, null));
    }

    @Test
    void retractingALeavingRestoresTheMembership() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered(), joined(MEMBER),
                new LeftIntegrationspaktenEvent(ENTERPRISE_ID, EVEN_LATER, null));
        String left = idOf(fixture, ID, 2);
        given.andGiven(retracted(left, "LeftIntegrationspaktenEvent"))
                .when(new LeaveIntegrationspaktenCommand(ENTERPRISE_ID, EVEN_LATER, null))
                .expectEvents(new LeftIntegrationspaktenEvent(ENTERPRISE_ID, EVEN_LATER, null));
    }

    @Test
    void retractingTheReferenceGroupMembershipLetsItJoinAnew() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered(),
                new JoinedReferenceGroupEvent(ENTERPRISE_ID, LATER, null));
        String join = idOf(fixture, ID, 1);
        given.andGiven(retracted(join, "JoinedReferenceGroupEvent"))
                .when(new JoinReferenceGroupCommand(ENTERPRISE_ID, EVEN_LATER, null))
                .expectEvents(new JoinedReferenceGroupEvent(ENTERPRISE_ID, EVEN_LATER, null));
    }

    @Test
    void refusesToRetractAMembershipStepThatIsNotTheLatest() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered(), joined(MEMBER),
                new IntegrationspaktenLevelChangedEvent(ENTERPRISE_ID, MEMBER, PLUSMEDLEM, EVEN_LATER, null));
        String join = idOf(fixture, ID, 1);
        expectRefusal(given.when(retract(join)), EnterpriseRule.ONLY_THE_LATEST_STEP_CAN_BE_RETRACTED,
                "is not enterprise kafe-kompassen's latest Integrationspakten step");
    }

    @Test
    void refusesAnEventThatIsNotOneOfTheEnterprisesRetractableFacts() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered());
        String registration = idOf(fixture, ID, 0);
        expectRefusal(given.when(retract(registration)), EnterpriseRule.RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD,
                "holds no fact recorded by event " + registration);
        setUp();
        expectRefusal(fixture.given(registered()).when(retract("no-such-event")),
                EnterpriseRule.RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD, "no-such-event");
    }

    @Test
    void refusesToRetractAFactTwice() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered(),
                new InvitedToIntegrationspaktenEvent(ENTERPRISE_ID, LATER, null));
        String invitation = idOf(fixture, ID, 1);
        expectRefusal(given.andGiven(retracted(invitation, "InvitedToIntegrationspaktenEvent"))
                        .when(retract(invitation)),
                EnterpriseRule.EVENT_IS_ALREADY_RETRACTED, "is already retracted");
    }

    @Test
    void rejectsARetractionWithoutReasonOrEventOrDateOrDatedTomorrow() {
        TestExecutor<SocialEnterprise> given = fixture.given(registered(),
                new InvitedToIntegrationspaktenEvent(ENTERPRISE_ID, LATER, null));
        String invitation = idOf(fixture, ID, 1);
        expectInvalid(given.when(new RetractEnterpriseFactCommand(ENTERPRISE_ID, invitation, " ", TODAY)),
                "reason must not be blank");
        setUp();
        expectInvalid(fixture.given(registered()).when(new RetractEnterpriseFactCommand(ENTERPRISE_ID, null,
                REASON, TODAY)), "eventId must be given");
        setUp();
        expectInvalid(fixture.given(registered()).when(new RetractEnterpriseFactCommand(ENTERPRISE_ID, "x",
                REASON, null)), "occurredOn must be given");
        setUp();
        expectRefusal(fixture.given(registered()).when(new RetractEnterpriseFactCommand(ENTERPRISE_ID, "x",
                REASON, TOMORROW)), EnterpriseRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE, "lies in the future");
    }
}
