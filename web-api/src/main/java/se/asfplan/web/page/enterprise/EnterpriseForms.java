package se.asfplan.web.page.enterprise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.enterprise.ParticipationKind;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.form.RecordVariableSource;

/**
 * A form for every command of the enterprise register ({@code /api/enterprises/...}): registering, changing and
 * closing an enterprise, Integrationspakten and its reference group, business dialogues and advice, events, and the
 * retraction of a fact recorded in error. Levels, legal forms, kinds and the plan activity a fact carries out are
 * chosen from lists.
 */
@Component
class EnterpriseForms implements CommandFormCatalogue {

    static final String GROUP = "ASF-registret";
    private static final String ENTERPRISE_PAGE = "/foretag/{enterpriseId}";
    private static final String BASE = "/api/enterprises/{enterpriseId}";

    /** A form about one enterprise: its id and title (the enterprise page links to each). */
    record EnterpriseForm(String id, String title) {
    }

    static final List<EnterpriseForm> ABOUT_AN_ENTERPRISE = List.of(
            new EnterpriseForm("enterprise-details", "Ändra ett företags uppgifter"),
            new EnterpriseForm("enterprise-integrationspakten-invitation",
                    "Registrera en inbjudan till Integrationspakten"),
            new EnterpriseForm("enterprise-integrationspakten-membership",
                    "Registrera medlemskap i Integrationspakten"),
            new EnterpriseForm("enterprise-integrationspakten-level", "Registrera ny nivå i Integrationspakten"),
            new EnterpriseForm("enterprise-integrationspakten-leaving",
                    "Registrera att ett företag har lämnat Integrationspakten"),
            new EnterpriseForm("enterprise-reference-group-invitation",
                    "Registrera en inbjudan till Integrationspaktens referensgrupp"),
            new EnterpriseForm("enterprise-reference-group-membership",
                    "Registrera medlemskap i Integrationspaktens referensgrupp"),
            new EnterpriseForm("enterprise-business-dialogue-invitation",
                    "Registrera en inbjudan till företagsdialog"),
            new EnterpriseForm("enterprise-business-advice", "Registrera företagsrådgivning"),
            new EnterpriseForm("enterprise-event-participation",
                    "Registrera deltagande i evenemang, seminarium eller anbudsskola"),
            new EnterpriseForm("enterprise-closure", "Registrera att ett företag har lagts ned"),
            new EnterpriseForm("enterprise-retraction", "Dra tillbaka en felaktig uppgift om ett företag"),
            new EnterpriseForm(EnterpriseForms.NAME_ERASURE, "Radera en enskild firmas namn (gallring)"));

    /** The form that erases a closed sole trader's name; the enterprise page links it only for one. */
    static final String NAME_ERASURE = "enterprise-name-erasure";

    private final EnterpriseTexts texts;
    private final List<RecordVariableSource> variables;

    EnterpriseForms(EnterpriseTexts texts, List<RecordVariableSource> variables) {
        this.texts = texts;
        this.variables = variables;
    }

    @Override
    public List<CommandForm> forms() {
        List<CommandForm> forms = new ArrayList<>();
        List<FormField> registration = new ArrayList<>();
        registration.add(FormField.text("organisationNumber", "Organisationsnummer")
                .help("Skrivs NNNNNN-NNNN, med eller utan bindestreck. Lämnas tomt för en enskild firma, vars "
                        + "organisationsnummer är ägarens personnummer och aldrig sparas.")
                .rules("organisation-number-must-be-unique",
                        "sole-trader-is-registered-without-organisation-number"));
        registration.addAll(details());
        registration.add(occurredOn("Registreringsdatum"));
        registration.addAll(carriesOut());
        forms.add(new CommandForm("enterprise-register", GROUP, "Registrera ett företag i ASF-registret",
                "/api/enterprises", null, null, registration));

        List<FormField> changed = new ArrayList<>(details());
        changed.add(occurredOn("Datum för ändringen"));
        changed.addAll(carriesOut());
        forms.add(form("enterprise-details", "/details", changed));

        forms.add(form("enterprise-integrationspakten-invitation", "/integrationspakten/invitations",
                fact("Datum för inbjudan")));
        forms.add(form("enterprise-integrationspakten-membership", "/integrationspakten/membership",
                level("Nivå", "can-join-integrationspakten-once")));
        forms.add(form("enterprise-integrationspakten-level", "/integrationspakten/level",
                level("Ny nivå", "level-change-needs-membership", "level-change-must-change-level")));
        forms.add(form("enterprise-integrationspakten-leaving", "/integrationspakten/leaving",
                fact("Datum då företaget lämnade", "can-leave-only-as-member")));
        forms.add(form("enterprise-reference-group-invitation", "/reference-group/invitations",
                fact("Datum för inbjudan")));
        forms.add(form("enterprise-reference-group-membership", "/reference-group/membership",
                fact("Datum då företaget gick med", "can-join-reference-group-once")));

        List<FormField> dialogue = new ArrayList<>();
        dialogue.add(FormField.text("dialogue", "Företagsdialog")
                .help("Vilken dialog, till exempel Stadsbyggnadsrådets dialog om upphandling. Högst 300 tecken."));
        dialogue.addAll(fact("Datum för inbjudan"));
        forms.add(form("enterprise-business-dialogue-invitation", "/business-dialogue/invitations", dialogue));

        List<FormField> advice = new ArrayList<>();
        advice.add(FormField.text("provider", "Rådgivare").mandatory()
                .help("Vilken organisation gav rådgivningen, till exempel Coompanion. Skriv inte en persons namn:"
                        + " det sparas för alltid. Högst 300 tecken."));
        advice.add(FormField.decimal("hours", "Antal timmar").mandatory()
                .help("Till exempel 2 eller 1,5."));
        advice.addAll(fact("Datum för rådgivningen"));
        forms.add(form("enterprise-business-advice", "/business-advice", advice));

        List<FormField> participation = new ArrayList<>();
        participation.add(FormField.select("kind", "Slag", OptionSource.of(Arrays.stream(ParticipationKind.values())
                .map(kind -> new FormOption(kind.name(), EnterpriseTexts.participationKind(kind))).toList()))
                .mandatory());
        participation.add(FormField.text("eventName", "Evenemangets namn").mandatory()
                .help("Till exempel Anbudsskola för ASF våren 2024. Högst 300 tecken."));
        participation.addAll(fact("Datum för deltagandet"));
        forms.add(form("enterprise-event-participation", "/event-participations", participation));

        List<FormField> closure = new ArrayList<>();
        closure.add(FormField.textarea("reason", "Skäl").mandatory()
                .help("Varför lades företaget ned? Högst 2 000 tecken.")
                .rules("enterprise-can-be-closed-once"));
        closure.add(occurredOn("Datum då företaget lades ned")
                .rules("closing-must-not-precede-recorded-facts", "date-must-not-lie-in-the-future"));
        closure.addAll(carriesOut());
        forms.add(form("enterprise-closure", "/closure", closure));

        forms.add(form("enterprise-retraction", "/retractions", List.of(
                FormField.hidden("eventId", "Uppgiften som dras tillbaka (händelse-id)").mandatory()
                        .rules("retracted-event-must-belong-to-the-record", "event-is-already-retracted",
                                "only-the-latest-step-can-be-retracted"),
                FormField.textarea("reason", "Skäl").mandatory()
                        .help("Varför var uppgiften fel, och var finns den rätta? Högst 2 000 tecken."),
                occurredOn("Datum för tillbakadragandet"))));

        forms.add(form(NAME_ERASURE, "/name-erasure", List.of(
                FormField.text("gallringDecision", "Gallringsbeslut").mandatory()
                        .help("Beslutet som medger gallringen: diarienummer eller punkt i dokumenthanteringsplanen, "
                                + "till exempel KS 2024/123. Skriv inte namnet. Högst 300 tecken.")
                        .rules("only-a-sole-traders-name-can-be-erased", "name-can-be-erased-only-after-closing",
                                "name-can-be-erased-once"),
                FormField.textarea("reason", "Skäl").mandatory()
                        .help("Varför namnet gallras nu. Skriv inte namnet: skälet sparas för alltid. Namnet går "
                                + "inte att återställa. Högst 2 000 tecken."))));
        return forms;
    }

    private CommandForm form(String id, String path, List<FormField> fields) {
        String title = ABOUT_AN_ENTERPRISE.stream().filter(form -> form.id().equals(id)).findFirst()
                .orElseThrow().title();
        return new CommandForm(id, GROUP, title, BASE + path, "enterpriseId", ENTERPRISE_PAGE, fields);
    }

    /** The enterprise's details: as registered, and as changed. */
    private static List<FormField> details() {
        return List.of(
                FormField.text("name", "Namn").mandatory().help("Företagets namn, högst 200 tecken."),
                FormField.select("legalForm", "Juridisk form", OptionSource.of(Arrays.stream(LegalForm.values())
                        .map(form -> new FormOption(form.name(), capitalised(form.swedishName()))).toList()))
                        .mandatory().rules("sole-trader-legal-form-cannot-change"),
                FormField.lines("linesOfBusiness", "Branscher").help("En bransch per rad, till exempel café."),
                FormField.text("municipality", "Kommun").mandatory().help("Till exempel Stockholm."),
                FormField.text("district", "Stadsdel").help("Till exempel Rinkeby-Kista. Kan lämnas tomt."),
                FormField.checkbox("criteria.integrationPurpose",
                        "Syftet är att integrera människor som har stora svårigheter att få eller behålla ett arbete")
                        .rules("details-change-must-change-something"),
                FormField.checkbox("criteria.employeeParticipation",
                        "De anställda har delaktighet genom ägande, avtal eller på annat dokumenterat sätt"),
                FormField.checkbox("criteria.profitsReinvested",
                        "Vinsten återinvesteras i huvudsak i den egna eller liknande verksamhet"),
                FormField.checkbox("criteria.independentOfPublicSector",
                        "Verksamheten är organisatoriskt fristående från offentlig verksamhet")
                        .help("Ett företag räknas som ASF när alla fyra kriterierna är uppfyllda."),
                FormField.lines("certifications", "Certifieringar")
                        .help("En per rad, till exempel Skoopi. Kan lämnas tomt."));
    }

    private List<FormField> fact(String dateLabel, String... rules) {
        List<FormField> fields = new ArrayList<>();
        fields.add(rules.length == 0 ? occurredOn(dateLabel) : occurredOn(dateLabel).rules(rules));
        fields.addAll(carriesOut());
        return fields;
    }

    private List<FormField> level(String label, String... rules) {
        List<FormField> fields = new ArrayList<>();
        String[] all = Arrays.copyOf(rules, rules.length + 1);
        all[rules.length] = "level-must-be-configured";
        fields.add(FormField.select("level", label, variables -> texts.levels().entrySet().stream()
                .map(level -> new FormOption(level.getKey().value(), level.getValue())).toList())
                .mandatory().rules(all));
        fields.add(occurredOn("Datum").rules("integrationspakten-steps-must-follow-in-date-order",
                "date-must-not-lie-in-the-future", "closed-enterprise-records-nothing-after-closing"));
        fields.addAll(carriesOut());
        return fields;
    }

    private static FormField occurredOn(String label) {
        return FormField.date("occurredOn", label).help("Dagen det hände. Lämnas det tomt gäller dagens datum.");
    }

    /** The plan activity the fact carries out: a plan and one of its activities, both chosen from lists. */
    private List<FormField> carriesOut() {
        return List.of(
                FormField.select("carriesOut.planId", "Genomför aktivitet i planen", ignored -> plans())
                        .help("Om uppgiften genomför en aktivitet i en handlingsplan: välj planen och aktiviteten. "
                                + "Annars lämnas båda tomma."),
                FormField.select("carriesOut.activityId", "Aktivitet som genomförs", ignored -> activities())
                        .rules("carried-out-activity-must-exist"));
    }

    private List<FormOption> plans() {
        return source("planId").map(source -> source.options().options(Map.of())).orElse(List.of());
    }

    /** Every activity of every plan, each named with its plan (the activity must belong to the plan chosen). */
    private List<FormOption> activities() {
        RecordVariableSource activities = source("activityId").orElse(null);
        if (activities == null) {
            return List.of();
        }
        List<FormOption> options = new ArrayList<>();
        for (FormOption plan : plans()) {
            for (FormOption activity : activities.options().options(Map.of("planId", plan.value()))) {
                options.add(new FormOption(activity.value(), activity.label() + " (" + plan.label() + ")"));
            }
        }
        return options;
    }

    private java.util.Optional<RecordVariableSource> source(String variable) {
        return variables.stream().filter(source -> source.variable().equals(variable)).findFirst();
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }
}
