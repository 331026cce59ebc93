package se.asfplan.web.page.party;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.domain.party.PartyKind;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;

/** The forms of the register of parties ({@code /api/parties/...}): register, change details, record another name. */
@Component
class PartyForms implements CommandFormCatalogue {

    static final String GROUP = "Parter";
    private static final String PARTY_PAGE = "/parter/{partyId}";

    @Override
    public List<CommandForm> forms() {
        return List.of(
                new CommandForm("party-register", GROUP, "Registrera en part", "/api/parties", null, null, List.of(
                        FormField.text("partyId", "Kortnamn").mandatory()
                                .help("Partens bestående namn i adresser: små bokstäver, siffror och bindestreck, "
                                        + "till exempel stockholm-arbetsmarknadsnamnden.")
                                .rules("party-can-be-registered-once", "party-registered-with-other-details"),
                        FormField.text("name", "Namn").mandatory().help("Till exempel Arbetsmarknadsnämnden.")
                                .rules("name-must-name-one-party"),
                        abbreviation(), kind(), municipality(), occurredOn("Registreringsdatum"))),
                new CommandForm("party-details", GROUP, "Ändra en parts uppgifter",
                        "/api/parties/{partyId}/details", "partyId", PARTY_PAGE, List.of(
                        FormField.text("name", "Namn").mandatory()
                                .rules("name-must-name-one-party", "party-details-change-must-change-something"),
                        abbreviation(), kind(), municipality(),
                        FormField.textarea("reason", "Skäl").mandatory()
                                .help("Varför ändras uppgifterna, till exempel en omorganisation. Högst 2 000 tecken."),
                        occurredOn("Datum för ändringen"))),
                new CommandForm("party-names", GROUP, "Registrera ett annat namn för en part",
                        "/api/parties/{partyId}/names", "partyId", PARTY_PAGE, List.of(
                        FormField.text("name", "Annat namn").mandatory()
                                .help("Ett namn som parten skrivits under i tidigare uppgifter, till exempel som "
                                        + "upphandlande enhet.")
                                .rules("name-must-name-one-party", "party-already-has-the-name"),
                        FormField.textarea("reason", "Skäl").mandatory()
                                .help("Varför namnet avser parten. Högst 2 000 tecken."),
                        occurredOn("Datum"))));
    }

    private static FormField abbreviation() {
        return FormField.text("abbreviation", "Förkortning").help("Till exempel AMN. Högst 30 tecken.")
                .rules("name-must-name-one-party");
    }

    private static FormField kind() {
        return FormField.select("kind", "Slag av part", OptionSource.of(Arrays.stream(PartyKind.values())
                .map(kind -> new FormOption(kind.name(), PartyKinds.swedishName(kind))).toList())).mandatory();
    }

    private static FormField municipality() {
        return FormField.text("municipality", "Kommun eller region").help("Till exempel Stockholm.");
    }

    private static FormField occurredOn(String label) {
        return FormField.date("occurredOn", label).help("Dagen det hände. Lämnas det tomt gäller dagens datum.");
    }
}
