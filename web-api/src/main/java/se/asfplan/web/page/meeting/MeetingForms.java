package se.asfplan.web.page.meeting;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.web.api.MeetingController;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.procurement.RecordChoices;

/**
 * The forms for every command of {@link MeetingController}: record a held meeting with its participants chosen from
 * the register, correct the participants, and retract a meeting recorded in error.
 */
@Component
class MeetingForms implements CommandFormCatalogue {

    static final String GROUP = "Möten";
    static final String CORRECTION = "meeting-participant-correction";
    private static final String PAGE = "/moten/{meetingId}";
    private static final String[] PARTICIPANT_RULES = {"participants-must-be-distinct",
            "participant-must-be-registered", "participant-must-not-have-closed-before-the-meeting",
            "participant-correction-must-change-participants"};

    private final RecordChoices choices;

    MeetingForms(RecordChoices choices) {
        this.choices = choices;
    }

    @Override
    public List<CommandForm> forms() {
        List<FormField> record = new ArrayList<>(List.of(
                FormField.select("kind", "Slag av möte", OptionSource.of(MeetingTexts.kinds())).mandatory(),
                FormField.text("title", "Rubrik").mandatory().help("Högst 300 tecken."),
                FormField.select("organiser", "Arrangör", variables -> choices.parties()).mandatory()
                        .help("Parten som höll mötet, som den står i partsregistret."),
                participants().help("Företagen i ASF-registret som deltog."),
                FormField.date("occurredOn", "Mötesdatum").help("Lämnas det tomt gäller dagens datum.")
                        .rules("date-must-not-lie-in-the-future", "id-must-not-name-another-record",
                                "meeting-can-be-recorded-once")));
        record.addAll(choices.carriesOutFields());
        return List.of(
                new CommandForm("meeting-record", GROUP, "Registrera ett möte", "/api/meetings", null, "/moten",
                        record),
                new CommandForm(CORRECTION, GROUP, "Rätta vilka som deltog i ett möte",
                        "/api/meetings/{meetingId}/participant-corrections", "meetingId", PAGE, List.of(
                        participants().help("Hela den rättade listan: kryssa i alla som deltog. Den första listan "
                                + "står kvar i historiken."),
                        FormField.textarea("reason", "Skäl till rättelsen").mandatory().help("Högst 2 000 tecken."),
                        FormField.date("occurredOn", "Datum för rättelsen").help("Lämnas det tomt gäller dagens datum.")
                                .rules("date-must-not-lie-in-the-future", "correction-must-not-precede-meeting",
                                        "retracted-meeting-cannot-change"))),
                new CommandForm("meeting-retraction", GROUP, "Återkalla ett möte som registrerats fel",
                        "/api/meetings/{meetingId}/retractions", "meetingId", PAGE, List.of(
                        FormField.hidden("eventId", "Händelse som återkallas").mandatory()
                                .rules("retracted-event-must-belong-to-the-record", "event-is-already-retracted"),
                        FormField.textarea("reason", "Skäl").mandatory()
                                .help("Varför mötet registrerades fel, och var det rätta finns om det registreras på "
                                        + "nytt."),
                        FormField.date("occurredOn", "Datum för återkallelsen")
                                .help("Lämnas det tomt gäller dagens datum.")
                                .rules("date-must-not-lie-in-the-future"))));
    }

    private FormField participants() {
        return FormField.multiSelect("participants", "Deltagande företag", variables -> choices.enterprises())
                .rules(PARTICIPANT_RULES);
    }
}
