package se.asfplan.domain.enterprise;

import static se.asfplan.domain.enterprise.EnterpriseFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeIntegrationspaktenLevelCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeSocialEnterpriseDetailsCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToBusinessDialogueCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToReferenceGroupCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinReferenceGroupCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.LeaveIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RecordBusinessAdviceCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RecordEventParticipationCommand;
import se.asfplan.domain.enterprise.EnterpriseEvents.BusinessAdviceReceivedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EventParticipationRecordedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToBusinessDialogueEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedReferenceGroupEvent;
import se.asfplan.domain.plan.PlanActivityReference;

/**
 * Integrationspakten's reference group, SBR's business dialogues, business advice and participation in events,
 * and the rule that a closed enterprise records nothing dated after its closing date.
 */
class BusinessSupportTest {

    private AggregateTestFixture<SocialEnterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = enterpriseFixture(new InMemoryEnterpriseRegister());
    }

    // ------------------------------------------------------------------------------------------- reference group

    @Test
    void invitesToTheReferenceGroup() {
        fixture.given(registered())
                .when(new InviteToReferenceGroupCommand(ENTERPRISE_ID, LATER, INVITE_ALL_TO_INTEGRATIONSPAKTEN))
                .expectEvents(new InvitedToReferenceGroupEvent(ENTERPRISE_ID, LATER, INVITE_ALL_TO_INTEGRATIONSPAKTEN));
    }

    @Test
    void joinsTheReferenceGroup() {
        fixture.given(registered(), new InvitedToReferenceGroupEvent(ENTERPRISE_ID, LATER, null))
                .when(new JoinReferenceGroupCommand(ENTERPRISE_ID, LATER, null))
                .expectEvents(new JoinedReferenceGroupEvent(ENTERPRISE_ID, LATER, null));
    }

    @Test
    void refusesJoiningTheReferenceGroupTwice() {
        expectRefusal(fixture.given(registered(), new JoinedReferenceGroupEvent(ENTERPRISE_ID, LATER, null))
                        .when(new JoinReferenceGroupCommand(ENTERPRISE_ID, TODAY, null)),
                EnterpriseRule.CAN_JOIN_REFERENCE_GROUP_ONCE,
                "Enterprise kafe-kompassen joined Integrationspakten's reference group on 2022-03-01");
    }

    // ------------------------------------------------------------------------------------------- business dialogue

    @Test
    void invitesToABusinessDialogueNamingIt() {
        fixture.given(registered())
                .when(new InviteToBusinessDialogueCommand(ENTERPRISE_ID, " Företagsdialog Järva ", LATER, null))
                .expectEvents(new InvitedToBusinessDialogueEvent(ENTERPRISE_ID, "Företagsdialog Järva", LATER, null));
    }

    @Test
    void invitesToABusinessDialogueWithoutNamingIt() {
        fixture.given(registered())
                .when(new InviteToBusinessDialogueCommand(ENTERPRISE_ID, " ", LATER, null))
                .expectEvents(new InvitedToBusinessDialogueEvent(ENTERPRISE_ID, null, LATER, null));
    }

    // ------------------------------------------------------------------------------------------- advice

    @Test
    void recordsBusinessAdviceWithItsProviderAndHours() {
        fixture.given(registered())
                .when(new RecordBusinessAdviceCommand(ENTERPRISE_ID, "Coompanion Stockholm", new BigDecimal("2.50"),
                        LATER, null))
                .expectEvents(new BusinessAdviceReceivedEvent(ENTERPRISE_ID, "Coompanion Stockholm",
                        new BigDecimal("2.5"), LATER, null));
    }

    @Test
    void recordsTheSmallestAdviceOfOneHundredthOfAnHour() {
        fixture.given(registered())
                .when(new RecordBusinessAdviceCommand(ENTERPRISE_ID, "SBR", new BigDecimal("0.01"), LATER, null))
                .expectEvents(new BusinessAdviceReceivedEvent(ENTERPRISE_ID, "SBR", new BigDecimal("0.01"), LATER,
                        null));
    }

    @Test
    void recordsWholeHoursWithoutDecimals() {
        fixture.given(registered())
                .when(new RecordBusinessAdviceCommand(ENTERPRISE_ID, "SBR", new BigDecimal("10.00"), LATER, null))
                .expectEvents(new BusinessAdviceReceivedEvent(ENTERPRISE_ID, "SBR", new BigDecimal("10"), LATER,
                        null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1"})
    void rejectsAdviceOfNoHours(String hours) {
        expectInvalid(fixture.given(registered()).when(new RecordBusinessAdviceCommand(ENTERPRISE_ID, "SBR",
                new BigDecimal(hours), LATER, null)), "hours must be more than 0");
    }

    @Test
    void rejectsHoursWithThreeDecimals() {
        expectInvalid(fixture.given(registered()).when(new RecordBusinessAdviceCommand(ENTERPRISE_ID, "SBR",
                new BigDecimal("1.125"), LATER, null)), "hours must have at most 2 decimals, but was 1.125");
    }

    @Test
    void rejectsAdviceWithoutProvider() {
        expectInvalid(fixture.given(registered()).when(new RecordBusinessAdviceCommand(ENTERPRISE_ID, "",
                BigDecimal.ONE, LATER, null)), "provider must not be blank");
    }

    // ------------------------------------------------------------------------------------------- participation

    @Test
    void recordsParticipationInATenderSchool() {
        fixture.given(registered())
                .when(new RecordEventParticipationCommand(ENTERPRISE_ID, ParticipationKind.TENDER_SCHOOL,
                        "Anbudsskola för ASF, vår 2022", LATER, null))
                .expectEvents(new EventParticipationRecordedEvent(ENTERPRISE_ID, ParticipationKind.TENDER_SCHOOL,
                        "Anbudsskola för ASF, vår 2022", LATER, null));
    }

    @Test
    void rejectsParticipationWithoutKind() {
        expectInvalid(fixture.given(registered()).when(new RecordEventParticipationCommand(ENTERPRISE_ID, null,
                "Seminarium", LATER, null)), "kind must be given");
    }

    // ------------------------------------------------------------------------------------------- after closing

    static Stream<Named<Function<LocalDate, Object>>> recordingCommands() {
        return Stream.of(
                Named.of("details change", on -> new ChangeSocialEnterpriseDetailsCommand(ENTERPRISE_ID,
                        details(LegalForm.AKTIEBOLAG), on, null)),
                Named.of("invitation to Integrationspakten", on -> new InviteToIntegrationspaktenCommand(
                        ENTERPRISE_ID, on, null)),
                Named.of("joining Integrationspakten", on -> new JoinIntegrationspaktenCommand(ENTERPRISE_ID,
                        MEMBER, on, null)),
                Named.of("level change", on -> new ChangeIntegrationspaktenLevelCommand(ENTERPRISE_ID, MEMBER, on,
                        null)),
                Named.of("leaving Integrationspakten", on -> new LeaveIntegrationspaktenCommand(ENTERPRISE_ID, on,
                        null)),
                Named.of("invitation to the reference group", on -> new InviteToReferenceGroupCommand(
                        ENTERPRISE_ID, on, null)),
                Named.of("joining the reference group", on -> new JoinReferenceGroupCommand(ENTERPRISE_ID, on,
                        null)),
                Named.of("invitation to a business dialogue", on -> new InviteToBusinessDialogueCommand(
                        ENTERPRISE_ID, null, on, null)),
                Named.of("business advice", on -> new RecordBusinessAdviceCommand(ENTERPRISE_ID, "SBR",
                        BigDecimal.ONE, on, null)),
                Named.of("event participation", on -> new RecordEventParticipationCommand(ENTERPRISE_ID,
                        ParticipationKind.SEMINAR, "Seminarium", on, null)));
    }

    static Stream<Named<Function<PlanActivityReference, Object>>> commandsCarryingOut() {
        return Stream.of(
                Named.of("details change", activity -> new ChangeSocialEnterpriseDetailsCommand(ENTERPRISE_ID,
                        details(LegalForm.AKTIEBOLAG), LATER, activity)),
                Named.of("invitation to Integrationspakten", activity -> new InviteToIntegrationspaktenCommand(
                        ENTERPRISE_ID, LATER, activity)),
                Named.of("joining Integrationspakten", activity -> new JoinIntegrationspaktenCommand(ENTERPRISE_ID,
                        MEMBER, LATER, activity)),
                Named.of("invitation to the reference group", activity -> new InviteToReferenceGroupCommand(
                        ENTERPRISE_ID, LATER, activity)),
                Named.of("joining the reference group", activity -> new JoinReferenceGroupCommand(ENTERPRISE_ID,
                        LATER, activity)),
                Named.of("invitation to a business dialogue", activity -> new InviteToBusinessDialogueCommand(
                        ENTERPRISE_ID, null, LATER, activity)),
                Named.of("business advice", activity -> new RecordBusinessAdviceCommand(ENTERPRISE_ID, "SBR",
                        BigDecimal.ONE, LATER, activity)),
                Named.of("event participation", activity -> new RecordEventParticipationCommand(ENTERPRISE_ID,
                        ParticipationKind.SEMINAR, "Seminarium", LATER, activity)));
    }

    @ParameterizedTest(name = "refuses a {0} carrying out an activity no plan has")
    @MethodSource("commandsCarryingOut")
    void refusesAFactCarryingOutAnActivityNoPlanHas(Function<PlanActivityReference, Object> command) {
        expectRefusal(fixture.given(registered()).when(command.apply(UNKNOWN_ACTIVITY)),
                EnterpriseRule.CARRIED_OUT_ACTIVITY_MUST_EXIST,
                "Plan stockholm-asf-2021 has no activity finns-inte for this fact to carry out");
    }

    @Test
    void refusesALevelChangeOrLeavingCarryingOutAnActivityNoPlanHas() {
        expectRefusal(fixture.given(registered(), joined(MEMBER)).when(new ChangeIntegrationspaktenLevelCommand(
                        ENTERPRISE_ID, PLUSMEDLEM, LATER, UNKNOWN_ACTIVITY)),
                EnterpriseRule.CARRIED_OUT_ACTIVITY_MUST_EXIST, "has no activity finns-inte");
        expectRefusal(fixture.given(registered(), joined(MEMBER)).when(new LeaveIntegrationspaktenCommand(
                        ENTERPRISE_ID, LATER, UNKNOWN_ACTIVITY)),
                EnterpriseRule.CARRIED_OUT_ACTIVITY_MUST_EXIST, "has no activity finns-inte");
    }

    @ParameterizedTest(name = "refuses a {0} dated the day after closing")
    @MethodSource("recordingCommands")
    void refusesAnythingDatedAfterTheClosingDate(Function<LocalDate, Object> command) {
        expectRefusal(fixture.given(registered(), closed()).when(command.apply(CLOSED_ON.plusDays(1))),
                EnterpriseRule.CLOSED_ENTERPRISE_RECORDS_NOTHING_AFTER_CLOSING,
                "Enterprise kafe-kompassen closed on 2023-06-30; nothing can be recorded for 2023-07-01");
    }

    @Test
    void recordsAdviceOnTheClosingDate() {
        fixture.given(registered(), closed())
                .when(new RecordBusinessAdviceCommand(ENTERPRISE_ID, "SBR", BigDecimal.ONE, CLOSED_ON, null))
                .expectEvents(new BusinessAdviceReceivedEvent(ENTERPRISE_ID, "SBR", BigDecimal.ONE, CLOSED_ON, null));
    }

    @Test
    void recordsAnInvitationLateForADateBeforeTheClosingDate() {
        LocalDate beforeClosing = CLOSED_ON.minusMonths(3);
        fixture.given(registered(), closed())
                .when(new InviteToReferenceGroupCommand(ENTERPRISE_ID, beforeClosing, null))
                .expectEvents(new InvitedToReferenceGroupEvent(ENTERPRISE_ID, beforeClosing, null));
    }
}
