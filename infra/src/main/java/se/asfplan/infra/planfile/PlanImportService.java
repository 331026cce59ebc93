package se.asfplan.infra.planfile;

import java.io.InputStream;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.asfplan.domain.party.PartyCommands.EnsurePartyRegisteredCommand;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.infra.planfile.PlanFileReader.PlanImport;

/**
 * Imports a plan file as one adoption: the parties the file lists, and the plan with its areas, activities and goals,
 * are recorded together in one transaction, or nothing is. The commands are sent one after the other inside one
 * Spring transaction: Axon's {@code SpringTransactionManager} starts each command's unit of work with the default
 * propagation (required), so it joins that transaction instead of committing its own; a refused command marks it
 * rollback-only and its exception rolls it back, so a plan refused by a rule leaves no party registered.
 */
@Service
public class PlanImportService {

    private final PlanFileReader reader = new PlanFileReader();
    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;

    public PlanImportService(CommandGateway commandGateway, EventStore eventStore,
                             PlatformTransactionManager transactionManager) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Reads and records a plan file. Throws {@link PlanFileException} for a malformed file and the domain's
     * refusal when a rule is broken (for instance, the plan was already adopted, or a listed party is registered
     * with other details); then nothing is recorded.
     */
    public ImportedPlan importPlan(InputStream file, MetaData recording) {
        PlanImport planImport = reader.readImport(file);
        transaction.executeWithoutResult(status -> {
            for (EnsurePartyRegisteredCommand party : planImport.parties()) {
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(party).andMetaData(recording));
            }
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(planImport.plan())
                    .andMetaData(recording));
        });
        return ImportedPlan.of(planImport);
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
     * written once for several years (each recorded as one goal per year); {@code parties} the parties the file
     * lists (registered by the import, or found registered with the same details).
     */
    public record ImportedPlan(PlanId planId, String title, int areas, int activities, int goals,
                               int recurringGoals, int parties) {

        public static ImportedPlan of(AdoptPlanCommand command) {
            int activities = command.areas().stream().mapToInt(area -> area.activities().size()).sum();
            return new ImportedPlan(command.planId(), command.title(), command.areas().size(), activities,
                    command.goals().size(), command.recurringGoals().size(), 0);
        }

        public static ImportedPlan of(PlanImport planImport) {
            ImportedPlan plan = of(planImport.plan());
            return new ImportedPlan(plan.planId(), plan.title(), plan.areas(), plan.activities(), plan.goals(),
                    plan.recurringGoals(), planImport.parties().size());
        }

        /** "40 activities, 4 goals", and the recurring goals and parties when there are any. */
        public String counts() {
            return areas + " areas, " + activities + " activities, " + goals + " goals"
                    + (recurringGoals == 0 ? "" : ", " + recurringGoals + " recurring goals")
                    + (parties == 0 ? "" : ", " + parties + " parties");
        }
    }
}
