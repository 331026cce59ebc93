package se.asfplan.web.page.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;

/**
 * The independent recomputation among the forms, as the operations on the read models are: it changes no record,
 * and auditors start it from its own page, {@code /granskning/omrakning}.
 */
@Component
class RecomputationForms implements CommandFormCatalogue {

    @Override
    public List<CommandForm> forms() {
        return List.of(new CommandForm("recomputation-start", "Granskning",
                "Räkna om alla läsmodeller ur händelseloggen och jämför med dem som svarar",
                "/api/audit/recomputations", null, RecomputationPageController.PATH, List.of()));
    }
}
