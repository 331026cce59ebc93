package se.asfplan.web.page.plan;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.DecisionKind;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;

/**
 * The forms for a plan itself (the API's {@code /api/plans} and {@code /api/plans/{planId}/...}): adoption,
 * revision, the chain of decisions and their corrections, retractions, areas and scope. A whole plan from a plan
 * file is {@link PlanImportController}'s page.
 */
@Component
class PlanForms implements CommandFormCatalogue {

    static final String GROUP = "Planer";
    private static final String PLAN_PAGE = "/planer/{planId}";

    private final PlanChoices choices;

    PlanForms(PlanChoices choices) {
        this.choices = choices;
    }

    @Override
    public List<CommandForm> forms() {
        return List.of(
                new CommandForm("plan-adopt", GROUP, "Registrera en antagen plan", "/api/plans", null, null,
                        List.of(FormField.text("planId", "Kortnamn för planen").mandatory()
                                        .help("Används i adressen och kan inte ändras: små bokstäver, siffror och "
                                                + "bindestreck, till exempel malmo-asf-2025.")
                                        .rules("plan-can-be-adopted-once", "id-must-not-name-another-record"),
                                FormField.text("title", "Planens titel").mandatory(),
                                FormField.text("municipality", "Kommun eller region").mandatory(),
                                decisionBody("adoption", "Antagen av"),
                                decisionReference("adoption"), decisionParagraph("adoption"),
                                FormField.date("adoptedOn", "Antagen den").mandatory()
                                        .rules("date-must-not-lie-in-the-future"),
                                FormField.integer("period.fromYear", "Planperiod från år").mandatory(),
                                FormField.integer("period.toYear", "Planperiod till och med år")
                                        .help("Lämnas det tomt gäller planen tills vidare."))),
                new CommandForm("plan-revision", GROUP, "Revidera planens titel eller period",
                        "/api/plans/{planId}/revisions", "planId", PLAN_PAGE, List.of(
                        FormField.text("title", "Ny titel").help("Lämnas tom om titeln är densamma.")
                                .rules("plan-revision-must-change-something"),
                        FormField.integer("period.fromYear", "Ny planperiod från år")
                                .help("Fyll i båda åren om perioden ändras, annars inget av dem.")
                                .rules("plan-period-must-keep-goals-and-timelines"),
                        FormField.integer("period.toYear", "Ny planperiod till och med år")
                                .help("Lämnas det tomt gäller planen tills vidare."),
                        decisionBody("decision", "Beslutat av"), decisionReference("decision"),
                        decisionParagraph("decision"), ActivityForms.reason(),
                        ActivityForms.occurredOn("Datum för beslutet"))),
                new CommandForm("plan-decision", GROUP, "Registrera ett beslut i planens beslutskedja",
                        "/api/plans/{planId}/decisions", "planId", PLAN_PAGE, List.of(
                        FormField.text("decisionId", "Kortnamn för beslutet").mandatory()
                                .help("Små bokstäver, siffror och bindestreck, till exempel godkannande-kf-2022.")
                                .rules("decision-id-must-be-unique"),
                        FormField.select("kind", "Typ av beslut", OptionSource.of(Arrays.stream(
                                        DecisionKind.values()).filter(kind -> kind != DecisionKind.ADOPTION)
                                .map(kind -> new FormOption(kind.name(), PlanLabels.decisionKind(kind))).toList()))
                                .mandatory().help("Antagandet registreras med planen.")
                                .rules("adoption-is-recorded-with-the-plan"),
                        decisionBody("decision", "Beslutande organ"), decisionReference("decision"),
                        decisionParagraph("decision"),
                        FormField.date("decidedOn", "Beslutsdatum").mandatory(),
                        FormField.textarea("summary", "Sammanfattning").help("Högst 2 000 tecken."))),
                new CommandForm("plan-decision-correction", GROUP, "Rätta ett felregistrerat beslut",
                        "/api/plans/{planId}/decisions/{decisionId}/corrections", "planId", PLAN_PAGE, List.of(
                        decisionBody("decision", "Beslutande organ")
                                .rules("decision-correction-must-change-something"),
                        decisionReference("decision"), decisionParagraph("decision"),
                        FormField.date("decidedOn", "Beslutsdatum").mandatory(),
                        ActivityForms.reason(), ActivityForms.occurredOn("Datum för rättelsen"))),
                new CommandForm("plan-retraction", GROUP, "Dra tillbaka en felaktig registrering i planen",
                        "/api/plans/{planId}/retractions", "planId", PLAN_PAGE, List.of(
                        FormField.hidden("eventId", "Händelse som dras tillbaka").mandatory(),
                        FormField.textarea("reason", "Skäl").mandatory()
                                .help("Vad var fel, och var finns den rätta registreringen? Högst 2 000 tecken.")
                                .rules("retracted-event-must-belong-to-the-record", "event-is-already-retracted",
                                        "only-the-latest-step-can-be-retracted"),
                        ActivityForms.occurredOn("Datum för tillbakadragandet"))),
                new CommandForm("plan-area", GROUP, "Lägg till ett område i planen", "/api/plans/{planId}/areas",
                        "planId", PLAN_PAGE, List.of(
                        FormField.text("areaId", "Kortnamn för området").mandatory()
                                .help("Små bokstäver, siffror och bindestreck, till exempel upphandling.")
                                .rules("area-id-must-be-unique"),
                        FormField.text("name", "Namn").mandatory(),
                        FormField.textarea("description", "Beskrivning").help("Högst 4 000 tecken."),
                        FormField.integer("number", "Områdets nummer i planen")
                                .help("Till exempel 3 för ”Område 3”. Lämnas tomt om planen inte numrerar.")
                                .rules("area-number-must-be-unique"),
                        ActivityForms.occurredOn("Datum då området lades till"))),
                new CommandForm("plan-scope", GROUP, "Ange vad planen omfattar", "/api/plans/{planId}/scope",
                        "planId", PLAN_PAGE, List.of(
                        FormField.lines("scope.municipalities", "Kommuner eller regioner").mandatory()
                                .help("En per rad. Planens mål räknar det som hör till dessa kommuner.")
                                .rules("scope-change-must-change-something"),
                        FormField.multiSelect("scope.parties", "Parter som planen omfattar därutöver",
                                choices.partyIds()).rules("scope-party-must-be-registered")
                                .help("Till exempel ett samordningsförbund. Parterna kommer från partsregistret."),
                        ActivityForms.reason(), ActivityForms.occurredOn("Datum från vilket omfattningen gäller"))));
    }

    static FormField decisionBody(String prefix, String label) {
        return FormField.text(prefix + ".body", label).mandatory()
                .help("Nämnden, kommunstyrelsen eller styrelsen som fattade beslutet.");
    }

    static FormField decisionReference(String prefix) {
        return FormField.text(prefix + ".reference", "Diarienummer");
    }

    static FormField decisionParagraph(String prefix) {
        return FormField.text(prefix + ".paragraph", "Paragraf (§)");
    }
}
