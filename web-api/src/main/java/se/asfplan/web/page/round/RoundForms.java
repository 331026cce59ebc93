package se.asfplan.web.page.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.round.ItemState;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.projections.round.RoundQueries.RoundItemView;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.round.RoundController;
import se.asfplan.web.round.RoundReader;
import se.asfplan.web.round.RoundSubjects;
import se.asfplan.web.round.RoundTexts;

/**
 * The forms for every command of {@link RoundController}: open a round, record an assessment, return, approve or
 * mark unanswered, queue reminders, close; and the delivery mark of a queued reminder.
 */
@Component
class RoundForms implements CommandFormCatalogue {

    static final String GROUP = "Uppföljningsomgångar";
    private static final String BASE = "/api/plans/{planId}/rounds/{roundId}";
    private static final String PAGE = "/planer/{planId}/omgangar/{roundId}";

    private final PlanReader plans;
    private final RoundReader rounds;

    RoundForms(PlanReader plans, RoundReader rounds) {
        this.plans = plans;
        this.rounds = rounds;
    }

    @Override
    public List<CommandForm> forms() {
        return List.of(
                new CommandForm("round-open", GROUP, "Öppna en uppföljningsomgång", "/api/plans/{planId}/rounds",
                        null, "/planer/{planId}/omgangar", List.of(
                        FormField.text("name", "Namn").mandatory().help("Till exempel Årsredovisning 2023."),
                        FormField.select("kind", "Slag", OptionSource.of(RoundTexts.kinds().stream()
                                .map(kind -> new FormOption(kind.name(), RoundTexts.kind(kind))).toList()))
                                .mandatory(),
                        FormField.date("cutOffDate", "Avstämningsdag").mandatory()
                                .help("Dagen bedömningarna och målens utfall avser, till exempel 2023-12-31."),
                        FormField.date("deadline", "Sista dag för bedömningarna").mandatory()
                                .rules("deadline-must-not-be-before-cut-off"),
                        FormField.multiSelect("subjects", "Aktiviteter och mål som ingår", subjects()).mandatory()
                                .help("Varje aktivitet rapporteras av sin huvudansvariga part; ett mål av den part "
                                        + "som leder målets aktivitet.")
                                .rules("round-must-cover-something", "subject-listed-once-per-round",
                                        "subject-must-belong-to-the-plan", "reporter-must-be-a-responsible-party"),
                        FormField.date("occurredOn", "Datum").help("Lämnas det tomt gäller dagens datum.")
                                .rules("date-must-not-lie-in-the-future", "round-can-be-opened-once"))),
                new CommandForm("round-assessment", GROUP, "Registrera en bedömning", BASE + "/assessments",
                        "roundId", PAGE, List.of(
                        item(state -> state == ItemState.AWAITING_SUBMISSION || state == ItemState.RETURNED),
                        FormField.select("reporter", "Rapportör", reporters()).mandatory()
                                .help("Den ansvariga part som lämnar bedömningen. Du som registrerar står i "
                                        + "historiken.")
                                .rules("only-the-items-reporter-assesses"),
                        FormField.select("status", "Bedömning", OptionSource.of(RoundTexts.statuses().stream()
                                .map(status -> new FormOption(status.name(), RoundTexts.status(status))).toList()))
                                .mandatory(),
                        FormField.textarea("comment", "Kommentar").help("Högst 4 000 tecken."),
                        FormField.decimal("figure", "Utfall (för ett mål som följs upp för hand)")
                                .rules("figure-needs-its-source"),
                        FormField.text("figureSource", "Källa för utfallet"),
                        occurredOn("assessment-awaits-review", "assessment-is-already-approved"))),
                new CommandForm("round-return", GROUP, "Returnera en bedömning", BASE + "/returns", "roundId", PAGE,
                        List.of(item(state -> state == ItemState.SUBMITTED),
                                FormField.textarea("comment", "Vad ska ändras").mandatory(),
                                occurredOn("assessment-must-be-submitted-first", "assessment-is-already-approved"))),
                new CommandForm("round-approval", GROUP, "Godkänn en bedömning", BASE + "/approvals", "roundId", PAGE,
                        List.of(item(state -> state == ItemState.SUBMITTED),
                                FormField.textarea("comment", "Kommentar"),
                                occurredOn("assessment-must-be-submitted-first", "assessment-is-already-approved"))),
                new CommandForm("round-unanswered", GROUP, "Markera en punkt som obesvarad", BASE + "/unanswered",
                        "roundId", PAGE, List.of(item(state -> !state.settled()),
                        FormField.textarea("reason", "Skäl").mandatory(),
                        occurredOn("assessment-is-already-approved"))),
                new CommandForm("round-reminders", GROUP, "Lägg påminnelser i utkorgen", BASE + "/reminders",
                        null, PAGE, List.of()),
                new CommandForm("round-closing", GROUP, "Stäng omgången och fastställ rapporten",
                        BASE + "/closing", "roundId", PAGE + "/rapport", List.of(
                        occurredOn("round-cannot-close-with-unsettled-items"))),
                new CommandForm("round-message-delivery", GROUP, "Markera en påminnelse som skickad",
                        "/api/round-messages/{messageId}/delivery", null, null, List.of(
                        FormField.text("reference", "E-postsystemets referens").help("Högst 300 tecken."))));
    }

    private static FormField occurredOn(String... rules) {
        List<String> all = new ArrayList<>(List.of("date-must-not-lie-in-the-future", "round-is-closed",
                "subject-must-be-in-the-round"));
        all.addAll(List.of(rules));
        return FormField.date("occurredOn", "Datum").help("Lämnas det tomt gäller dagens datum.")
                .rules(all.toArray(String[]::new));
    }

    private FormField item(java.util.function.Predicate<ItemState> offered) {
        return FormField.select("subject", "Aktivitet eller mål", variables -> items(variables).stream()
                .filter(item -> offered.test(item.state()))
                .map(item -> new FormOption(RoundSubjects.text(item.subject()), item.reporter() + ": "
                        + title(variables, RoundSubjects.text(item.subject())))).toList()).mandatory();
    }

    private OptionSource reporters() {
        return variables -> items(variables).stream().map(RoundItemView::reporter).distinct()
                .map(reporter -> new FormOption(reporter, reporter)).toList();
    }

    private List<RoundItemView> items(Map<String, String> variables) {
        if (variables.get("planId") == null || variables.get("roundId") == null) {
            return List.of();
        }
        return rounds.round(variables.get("planId"), variables.get("roundId")).round().items();
    }

    private OptionSource subjects() {
        return variables -> {
            if (variables.get("planId") == null) {
                return List.of();
            }
            PlanView plan = plans.plan(new PlanId(variables.get("planId")));
            List<FormOption> options = new ArrayList<>();
            plan.activities().forEach(activity -> options.add(new FormOption("activity:"
                    + activity.activityId().value(), "Aktivitet: " + activity.title())));
            plan.goals().stream().filter(goal -> !goal.withdrawn()).forEach(goal -> options.add(new FormOption(
                    "goal:" + goal.goalId().value(), "Mål " + goal.year() + ": " + goal.indicator())));
            return options;
        };
    }

    private String title(Map<String, String> variables, String subject) {
        PlanView plan = plans.plan(new PlanId(variables.get("planId")));
        int colon = subject.indexOf(':');
        String id = subject.substring(colon + 1);
        return subject.startsWith("activity:")
                ? plan.activities().stream().filter(a -> a.activityId().value().equals(id)).map(a -> a.title())
                        .findFirst().orElse(id)
                : plan.goals().stream().filter(g -> g.goalId().value().equals(id)).map(g -> g.indicator())
                        .findFirst().orElse(id);
    }
}
