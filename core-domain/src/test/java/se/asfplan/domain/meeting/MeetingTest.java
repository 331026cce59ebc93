package se.asfplan.domain.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.InMemoryEnterpriseRegister;
import se.asfplan.domain.enterprise.PlanActivities;
import se.asfplan.domain.meeting.MeetingCommands.CorrectMeetingParticipantsCommand;
import se.asfplan.domain.meeting.MeetingCommands.RecordMeetingCommand;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingParticipantsCorrectedEvent;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.shared.RuleViolationException;

/** Recording a held meeting with its participating enterprises, and correcting the participant list. */
class MeetingTest {

    private static final MeetingId MEETING_ID = new MeetingId("dialogforum-2022-03");
    private static final LocalDate HELD_ON = LocalDate.of(2022, 3, 15);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final EnterpriseId KOMPASSEN = new EnterpriseId("kafe-kompassen");
    private static final EnterpriseId VAVERIET = new EnterpriseId("vaveriet");
    private static final EnterpriseId CYKELKOKET = new EnterpriseId("cykelkoket");
    private static final PlanActivityReference DIALOGUE_FORUMS = new PlanActivityReference(
            new PlanId("stockholm-asf-2021"), new ActivityId("inkop-dialogforum"));

    private static final EnterpriseId CLOSED_BEFORE = new EnterpriseId("stangt-kafe");

    private AggregateTestFixture<Meeting> fixture;
    private InMemoryEnterpriseRegister register;

    @BeforeEach
    void setUp() {
        register = new InMemoryEnterpriseRegister();
        for (EnterpriseId enterprise : List.of(KOMPASSEN, VAVERIET, CYKELKOKET)) {
            register.given(enterprise, null, true);
        }
        register.givenClosed(CLOSED_BEFORE, HELD_ON.minusDays(1));
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneOffset.UTC));
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource((PlanActivities) DIALOGUE_FORUMS::equals);
    }

    private static RecordMeetingCommand record(LocalDate on, EnterpriseId... participants) {
        return new RecordMeetingCommand(MEETING_ID, MeetingKind.DIALOGUE_FORUM, "Dialogforum om livsmedel",
                "Serviceförvaltningen", List.of(participants), on, DIALOGUE_FORUMS);
    }

    private static MeetingHeldEvent held(EnterpriseId... participants) {
        return new MeetingHeldEvent(MEETING_ID, MeetingKind.DIALOGUE_FORUM, "Dialogforum om livsmedel",
                "Serviceförvaltningen", HELD_ON, List.of(participants), DIALOGUE_FORUMS);
    }

    private static ResultValidator<Meeting> expectRefusal(ResultValidator<Meeting> result, MeetingRule rule,
                                                          String messagePart) {
        return result.expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString(messagePart))
                .expectException(new CustomTypeSafeMatcher<RuleViolationException>("a violation of " + rule) {
                    @Override
                    protected boolean matchesSafely(RuleViolationException exception) {
                        return exception.rule() == rule;
                    }
                })
                .expectNoEvents();
    }

    @Test
    void recordsAHeldMeetingWithItsParticipants() {
        fixture.givenNoPriorActivity()
                .when(record(HELD_ON, KOMPASSEN, VAVERIET))
                .expectEvents(held(KOMPASSEN, VAVERIET));
    }

    @Test
    void recordsAMeetingHeldTodayWithoutParticipatingEnterprises() {
        fixture.givenNoPriorActivity()
                .when(new RecordMeetingCommand(MEETING_ID, MeetingKind.WORKING_MEETING, "Arbetsmöte", "SLK", null,
                        TODAY, null))
                .expectEvents(new MeetingHeldEvent(MEETING_ID, MeetingKind.WORKING_MEETING, "Arbetsmöte", "SLK",
                        TODAY, List.of(), null));
    }

    @Test
    void refusesAMeetingDatedTomorrow() {
        expectRefusal(fixture.givenNoPriorActivity().when(record(TODAY.plusDays(1), KOMPASSEN)),
                MeetingRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE, "The date 2024-06-16 lies in the future");
    }

    @Test
    void refusesAnEnterpriseNamedTwiceAmongTheParticipants() {
        expectRefusal(fixture.givenNoPriorActivity().when(record(HELD_ON, KOMPASSEN, VAVERIET, KOMPASSEN)),
                MeetingRule.PARTICIPANTS_MUST_BE_DISTINCT,
                "Enterprise kafe-kompassen is named more than once among the participants");
    }

    @Test
    void refusesAParticipantThatIsNotARegisteredEnterprise() {
        expectRefusal(fixture.givenNoPriorActivity().when(record(HELD_ON, KOMPASSEN, new EnterpriseId("okant-ab"))),
                MeetingRule.PARTICIPANT_MUST_BE_REGISTERED,
                "No enterprise okant-ab is registered; register it before it can take part");
    }

    @Test
    void refusesAParticipantThatClosedTheDayBeforeTheMeeting() {
        expectRefusal(fixture.givenNoPriorActivity().when(record(HELD_ON, KOMPASSEN, CLOSED_BEFORE)),
                MeetingRule.PARTICIPANT_MUST_NOT_HAVE_CLOSED_BEFORE_THE_MEETING,
                "Enterprise stangt-kafe closed on 2022-03-14, before the meeting on 2022-03-15");
    }

    @Test
    void recordsAParticipantThatClosedOnTheDayOfTheMeeting() {
        EnterpriseId closingThatDay = new EnterpriseId("sista-dagen");
        register.givenClosed(closingThatDay, HELD_ON);
        fixture.givenNoPriorActivity()
                .when(record(HELD_ON, closingThatDay))
                .expectEvents(held(closingThatDay));
    }

    @Test
    void refusesAMeetingCarryingOutAnActivityNoPlanHas() {
        expectRefusal(fixture.givenNoPriorActivity().when(new RecordMeetingCommand(MEETING_ID,
                        MeetingKind.TENDER_SCHOOL, "Anbudsskola", "SBR", List.of(KOMPASSEN), HELD_ON,
                        new PlanActivityReference(new PlanId("stockholm-asf-2021"), new ActivityId("finns-inte")))),
                MeetingRule.CARRIED_OUT_ACTIVITY_MUST_EXIST,
                "Plan stockholm-asf-2021 has no activity finns-inte for this meeting to carry out");
    }

    @Test
    void refusesRecordingTheSameMeetingTwice() {
        expectRefusal(fixture.given(held(KOMPASSEN)).when(record(HELD_ON, KOMPASSEN)),
                MeetingRule.MEETING_CAN_BE_RECORDED_ONCE,
                "Meeting dialogforum-2022-03 held on 2022-03-15 is already recorded");
    }

    @Test
    void rejectsAMeetingWithoutKindTitleOrOrganiser() {
        fixture.givenNoPriorActivity()
                .when(new RecordMeetingCommand(MEETING_ID, null, "T", "O", List.of(), HELD_ON, null))
                .expectException(IllegalArgumentException.class).expectExceptionMessage("kind must be given")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordMeetingCommand(MEETING_ID, MeetingKind.ROUND_TABLE, "T", " ", List.of(), HELD_ON,
                        null))
                .expectException(IllegalArgumentException.class).expectExceptionMessage("organiser must not be blank")
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------------- correction

    @Test
    void correctsTheParticipantsWithAReason() {
        fixture.given(held(KOMPASSEN, VAVERIET))
                .when(new CorrectMeetingParticipantsCommand(MEETING_ID, List.of(KOMPASSEN, CYKELKOKET),
                        "Fel företag antecknat", TODAY))
                .expectEvents(new MeetingParticipantsCorrectedEvent(MEETING_ID, List.of(KOMPASSEN, CYKELKOKET),
                        "Fel företag antecknat", TODAY));
    }

    @Test
    void correctsTheParticipantsOnTheDayOfTheMeeting() {
        fixture.given(held(KOMPASSEN))
                .when(new CorrectMeetingParticipantsCommand(MEETING_ID, List.of(), "Ingen kom", HELD_ON))
                .expectEvents(new MeetingParticipantsCorrectedEvent(MEETING_ID, List.of(), "Ingen kom", HELD_ON));
    }

    @Test
    void refusesACorrectionDatedBeforeTheMeeting() {
        expectRefusal(fixture.given(held(KOMPASSEN)).when(new CorrectMeetingParticipantsCommand(MEETING_ID,
                        List.of(), "Ingen kom", HELD_ON.minusDays(1))),
                MeetingRule.CORRECTION_MUST_NOT_PRECEDE_MEETING,
                "A correction dated 2022-03-14 cannot precede meeting dialogforum-2022-03 held on 2022-03-15");
    }

    @Test
    void refusesACorrectionThatKeepsTheParticipants() {
        expectRefusal(fixture.given(held(KOMPASSEN, VAVERIET)).when(new CorrectMeetingParticipantsCommand(
                        MEETING_ID, List.of(VAVERIET, KOMPASSEN), "Omordnat", TODAY)),
                MeetingRule.PARTICIPANT_CORRECTION_MUST_CHANGE_PARTICIPANTS,
                "Meeting dialogforum-2022-03 already has the participants [kafe-kompassen, vaveriet]");
    }

    @Test
    void refusesACorrectionNamingAnEnterpriseTwice() {
        expectRefusal(fixture.given(held(KOMPASSEN)).when(new CorrectMeetingParticipantsCommand(MEETING_ID,
                        List.of(VAVERIET, VAVERIET), "Rättelse", TODAY)),
                MeetingRule.PARTICIPANTS_MUST_BE_DISTINCT, "Enterprise vaveriet is named more than once");
    }

    @Test
    void refusesACorrectionNamingAnUnregisteredEnterprise() {
        expectRefusal(fixture.given(held(KOMPASSEN)).when(new CorrectMeetingParticipantsCommand(MEETING_ID,
                        List.of(new EnterpriseId("okant-ab")), "Rättelse", TODAY)),
                MeetingRule.PARTICIPANT_MUST_BE_REGISTERED, "No enterprise okant-ab is registered");
    }

    @Test
    void refusesACorrectionNamingAnEnterpriseClosedBeforeTheMeeting() {
        expectRefusal(fixture.given(held(KOMPASSEN)).when(new CorrectMeetingParticipantsCommand(MEETING_ID,
                        List.of(CLOSED_BEFORE), "Rättelse", TODAY)),
                MeetingRule.PARTICIPANT_MUST_NOT_HAVE_CLOSED_BEFORE_THE_MEETING,
                "closed on 2022-03-14, before the meeting on 2022-03-15");
    }

    @Test
    void refusesACorrectionDatedTomorrow() {
        expectRefusal(fixture.given(held(KOMPASSEN)).when(new CorrectMeetingParticipantsCommand(MEETING_ID,
                        List.of(), "Rättelse", TODAY.plusDays(1))),
                MeetingRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE, "lies in the future");
    }

    @Test
    void rejectsACorrectionWithoutReason() {
        fixture.given(held(KOMPASSEN))
                .when(new CorrectMeetingParticipantsCommand(MEETING_ID, List.of(), "", TODAY))
                .expectException(IllegalArgumentException.class).expectExceptionMessage("reason must not be blank")
                .expectNoEvents();
    }

    @Test
    void listsEveryMeetingEventExactlyOnce() {
        List<Class<?>> declared = Arrays.stream(MeetingEvents.class.getDeclaredClasses())
                .filter(MeetingEvent.class::isAssignableFrom).toList();
        assertThat(List.<Class<?>>copyOf(MeetingEvents.ALL)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(declared).hasSize(3);
    }
}
