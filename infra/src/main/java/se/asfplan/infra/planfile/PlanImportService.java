package se.asfplan.infra.planfile;

import java.io.InputStream;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;

import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanId;

/**
 * Imports a plan file as one adoption: the plan, its areas, activities and goals are recorded together in one
 * transaction, or nothing is.
 */
@Service
public class PlanImportService {

    private final PlanFileReader reader = new PlanFileReader();
    private final CommandGateway commandGateway;
    private final EventStore eventStore;

    public PlanImportService(CommandGateway commandGateway, EventStore eventStore) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
    }

    /**
     * Reads and records a plan file. Throws {@link PlanFileException} for a malformed file and the domain's
     * refusal when a rule is broken (for instance, the plan was already adopted).
     */
    public ImportedPlan importPlan(InputStream file, MetaData recording) {
        AdoptPlanCommand command = reader.read(file);
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(recording));
        return ImportedPlan.of(command);
    }

    /** Whether any event was ever recorded for the plan. */
    public boolean exists(PlanId planId) {
        return eventStore.lastSequenceNumberFor(planId.value()).isPresent();
    }

    /** Reads a plan file without recording it. */
    public AdoptPlanCommand check(InputStream file) {
        return reader.read(file);
    }

    /**
     * What an import recorded: {@code goals} counts the goals written for one year, {@code recurringGoals} those
     * written once for several years (each recorded as one goal per year).
     */
    public record ImportedPlan(PlanId planId, String title, int areas, int activities, int goals,
                               int recurringGoals) {

        public static ImportedPlan of(AdoptPlanCommand command) {
            int activities = command.areas().stream().mapToInt(area -> area.activities().size()).sum();
            return new ImportedPlan(command.planId(), command.title(), command.areas().size(), activities,
                    command.goals().size(), command.recurringGoals().size());
        }

        /** "40 activities, 4 goals", and the recurring goals when there are any. */
        public String counts() {
            return areas + " areas, " + activities + " activities, " + goals + " goals"
                    + (recurringGoals == 0 ? "" : ", " + recurringGoals + " recurring goals");
        }
    }
}
