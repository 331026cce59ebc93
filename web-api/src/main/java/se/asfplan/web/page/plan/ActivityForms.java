package se.asfplan.web.page.plan;

import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;

/** The forms for an activity's lifecycle (the API's {@code /api/plans/{planId}/activities/...}). */
@Component
class ActivityForms implements CommandFormCatalogue {

    static final String GROUP = "Aktiviteter";
    private static final String ACTIVITY_PAGE = "/planer/{planId}/aktiviteter/{activityId}";

    @Override
    public List<CommandForm> forms() {
        return List.of(
                new CommandForm("activity-start", GROUP, "Registrera att en aktivitet har startat",
                        "/api/plans/{planId}/activities/{activityId}/start", "planId", ACTIVITY_PAGE, List.of(
                        occurredOn("Startdatum"))),
                new CommandForm("activity-progress", GROUP, "Rapportera hur en aktivitet går",
                        "/api/plans/{planId}/activities/{activityId}/progress-reports", "planId", ACTIVITY_PAGE,
                        List.of(FormField.textarea("note", "Lägesrapport").mandatory()
                                        .help("Vad har gjorts, och vad återstår? Högst 4 000 tecken."),
                                occurredOn("Datum för lägesrapporten"))));
    }

    static FormField occurredOn(String label) {
        return FormField.date("occurredOn", label).help("Dagen det hände. Lämnas det tomt gäller dagens datum.");
    }
}
