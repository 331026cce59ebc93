package se.asfplan.web.page.meeting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.domain.meeting.MeetingKind;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.projections.meeting.MeetingQueries.MeetingView;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.api.EnterpriseReader;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.page.PageNotFoundException;
import se.asfplan.web.page.procurement.RecordChoices;

/**
 * {@code /moten}: the recorded meetings (dialogue forums, round tables, working meetings, tender schools), newest
 * first, optionally of one kind; {@code /moten/{meetingId}}: one meeting with its participating enterprises.
 */
@Controller
class MeetingPageController {

    private final EnterpriseReader meetings;
    private final RecordChoices choices;

    MeetingPageController(EnterpriseReader meetings, RecordChoices choices) {
        this.meetings = meetings;
        this.choices = choices;
    }

    /** A meeting as a row of the list. */
    public record Row(String id, LocalDate occurredOn, String title, String kind, String organiser,
                      int participants, String activity, String activityLink, LocalDate retractedOn) {
    }

    /** A participating enterprise, with the link to it in the register. */
    public record Participant(String name, String link) {
    }

    @GetMapping("/moten")
    String list(@RequestParam(required = false) MeetingKind kind, Model model) {
        Map<String, Optional<PlanView>> plans = new HashMap<>();
        List<Row> rows = meetings.meetings(kind, null).stream().map(meeting -> new Row(meeting.meetingId().value(),
                meeting.occurredOn(), meeting.title(), MeetingTexts.kind(meeting.kind()), meeting.organiser(),
                meeting.participants().size(),
                meeting.carriesOut() == null ? null : choices.activityTitle(meeting.carriesOut(), plans),
                meeting.carriesOut() == null ? null : activityLink(meeting.carriesOut()), meeting.retractedOn()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("kinds", MeetingTexts.kinds());
        model.addAttribute("kind", kind == null ? "" : kind.name());
        return "meeting/list";
    }

    @GetMapping("/moten/{meetingId}")
    String meeting(@PathVariable String meetingId, Model model) {
        MeetingView meeting;
        try {
            meeting = meetings.meeting(new MeetingId(meetingId));
        } catch (NotFoundException | IllegalArgumentException e) {
            throw new PageNotFoundException("Inget möte med det id:t är registrerat.");
        }
        Map<String, String> names = choices.enterpriseNames();
        String id = meeting.meetingId().value();
        model.addAttribute("m", meeting);
        model.addAttribute("kind", MeetingTexts.kind(meeting.kind()));
        model.addAttribute("participants", meeting.participants().stream().map(participant -> new Participant(
                names.getOrDefault(participant.value(), participant.value()),
                "/foretag/" + encode(participant.value()))).toList());
        model.addAttribute("activity", meeting.carriesOut() == null ? null
                : choices.activityTitle(meeting.carriesOut(), new HashMap<>()));
        model.addAttribute("activityLink", meeting.carriesOut() == null ? null : activityLink(meeting.carriesOut()));
        model.addAttribute("historyLink", "/granskning/historik/meeting/" + encode(id));
        model.addAttribute("correctionLink", "/formular/" + MeetingForms.CORRECTION + "/" + encode(id));
        model.addAttribute("retractionLink", meeting.heldEventId() == null ? null
                : "/formular/meeting-retraction?meetingId=" + encode(id) + "&eventId="
                + encode(meeting.heldEventId()));
        return "meeting/meeting";
    }

    static String activityLink(PlanActivityReference reference) {
        return "/planer/" + encode(reference.planId().value()) + "/aktiviteter/"
                + encode(reference.activityId().value());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
