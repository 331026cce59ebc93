package se.asfplan.domain.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.asfplan.domain.shared.CommandChecks.required;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.EnterpriseRegister;
import se.asfplan.domain.enterprise.PlanActivities;
import se.asfplan.domain.enterprise.RegisteredEnterprise;
import se.asfplan.domain.meeting.MeetingCommands.CorrectMeetingParticipantsCommand;
import se.asfplan.domain.meeting.MeetingCommands.RecordMeetingCommand;
import se.asfplan.domain.meeting.MeetingCommands.RetractMeetingFactCommand;
import se.asfplan.domain.meeting.MeetingEvents.MeetingFactRetractedEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingParticipantsCorrectedEvent;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.shared.CommandChecks;
import se.asfplan.domain.shared.RetractableFacts;
import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.domain.shared.Values;

/**
 * A meeting held between buyers and social enterprises. Recorded once, after it was held; its participant list
 * may later be corrected by a new event that says why, never edited.
 *
 * <p>Command handlers check and then apply; event handlers only assign state.
 */
@AggregateRoot(type = "Meeting")
public class Meeting {

    public static final int TEXT_MAX = 300;
    public static final int REASON_MAX = 2000;
    public static final int PARTICIPANTS_MAX = 500;

    @AggregateIdentifier
    private MeetingId meetingId;
    private boolean recorded;
    private LocalDate heldOn;
    private List<EnterpriseId> participants;
    /** The meeting held, which a retraction may name. */
    private final RetractableFacts retractable = new RetractableFacts();
    private boolean retracted;

    /** For Axon: rebuilds the meeting from its events. */
    protected Meeting() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordMeetingCommand command, Clock clock, EnterpriseRegister register,
                       PlanActivities activities) {
        if (recorded) {
            throw new RuleViolationException(MeetingRule.MEETING_CAN_BE_RECORDED_ONCE,
                    "Meeting " + meetingId + " held on " + heldOn + " is already recorded; correct its participants"
                            + " instead");
        }
        MeetingId id = required(command.meetingId(), "meetingId");
        MeetingKind kind = required(command.kind(), "kind");
        String title = Values.text(command.title(), "title", TEXT_MAX);
        String organiser = Values.text(command.organiser(), "organiser", TEXT_MAX);
        LocalDate occurredOn = CommandChecks.recordable(command.occurredOn(), "occurredOn", clock,
                MeetingRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        participantsMustBeDistinctRegisteredEnterprisesOpenOn(command.participants(), occurredOn, register);
        PlanActivityReference carriesOut = command.carriesOut();
        if (carriesOut != null && !activities.contains(carriesOut)) {
            throw new RuleViolationException(MeetingRule.CARRIED_OUT_ACTIVITY_MUST_EXIST,
                    "Plan " + carriesOut.planId() + " has no activity " + carriesOut.activityId()
                            + " for this meeting to carry out");
        }
        apply(new MeetingHeldEvent(id, kind, title, organiser, occurredOn, command.participants(), carriesOut));
    }

    @CommandHandler
    public void handle(CorrectMeetingParticipantsCommand command, Clock clock, EnterpriseRegister register) {
        LocalDate occurredOn = CommandChecks.recordable(command.occurredOn(), "occurredOn", clock,
                MeetingRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        if (occurredOn.isBefore(heldOn)) {
            throw new RuleViolationException(MeetingRule.CORRECTION_MUST_NOT_PRECEDE_MEETING,
                    "A correction dated " + occurredOn + " cannot precede meeting " + meetingId + " held on "
                            + heldOn);
        }
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        if (retracted) {
            throw new RuleViolationException(MeetingRule.RETRACTED_MEETING_CANNOT_CHANGE,
                    "Meeting " + meetingId + " held on " + heldOn + " is retracted; record the meeting anew under"
                            + " another id if it was held");
        }
        participantsMustBeDistinctRegisteredEnterprisesOpenOn(command.participants(), heldOn, register);
        if (Set.copyOf(command.participants()).equals(Set.copyOf(participants))) {
            throw new RuleViolationException(MeetingRule.PARTICIPANT_CORRECTION_MUST_CHANGE_PARTICIPANTS,
                    "Meeting " + meetingId + " already has the participants " + participants);
        }
        apply(new MeetingParticipantsCorrectedEvent(meetingId, command.participants(), reason, occurredOn));
    }

    /** Retracts the meeting recorded in error; a meeting is an independent occurrence, retractable any time. */
    @CommandHandler
    public void handle(RetractMeetingFactCommand command, Clock clock) {
        LocalDate occurredOn = CommandChecks.recordable(command.occurredOn(), "occurredOn", clock,
                MeetingRule.DATE_MUST_NOT_LIE_IN_THE_FUTURE);
        String reason = Values.text(command.reason(), "reason", REASON_MAX);
        String fact = retractable.retractable(command.eventId(),
                MeetingRule.RETRACTED_EVENT_MUST_BELONG_TO_THE_RECORD,
                MeetingRule.EVENT_IS_ALREADY_RETRACTED, "meeting " + meetingId);
        apply(new MeetingFactRetractedEvent(meetingId, command.eventId().strip(), fact, reason,
                occurredOn));
    }

    // ---------------------------------------------------------------------------------------------- rules

    /**
     * Participants are registered enterprises, each named once, that had not closed before the meeting: a typo
     * or a closed enterprise would otherwise count as a participation in follow-up.
     */
    private static void participantsMustBeDistinctRegisteredEnterprisesOpenOn(List<EnterpriseId> participants,
                                                                             LocalDate meetingDate,
                                                                             EnterpriseRegister register) {
        if (participants.size() > PARTICIPANTS_MAX) {
            throw new IllegalArgumentException("participants must be at most " + PARTICIPANTS_MAX
                    + " enterprises, but were " + participants.size());
        }
        Set<EnterpriseId> seen = new HashSet<>();
        for (EnterpriseId participant : participants) {
            required(participant, "participants[]");
            if (!seen.add(participant)) {
                throw new RuleViolationException(MeetingRule.PARTICIPANTS_MUST_BE_DISTINCT,
                        "Enterprise " + participant + " is named more than once among the participants");
            }
        }
        for (EnterpriseId participant : participants) {
            RegisteredEnterprise enterprise = register.find(participant).orElseThrow(() ->
                    new RuleViolationException(MeetingRule.PARTICIPANT_MUST_BE_REGISTERED,
                            "No enterprise " + participant + " is registered; register it before it can take part"));
            if (!enterprise.existedOn(meetingDate)) {
                throw new RuleViolationException(MeetingRule.PARTICIPANT_MUST_NOT_HAVE_CLOSED_BEFORE_THE_MEETING,
                        "Enterprise " + participant + " closed on " + enterprise.closedOn()
                                + ", before the meeting on " + meetingDate);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- state

    @EventHandler
    void on(MeetingHeldEvent event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        retractable.recorded(eventId, event);
        meetingId = event.meetingId();
        recorded = true;
        heldOn = event.occurredOn();
        participants = event.participants();
    }

    @EventHandler
    void on(MeetingParticipantsCorrectedEvent event) {
        participants = event.participants();
    }

    @EventHandler
    void on(MeetingFactRetractedEvent event) {
        retractable.retracted(event.retractedEventId());
        retracted = true;
    }
}
