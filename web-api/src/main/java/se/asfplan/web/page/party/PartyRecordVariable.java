package se.asfplan.web.page.party;

import org.springframework.stereotype.Component;

import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.form.RecordVariableSource;

/** The party a form is about ({@code partyId}), chosen by name. */
@Component
class PartyRecordVariable implements RecordVariableSource {

    private final PartyPageReader directory;

    PartyRecordVariable(PartyPageReader directory) {
        this.directory = directory;
    }

    @Override
    public String variable() {
        return "partyId";
    }

    @Override
    public String label() {
        return "Part";
    }

    @Override
    public OptionSource options() {
        return variables -> directory.parties(null).stream()
                .map(party -> new FormOption(party.partyId().value(), party.name()
                        + (party.abbreviation() == null ? "" : " (" + party.abbreviation() + ")")
                        + (party.municipality() == null ? "" : ", " + party.municipality())))
                .toList();
    }
}
