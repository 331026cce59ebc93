package se.asfplan.web.page.ops;

import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.infra.axon.ProjectionMonitor;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.form.RecordVariableSource;

/**
 * The operations the API accepts on the read models: rebuild, switch generation, retry parked events, evict one parked
 * event with a reason.
 */
@Component
class OperationsForms implements CommandFormCatalogue, RecordVariableSource {

    static final String GROUP = "Drift";
    private static final String PAGE = "/drift";

    private final ProjectionMonitor monitor;

    OperationsForms(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public List<CommandForm> forms() {
        return List.of(
                new CommandForm("projection-rebuild", GROUP,
                        "Bygg om en läsmodell från händelseloggen och byt till den när den är ikapp",
                        "/api/admin/projections/{group}/rebuilds", null, PAGE, List.of()),
                new CommandForm("projection-rebuild-compare", GROUP,
                        "Bygg om en läsmodell bredvid den som svarar, för att jämföra innan byte",
                        "/api/admin/projections/{group}/rebuilds?switchWhenCaughtUp=false", null, PAGE, List.of()),
                new CommandForm("projection-switch", GROUP, "Byt till den ombyggda läsmodellen",
                        "/api/admin/projections/{group}/switch", null, PAGE, List.of()),
                new CommandForm("dead-letter-retry", GROUP, "Försök igen med parkerade händelser",
                        "/api/admin/dead-letters/{group}/retry", null, PAGE, List.of()),
                new CommandForm("dead-letter-evict", GROUP,
                        "Ta bort en parkerad händelse ur kön utan att läsmodellen hanterar den",
                        "/api/admin/dead-letters/{group}/evictions", null, PAGE, List.of(
                                FormField.text("eventId", "Händelsens id").mandatory()
                                        .help("Id:t som listas under Parkerade händelser på driftsidan."),
                                FormField.textarea("reason", "Skäl").mandatory()
                                        .help("Sparas i händelseloggen tillsammans med ditt namn. Skriv inga "
                                                + "personuppgifter."))));
    }

    @Override
    public String variable() {
        return "group";
    }

    @Override
    public String label() {
        return "Läsmodell";
    }

    @Override
    public OptionSource options() {
        return variables -> monitor.processors().stream().sorted().map(name -> new FormOption(name, name)).toList();
    }
}
