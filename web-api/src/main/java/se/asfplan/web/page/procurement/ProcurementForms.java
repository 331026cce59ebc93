package se.asfplan.web.page.procurement;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.domain.procurement.Procurement;
import se.asfplan.web.api.ProcurementController;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;

/**
 * The forms for every command of {@link ProcurementController}: begin (planned or announced), announcement, lots or
 * no division, tenders and the award (a supplier from the register, or any other by its organisation number or as
 * a sole trader), completion, evaluation, cancellation and the retraction of a fact recorded in error.
 */
@Component
class ProcurementForms implements CommandFormCatalogue {

    static final String GROUP = "Upphandlingar";
    static final String PAGE = "/upphandlingar/{procurementId}";
    static final String BASE = "/api/procurements/{procurementId}";
    /** The lifecycle rules that concern the step as a whole: shown at its date. */
    private static final String[] STEP_RULES = {"date-must-not-lie-in-the-future", "date-must-not-precede-earlier-step",
            "cancelled-procurement-cannot-change", "completed-procurement-can-only-be-evaluated",
            "procurement-must-be-announced-first", "procurement-can-be-announced-once",
            "division-into-lots-is-decided-once", "division-into-lots-is-decided-before-award",
            "tenders-must-precede-award", "contract-can-be-awarded-once",
            "contract-must-be-awarded-before-completion", "procurement-must-be-completed-before-evaluation",
            "procurement-details-are-given-when-begun", "id-must-not-name-another-record"};

    private final RecordChoices choices;

    ProcurementForms(RecordChoices choices) {
        this.choices = choices;
    }

    @Override
    public List<CommandForm> forms() {
        return List.of(
                new CommandForm("procurement-begin", GROUP, "Registrera en ny upphandling", "/api/procurements",
                        null, "/upphandlingar", with(
                        FormField.select("stage", "Skede", OptionSource.of(List.of(
                                        new FormOption(ProcurementController.Stage.PLANNED.name(),
                                                "Planerad (ännu inte annonserad)"),
                                        new FormOption(ProcurementController.Stage.ANNOUNCED.name(), "Annonserad"))))
                                .mandatory(),
                        FormField.select("authority", "Upphandlande myndighet", variables -> choices.parties())
                                .mandatory().help("Nämnden eller bolaget som upphandlar, som det står i "
                                        + "partsregistret."),
                        FormField.text("subject", "Vad som upphandlas").mandatory()
                                .help("Högst " + Procurement.SUBJECT_MAX + " tecken."),
                        FormField.lines("cpvCodes", "CPV-koder").mandatory()
                                .help("En kod per rad, skriven som 85312000-9 (åtta siffror, bindestreck, "
                                        + "kontrollsiffra).")
                                .rules("reserved-welfare-services-must-be-listed-cpv-codes"),
                        FormField.select("procedure", "Förfarande", OptionSource.of(ProcurementTexts.procedures()))
                                .mandatory().rules("reserved-welfare-ground-must-apply-on-begun-date"),
                        FormField.checkbox("reservedForIdeaBasedOrganisations",
                                        "Reserverad för idéburna organisationer (LOU 19 kap. 25 a §)")
                                .help("Gäller bara reserverad upphandling av välfärdstjänster."),
                        FormField.date("occurredOn", "Datum").help("Dagen upphandlingen planerades eller "
                                        + "annonserades. Lämnas det tomt gäller dagens datum.")
                                .rules("date-must-not-lie-in-the-future"))),
                new CommandForm("procurement-announcement", GROUP, "Registrera att upphandlingen har annonserats",
                        BASE + "/announcement", "procurementId", PAGE, with(occurredOn("Annonseringsdatum"))),
                new CommandForm("procurement-lots", GROUP, "Registrera att kontraktet delas upp i delkontrakt",
                        BASE + "/lots", "procurementId", PAGE, with(
                        FormField.integer("numberOfLots", "Antal delkontrakt").mandatory()
                                .help("Minst 2."),
                        FormField.select("bidsMayCover", "Anbud får lämnas på",
                                OptionSource.of(ProcurementTexts.bidsMayCoverChoices())).mandatory()
                                .help("LOU 4 kap. 14 §."),
                        occurredOn("Beslutsdatum"))),
                new CommandForm("procurement-no-division", GROUP,
                        "Registrera beslutet att inte dela upp kontraktet", BASE + "/no-division", "procurementId",
                        PAGE, with(
                        FormField.textarea("reason", "Skäl för att inte dela upp").mandatory()
                                .help("LOU 4 kap. 15 §: skälen ska anges. Högst " + Procurement.REASON_MAX
                                        + " tecken.")
                                .rules("reasons-must-be-stated-for-not-dividing"),
                        occurredOn("Beslutsdatum"))),
                new CommandForm("procurement-tender", GROUP, "Registrera ett anbud från ett registrerat företag",
                        BASE + "/tenders", "procurementId", PAGE, with(
                        registeredSupplier(),
                        occurredOn("Datum då anbudet kom in"))),
                new CommandForm("procurement-tender-other", GROUP,
                        "Registrera ett anbud från en leverantör utanför registret", BASE + "/tenders",
                        "procurementId", PAGE, with(
                        otherSupplier(), soleTrader(),
                        occurredOn("Datum då anbudet kom in"))),
                new CommandForm("procurement-award", GROUP, "Registrera tilldelning till ett registrerat företag",
                        BASE + "/award", "procurementId", PAGE, award(registeredSupplier())),
                new CommandForm("procurement-award-other", GROUP,
                        "Registrera tilldelning till en leverantör utanför registret", BASE + "/award",
                        "procurementId", PAGE, award(otherSupplier(), soleTrader())),
                new CommandForm("procurement-completion", GROUP, "Registrera att upphandlingen är avslutad",
                        BASE + "/completion", "procurementId", PAGE, with(occurredOn("Datum då den avslutades"))),
                new CommandForm("procurement-evaluation", GROUP, "Registrera en utvärdering av upphandlingen",
                        BASE + "/evaluations", "procurementId", PAGE, with(
                        FormField.textarea("text", "Utvärdering").mandatory()
                                .help("Högst " + Procurement.TEXT_MAX + " tecken."),
                        occurredOn("Datum för utvärderingen"))),
                new CommandForm("procurement-cancellation", GROUP, "Registrera att upphandlingen avbröts",
                        BASE + "/cancellation", "procurementId", PAGE, with(
                        FormField.textarea("reason", "Skäl till att upphandlingen avbröts").mandatory()
                                .help("Högst " + Procurement.REASON_MAX + " tecken."),
                        occurredOn("Datum då den avbröts"))),
                new CommandForm("procurement-retraction", GROUP,
                        "Återkalla en uppgift om upphandlingen som registrerats fel", BASE + "/retractions",
                        "procurementId", PAGE, List.of(
                        FormField.hidden("eventId", "Händelse som återkallas").mandatory()
                                .rules("retracted-event-must-belong-to-the-record", "event-is-already-retracted",
                                        "only-the-latest-step-can-be-retracted"),
                        FormField.textarea("reason", "Skäl").mandatory()
                                .help("Varför uppgiften var fel, och var den rätta finns om den registreras på nytt."),
                        FormField.date("occurredOn", "Datum för återkallelsen")
                                .help("Lämnas det tomt gäller dagens datum.")
                                .rules("date-must-not-lie-in-the-future"))));
    }

    private List<FormField> award(FormField... supplier) {
        List<FormField> fields = new ArrayList<>(List.of(supplier));
        fields.addAll(List.of(
                FormField.decimal("value", "Kontraktsvärde i kronor").mandatory()
                        .help("Till exempel 1250000 eller 1 250 000,50."),
                FormField.date("contractPeriod.from", "Kontraktet gäller från").mandatory(),
                FormField.date("contractPeriod.to", "Kontraktet gäller till och med").mandatory()
                        .rules("reserved-welfare-contract-runs-at-most-three-years"),
                FormField.decimal("employment.sharePercent",
                                "Andel anställda med funktionsnedsättning eller som har svårt att få arbete (procent)")
                        .help("Bara för upphandling reserverad enligt LOU 4 kap. 18 §: minst 30 procent.")
                        .rules("employment-reservation-requires-thirty-percent"),
                FormField.date("employment.tenderDate", "Andelen gäller per anbudsdagen")
                        .help("Bara för upphandling reserverad enligt LOU 4 kap. 18 §.")
                        .rules("tender-date-must-not-follow-award"),
                FormField.text("employment.evidenceReference", "Underlag för andelen (diarienummer e.d.)")
                        .help("Bara för upphandling reserverad enligt LOU 4 kap. 18 §.")
                        .rules("employment-reservation-requires-evidence"),
                FormField.text("purchaseKind", "Slag av inköp (direktupphandling)")
                        .help("Bara för direktupphandling: inköp av samma slag räknas samman per räkenskapsår.")
                        .rules("direct-award-requires-purchase-kind", "direct-award-limit-must-be-configured"),
                occurredOn("Tilldelningsdatum")));
        fields.addAll(choices.carriesOutFields());
        return fields;
    }

    private FormField registeredSupplier() {
        return FormField.select("supplier.organisationNumber", "Leverantör", variables -> choices.suppliers())
                .mandatory().help("Företag i ASF-registret. Finns leverantören inte där, använd formuläret för "
                        + "leverantörer utanför registret.")
                .rules("reserved-welfare-award-to-same-supplier-once-in-three-years");
    }

    private static FormField otherSupplier() {
        return FormField.text("supplier.organisationNumber", "Leverantörens organisationsnummer")
                .help("Skrivs 556677-8899. Lämnas tomt för en enskild firma.")
                .rules("reserved-welfare-award-to-same-supplier-once-in-three-years");
    }

    private static FormField soleTrader() {
        return FormField.checkbox("supplier.soleTrader", "Leverantören är en enskild firma")
                .help("En enskild firmas organisationsnummer är ägarens personnummer och registreras aldrig.");
    }

    private List<FormField> with(FormField... fields) {
        List<FormField> all = new ArrayList<>(List.of(fields));
        all.addAll(choices.carriesOutFields());
        return all;
    }

    static FormField occurredOn(String label) {
        return FormField.date("occurredOn", label).help("Lämnas det tomt gäller dagens datum.").rules(STEP_RULES);
    }
}
