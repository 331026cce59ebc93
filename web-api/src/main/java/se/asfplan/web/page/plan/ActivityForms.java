package se.asfplan.web.page.plan;

import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.OptionSource;

/** The forms for an activity: adding it and its lifecycle (the API's {@code /api/plans/{planId}/activities/...}). */
@Component
class ActivityForms implements CommandFormCatalogue {

    static final String GROUP = "Aktiviteter";
    private static final String ACTIVITY_PAGE = "/planer/{planId}/aktiviteter/{activityId}";
    private static final String ACTIVITIES = "/api/plans/{planId}/activities";
    private static final String ACTIVITY = ACTIVITIES + "/{activityId}";

    private final PlanChoices choices;

    ActivityForms(PlanChoices choices) {
        this.choices = choices;
    }

    @Override
    public List<CommandForm> forms() {
        return List.of(
                new CommandForm("activity-add", GROUP, "Lägg till en aktivitet i planen", ACTIVITIES, "planId",
                        "/planer/{planId}", List.of(
                        FormField.text("activityId", "Kortnamn för aktiviteten").mandatory()
                                .help("Används i adressen och kan inte ändras: små bokstäver, siffror och "
                                        + "bindestreck, till exempel natverk-traffar-asf.")
                                .rules("activity-id-must-be-unique"),
                        FormField.select("areaId", "Område", choices.areas()).mandatory().rules("area-must-exist"),
                        FormField.select("kind", "Typ", OptionSource.of(PlanLabels.options(ActivityKind.class,
                                PlanLabels::kind))).mandatory(),
                        FormField.text("title", "Rubrik").mandatory().help("Högst 300 tecken."),
                        FormField.textarea("description", "Beskrivning").help("Högst 4 000 tecken."),
                        lead(), coLeads(), allCommittees(), involved(),
                        FormField.integer("timeline.fromYear", "Tidsplan från år")
                                .help("Lämnas båda åren tomma pågår aktiviteten löpande under hela planen.")
                                .rules("timeline-must-lie-within-plan-period"),
                        FormField.integer("timeline.toYear", "Tidsplan till och med år")
                                .help("Lämnas det tomt pågår aktiviteten löpande från första året."),
                        occurredOn("Datum då aktiviteten lades till"))),
                new CommandForm("activity-start", GROUP, "Registrera att en aktivitet har startat",
                        ACTIVITY + "/start", "planId", ACTIVITY_PAGE, List.of(
                        occurredOn("Startdatum"))),
                new CommandForm("activity-progress", GROUP, "Rapportera hur en aktivitet går",
                        ACTIVITY + "/progress-reports", "planId", ACTIVITY_PAGE,
                        List.of(FormField.textarea("note", "Lägesrapport").mandatory()
                                        .help("Vad har gjorts, och vad återstår? Högst 4 000 tecken."),
                                occurredOn("Datum för lägesrapporten"))),
                new CommandForm("activity-reschedule", GROUP, "Ge en aktivitet en ny tidsplan",
                        ACTIVITY + "/reschedule", "planId", ACTIVITY_PAGE, List.of(
                        FormField.integer("timeline.fromYear", "Ny tidsplan från år").mandatory()
                                .rules("timeline-must-lie-within-plan-period", "reschedule-must-change-timeline"),
                        FormField.integer("timeline.toYear", "Ny tidsplan till och med år")
                                .help("Lämnas det tomt pågår aktiviteten löpande från första året."),
                        reason(), occurredOn("Datum för beslutet om ny tidsplan"))),
                new CommandForm("activity-responsibility", GROUP, "Ändra vem som ansvarar för en aktivitet",
                        ACTIVITY + "/responsibility", "planId", ACTIVITY_PAGE, List.of(
                        lead().rules("responsibility-change-must-change-parties"), coLeads(), allCommittees(),
                        involved(), reason(), occurredOn("Datum då ansvaret ändrades"))),
                new CommandForm("activity-complete", GROUP, "Registrera att en aktivitet är genomförd",
                        ACTIVITY + "/complete", "planId", ACTIVITY_PAGE, List.of(
                        FormField.textarea("note", "Slutkommentar")
                                .help("Vad blev resultatet? Högst 4 000 tecken."),
                        occurredOn("Datum då aktiviteten blev genomförd"))),
                new CommandForm("activity-cancel", GROUP, "Ställ in en aktivitet", ACTIVITY + "/cancel", "planId",
                        ACTIVITY_PAGE, List.of(
                        reason(), occurredOn("Datum då aktiviteten ställdes in"))));
    }

    private FormField lead() {
        return FormField.select("responsibility.lead", "Ansvarig part", choices.partyNames())
                .help("Den part som leder aktiviteten. Kan lämnas tom när samtliga nämnder ansvarar.");
    }

    private FormField coLeads() {
        return FormField.multiSelect("responsibility.coLeads", "Gemensamt ansvar med", choices.partyNames())
                .help("Parter som leder aktiviteten tillsammans med den ansvariga parten.");
    }

    private static FormField allCommittees() {
        return FormField.checkbox("responsibility.allCommittees", "Samtliga nämnder ansvarar");
    }

    private FormField involved() {
        return FormField.multiSelect("responsibility.involved", "Involverade parter", choices.partyNames());
    }

    static FormField occurredOn(String label) {
        return FormField.date("occurredOn", label).help("Dagen det hände. Lämnas det tomt gäller dagens datum.");
    }

    static FormField reason() {
        return FormField.textarea("reason", "Skäl").mandatory().help("Varför? Högst 2 000 tecken.");
    }
}
