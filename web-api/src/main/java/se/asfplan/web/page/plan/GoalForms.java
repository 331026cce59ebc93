package se.asfplan.web.page.plan;

import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.OptionSource;

/** The forms for a plan's yearly goals (the API's {@code /goals} and {@code /recurring-goals}). */
@Component
class GoalForms implements CommandFormCatalogue {

    static final String GROUP = "Årsmål";
    private static final String GOALS_PAGE = "/planer/{planId}/mal";
    private static final String GOAL = "/api/plans/{planId}/goals/{goalId}";

    private final PlanChoices choices;

    GoalForms(PlanChoices choices) {
        this.choices = choices;
    }

    @Override
    public List<CommandForm> forms() {
        return List.of(
                new CommandForm("goal-set", GROUP, "Sätt ett årsmål", "/api/plans/{planId}/goals", "planId",
                        GOALS_PAGE, List.of(
                        FormField.text("goalId", "Kortnamn för målet").mandatory()
                                .help("Små bokstäver, siffror och bindestreck, till exempel inbjudna-asf-2025.")
                                .rules("goal-id-must-be-unique"),
                        FormField.integer("year", "År").mandatory().help("Ett år inom planperioden.")
                                .rules("goal-year-must-lie-within-plan-period"),
                        kind(), indicator(), measure(), comparator(), value(), unit(), activity(),
                        PlanForms.decisionBody("decision", "Beslutat av"), PlanForms.decisionReference("decision"),
                        PlanForms.decisionParagraph("decision"), ActivityForms.occurredOn("Datum för beslutet"))),
                new CommandForm("recurring-goal-set", GROUP, "Sätt ett årsmål för varje år",
                        "/api/plans/{planId}/recurring-goals", "planId", GOALS_PAGE, List.of(
                        FormField.text("goalId", "Kortnamn för målet").mandatory()
                                .help("Varje års mål får namnet kortnamn-år, till exempel inbjudna-asf-2025.")
                                .rules("goal-id-must-be-unique"),
                        FormField.integer("years.fromYear", "Från år")
                                .help("Lämnas det tomt gäller målet från planens första år.")
                                .rules("goal-year-must-lie-within-plan-period"),
                        FormField.integer("years.toYear", "Till och med år")
                                .help("Lämnas det tomt gäller målet till planens sista år.")
                                .rules("recurring-goal-in-an-ongoing-plan-needs-its-last-year"),
                        kind(), indicator(), measure(), comparator(), value(), unit(), activity(),
                        PlanForms.decisionBody("decision", "Beslutat av"), PlanForms.decisionReference("decision"),
                        PlanForms.decisionParagraph("decision"), ActivityForms.occurredOn("Datum för beslutet"))),
                new CommandForm("goal-revision", GROUP, "Ändra målvärdet för ett årsmål", GOAL + "/revisions",
                        "planId", GOALS_PAGE, List.of(
                        comparator(), value().rules("goal-revision-must-change-target"), unit(),
                        ActivityForms.reason().rules("withdrawn-goal-cannot-change"),
                        PlanForms.decisionBody("decision", "Beslutat av"), PlanForms.decisionReference("decision"),
                        PlanForms.decisionParagraph("decision"), ActivityForms.occurredOn("Datum för beslutet"))),
                new CommandForm("goal-withdrawal", GROUP, "Dra tillbaka ett årsmål", GOAL + "/withdrawal",
                        "planId", GOALS_PAGE, List.of(
                        ActivityForms.reason().rules("withdrawn-goal-cannot-change"),
                        PlanForms.decisionBody("decision", "Beslutat av"), PlanForms.decisionReference("decision"),
                        PlanForms.decisionParagraph("decision"), ActivityForms.occurredOn("Datum för beslutet"))),
                new CommandForm("goal-outcome", GROUP, "Rapportera utfallet för ett årsmål", GOAL + "/outcomes",
                        "planId", GOALS_PAGE, List.of(
                        FormField.decimal("value", "Utfall").mandatory()
                                .help("Ett tal, till exempel 12 eller 37,5 för en andel i procent.")
                                .rules("outcome-can-be-reported-only-for-manual-or-share-goals"),
                        FormField.text("source", "Källa").mandatory()
                                .help("Var siffran kommer ifrån, till exempel en enkät eller ett register."),
                        ActivityForms.occurredOn("Datum för rapporten"))));
    }

    private static FormField kind() {
        return FormField.select("kind", "Typ av mål", OptionSource.of(PlanLabels.options(GoalKind.class,
                PlanLabels::goalKind))).mandatory();
    }

    private static FormField indicator() {
        return FormField.text("indicator", "Indikator").mandatory()
                .help("Vad målet mäter, som planen skriver det. Högst 300 tecken.");
    }

    private static FormField measure() {
        return FormField.select("measure", "Mätning", OptionSource.of(PlanLabels.options(Measure.class,
                        PlanLabels::measure)))
                .help("Vilka registreringar som räknas som utfall. Lämnas tomt för mål vars utfall rapporteras "
                        + "för hand.")
                .rules("goal-measure-must-fit-its-kind");
    }

    private static FormField comparator() {
        return FormField.select("target.comparator", "Målvärdet är", OptionSource.of(PlanLabels.options(
                TargetComparator.class, PlanLabels::comparator))).mandatory();
    }

    private static FormField value() {
        return FormField.decimal("target.value", "Målvärde").mandatory().help("Ett tal, till exempel 3 eller 20,5.");
    }

    private static FormField unit() {
        return FormField.text("target.unit", "Enhet").mandatory().help("Till exempel st eller %.")
                .rules("share-target-must-be-a-percentage");
    }

    private FormField activity() {
        return FormField.select("activityId", "Aktivitet som målet följer", choices.activities())
                .help("Valfritt: den aktivitet i planen som målet hör till.")
                .rules("goal-cannot-follow-cancelled-activity");
    }
}
