package se.asfplan.web.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.web.api.http.Paging;
import se.asfplan.domain.meeting.MeetingCommands.RetractMeetingFactCommand;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.meeting.MeetingCommands.CorrectMeetingParticipantsCommand;
import se.asfplan.domain.meeting.MeetingCommands.RecordMeetingCommand;
import se.asfplan.domain.meeting.MeetingEvents.MeetingFactRetractedEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingParticipantsCorrectedEvent;
import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.domain.meeting.MeetingKind;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.projections.meeting.MeetingQueries.MeetingPage;
import se.asfplan.projections.meeting.MeetingQueries.MeetingView;
import se.asfplan.web.api.problem.RecordKind;
import se.asfplan.web.api.problem.RecordsFactsOf;

@RestController
@RecordsFactsOf(RecordKind.MEETING)
@RequestMapping("/api/meetings")
@Tag(name = "Meetings", description = "Dialogue forums between buyers and ASF, round tables, working meetings and "
        + "tender schools, with their participating enterprises")
public class MeetingController {

    private final CommandSender commands;
    private final EnterpriseReader reader;
    private final BusinessDates dates;

    public MeetingController(CommandSender commands, EnterpriseReader reader, BusinessDates dates) {
        this.commands = commands;
        this.reader = reader;
        this.dates = dates;
    }

    @GetMapping
    @Operation(summary = "The recorded meetings, newest first, optionally of one kind or with one participant")
    public ResponseEntity<List<MeetingView>> meetings(@RequestParam(required = false) MeetingKind kind,
                                      @RequestParam(required = false) EnterpriseId participant,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        MeetingPage listed = reader.meetings(kind, participant, page, size);
        return Paging.page(listed.items(), listed.total(), page, size);
    }

    @GetMapping("/{meetingId}")
    @Operation(summary = "One meeting with its current participants")
    public MeetingView meeting(@PathVariable MeetingId meetingId) {
        return reader.meeting(meetingId);
    }

    @PostMapping
    @Operation(summary = "Record a held meeting; without meetingId one is generated, returned in Location")
    public ResponseEntity<Recorded> record(@Valid @RequestBody RecordMeetingRequest request) {
        MeetingId meetingId = request.meetingId() != null ? request.meetingId()
                : new MeetingId(UUID.randomUUID().toString());
        commands.send(new RecordMeetingCommand(meetingId, request.kind(), request.title(), request.organiser(),
                request.participants(), dates.orToday(request.occurredOn()), request.carriesOut()));
        return PlanController.created(MeetingHeldEvent.class, uri(meetingId));
    }

    @PostMapping("/{meetingId}/participant-corrections")
    @Operation(summary = "Correct the participant list, with the reason (the first list stays in the history)")
    public Recorded correctParticipants(@PathVariable MeetingId meetingId,
                                        @Valid @RequestBody CorrectParticipantsRequest request) {
        commands.send(new CorrectMeetingParticipantsCommand(meetingId, request.participants(), request.reason(),
                dates.orToday(request.occurredOn())));
        return new Recorded(MeetingParticipantsCorrectedEvent.class, uri(meetingId));
    }

    @PostMapping("/{meetingId}/retractions")
    @Operation(summary = "Retract the meeting recorded in error, named by the event id of its recording, with the "
            + "reason. It stops counting from the moment the retraction is recorded")
    public Recorded retract(@PathVariable MeetingId meetingId, @Valid @RequestBody RetractionRequest request) {
        commands.send(new RetractMeetingFactCommand(meetingId, request.eventId(), request.reason(),
                dates.orToday(request.occurredOn())));
        return new Recorded(MeetingFactRetractedEvent.class, uri(meetingId));
    }

    private static URI uri(MeetingId meetingId) {
        return URI.create("/api/meetings/" + meetingId);
    }

    public record RecordMeetingRequest(MeetingId meetingId, @NotNull MeetingKind kind,
                                       @NotBlank @Size(max = 300) String title,
                                       @NotBlank @Size(max = 300) String organiser,
                                       @Size(max = 500) List<@NotNull EnterpriseId> participants,
                                       LocalDate occurredOn, PlanActivityReference carriesOut) {
    }

    public record CorrectParticipantsRequest(
            @NotNull @Size(max = 500) List<@NotNull EnterpriseId> participants,
            @NotBlank @Size(max = 2000) String reason, LocalDate occurredOn) {
    }
}
