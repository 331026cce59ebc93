package se.asfplan.web.page.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.infra.concurrency.AggregateVersions;
import se.asfplan.projections.meeting.MeetingQueries.MeetingView;
import se.asfplan.web.api.EnterpriseReader;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.page.PageNotFoundException;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandForms;
import se.asfplan.web.page.form.FormController;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.FormState;

/**
 * The participant correction form opened from a meeting with its current participants already ticked, so that a
 * correction changes only what was wrong. The generic form takes one value per field from the address, not the
 * several a list of participants needs; this shows the same form with them, and it is sent to the generic form
 * ({@code POST /formular/meeting-participant-correction}) like any other.
 */
@Controller
class MeetingParticipantsFormController {

    private final CommandForms forms;
    private final EnterpriseReader meetings;
    private final AggregateVersions versions;

    MeetingParticipantsFormController(CommandForms forms, EnterpriseReader meetings, AggregateVersions versions) {
        this.forms = forms;
        this.meetings = meetings;
        this.versions = versions;
    }

    @GetMapping("/formular/" + MeetingForms.CORRECTION + "/{meetingId}")
    String show(@PathVariable String meetingId, Model model) {
        CommandForm form = forms.form(MeetingForms.CORRECTION).orElseThrow();
        MeetingView meeting;
        try {
            meeting = meetings.meeting(new MeetingId(meetingId));
        } catch (NotFoundException | IllegalArgumentException e) {
            throw new PageNotFoundException("Inget möte med det id:t är registrerat.");
        }
        String id = meeting.meetingId().value();
        Map<String, String> variables = Map.of("meetingId", id);
        Map<String, String[]> given = new LinkedHashMap<>();
        given.put("participants", meeting.participants().stream().map(participant -> participant.value())
                .toArray(String[]::new));
        FormState state = FormState.of(form, variables, given);
        Long version = versions.version(id);
        List<FormOption> choices = List.of(new FormOption(id, meeting.occurredOn() + " " + meeting.title()));
        model.addAttribute("form", form);
        model.addAttribute("state", state);
        model.addAttribute("variables", List.of(new FormController.VariableState("meetingId", "Möte", id,
                choices.get(0).label(), choices, true)));
        model.addAttribute("ready", true);
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("version", version == null ? null : version.toString());
        model.addAttribute("recordPage", form.recordPage(variables));
        return "forms/form";
    }
}
