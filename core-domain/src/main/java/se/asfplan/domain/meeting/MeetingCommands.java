package se.asfplan.domain.meeting;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.plan.PlanActivityReference;

/** The commands the coordination function gives about meetings. */
public final class MeetingCommands {

    private MeetingCommands() {
    }

    /**
     * Record a meeting that was held on {@code occurredOn}, with the enterprises that took part and, optionally,
     * the plan activity it carries out.
     */
    public record RecordMeetingCommand(@TargetAggregateIdentifier MeetingId meetingId, MeetingKind kind,
                                       String title, String organiser, List<EnterpriseId> participants,
                                       LocalDate occurredOn, PlanActivityReference carriesOut) {
        public RecordMeetingCommand {
            participants = participants == null ? List.of() : List.copyOf(participants);
        }
    }

    /**
     * Correct the list of participating enterprises, with the reason; {@code occurredOn} is the day of the
     * correction. The meeting's date and its first list stay in the history.
     */
    public record CorrectMeetingParticipantsCommand(@TargetAggregateIdentifier MeetingId meetingId,
                                                    List<EnterpriseId> participants, String reason,
                                                    LocalDate occurredOn) {
        public CorrectMeetingParticipantsCommand {
            participants = participants == null ? List.of() : List.copyOf(participants);
        }
    }

    /**
     * Retract a fact of the meeting recorded in error (the meeting held, named by its event identifier), with the
     * reason; {@code occurredOn} is the day of the retraction. The retracted meeting stays in the history and no
     * longer counts from the moment the retraction is recorded.
     */
    public record RetractMeetingFactCommand(@TargetAggregateIdentifier MeetingId meetingId, String eventId,
                                            String reason, LocalDate occurredOn) {
    }
}
