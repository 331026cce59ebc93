package se.asfplan.domain.meeting;

import static org.hamcrest.Matchers.containsString;
import static se.asfplan.domain.shared.GivenEventIds.idOf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.InMemoryEnterpriseRegister;
import se.asfplan.domain.enterprise.PlanActivities;
import se.asfplan.domain.meeting.MeetingCommands.CorrectMeetingParticipantsCommand;
import se.asfplan.domain.meeting.MeetingCommands.RetractMeetingFactCommand;
import se.asfplan.domain.meeting.MeetingEvents.MeetingFactRetractedEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingParticipantsCorrectedEvent;
import se.asfplan.domain.shared.RuleViolationException;

/** Retracting a meeting recorded in error: any time, once, and nothing changes it afterwards. */
class MeetingRetractionTest {

    private static final MeetingId MEETING_ID = new MeetingId("dialogforum-2022-03");
    private static final LocalDate HELD_ON = LocalDate.of(2022, 3, 15);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final EnterpriseId KOMPASSEN = new EnterpriseId("kafe-kompassen");
    private static final EnterpriseId VAVERIET = new EnterpriseId("vaveriet");
    private static final String REASON = "Mötet ställdes in; registrerat av misstag";

    private AggregateTestFixture<Meeting> fixture;

    @BeforeEach
    void setUp() {
        InMemoryEnterpriseRegister register = new InMemoryEnterpriseRegister();
        register.given(KOMPASSEN, null, true);
        register.given(VAVERIET, null, true);
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneOffset.UTC));
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource((PlanActivities) reference -> false);
    }

    private static MeetingHeldEvent held() {
        return new MeetingHeldEvent(MEETING_ID, MeetingKind.DIALOGUE_FORUM, "Dialogforum om livsmedel",
                "Serviceförvaltningen", HELD_ON, List.of(KOMPASSEN), null);
    }

    private static MeetingFactRetractedEvent retracted(String eventId) {
        return new MeetingFactRetractedEvent(MEETING_ID, eventId, "MeetingHeldEvent", REASON, TODAY);
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
    void retractsTheMeetingHeldEvenAfterItsParticipantsWereCorrected() {
        TestExecutor<Meeting> given = fixture.given(held(), new MeetingParticipantsCorrectedEvent(MEETING_ID,
                List.of(VAVERIET), "Fel företag", TODAY));
        String heldId = idOf(fixture, MEETING_ID.value(), 0);
        given.when(new RetractMeetingFactCommand(MEETING_ID, heldId, REASON, TODAY))
                .expectEvents(retracted(heldId));
    }

    @Test
    void refusesAnEventThatIsNotTheMeetingsRetractableFact() {
        TestExecutor<Meeting> given = fixture.given(held(), new MeetingParticipantsCorrectedEvent(MEETING_ID,
                List.of(VAVERIET), "Fel företag", TODAY));
        String correction = idOf(fixture, MEETING_ID.value(), 1);
        expectRefusal(given.when(new RetractMeetingFactCommand(MEETING_ID, correction, REASON, TODAY)),
                MeetingRule.RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD, "holds no fact recorded by event " + correction);
    }

    @Test
    void refusesToRetractTheMeetingTwice() {
        TestExecutor<Meeting> given = fixture.given(held());
        String heldId = idOf(fixture, MEETING_ID.value(), 0);
        expectRefusal(given.andGiven(retracted(heldId))
                        .when(new RetractMeetingFactCommand(MEETING_ID, heldId, REASON, TODAY)),
                MeetingRule.EVENT_IS_ALREADY_RETRACTED, "is already retracted");
    }

    @Test
    void refusesToCorrectTheParticipantsOfARetractedMeeting() {
        TestExecutor<Meeting> given = fixture.given(held());
        String heldId = idOf(fixture, MEETING_ID.value(), 0);
        expectRefusal(given.andGiven(retracted(heldId)).when(new CorrectMeetingParticipantsCommand(MEETING_ID,
                        List.of(VAVERIET), "Fel företag", TODAY)),
                MeetingRule.RETRACTED_MEETING_CANNOT_CHANGE, "is retracted");
    }

    @Test
    void rejectsARetractionWithoutReason() {
        TestExecutor<Meeting> given = fixture.given(held());
        String heldId = idOf(fixture, MEETING_ID.value(), 0);
        given.when(new RetractMeetingFactCommand(MEETING_ID, heldId, null, TODAY))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("reason must not be blank"))
                .expectNoEvents();
    }
}
