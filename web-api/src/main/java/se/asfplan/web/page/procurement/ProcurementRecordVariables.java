package se.asfplan.web.page.procurement;


import org.springframework.stereotype.Component;

import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementsQuery;
import se.asfplan.web.api.ProcurementReader;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.form.RecordVariableSource;

/** The procurement a form is about, chosen from the recorded procurements when the form is opened without it. */
@Component
class ProcurementRecordVariables implements RecordVariableSource {

    private final ProcurementReader procurements;

    ProcurementRecordVariables(ProcurementReader procurements) {
        this.procurements = procurements;
    }

    @Override
    public String variable() {
        return "procurementId";
    }

    @Override
    public String label() {
        return "Upphandling";
    }

    @Override
    public OptionSource options() {
        return variables -> procurements.procurements(new FindProcurementsQuery(null, null, null)).stream()
                .map(procurement -> new FormOption(procurement.procurementId().value(), procurement.subject() + " ("
                        + procurement.authority() + ", " + ProcurementTexts.status(procurement.status()).toLowerCase()
                        + " " + procurement.begunOn() + ")"))
                .toList();
    }

}
