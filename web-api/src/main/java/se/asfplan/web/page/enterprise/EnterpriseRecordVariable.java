package se.asfplan.web.page.enterprise;

import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.web.api.EnterpriseReader;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.form.RecordVariableSource;

/** The enterprise a form is about ({@code enterpriseId}), chosen by name with its organisation number. */
@Component
class EnterpriseRecordVariable implements RecordVariableSource {

    private final EnterpriseReader reader;

    EnterpriseRecordVariable(EnterpriseReader reader) {
        this.reader = reader;
    }

    @Override
    public String variable() {
        return "enterpriseId";
    }

    @Override
    public String label() {
        return "Företag";
    }

    @Override
    public OptionSource options() {
        return variables -> choices(variables.get(variable()));
    }

    /** Every enterprise; once one is chosen only that one (the form shows its name), read alone. */
    private List<FormOption> choices(String chosen) {
        return reader.enterprises(null, null).stream()
                .filter(summary -> chosen == null || summary.enterpriseId().value().equals(chosen)).map(summary -> {
            var enterprise = reader.enterprise(summary.enterpriseId());
            String number = enterprise.organisationNumber() == null ? "enskild firma, utan organisationsnummer"
                    : enterprise.organisationNumber().value();
            return new FormOption(summary.enterpriseId().value(), summary.name() + " (" + number
                    + (summary.closed() ? ", nedlagt" : "") + ")");
        }).toList();
    }
}
