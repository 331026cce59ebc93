package se.asfplan.web.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.infra.axon.ProjectionMonitor;
import se.asfplan.infra.axon.ProjectionMonitor.Eviction;
import se.asfplan.infra.axon.ProjectionMonitor.NoSuchDeadLetterException;
import se.asfplan.infra.axon.ProjectionMonitor.ParkedEvent;
import se.asfplan.infra.axon.ProjectionMonitor.UnknownProcessorException;
import se.asfplan.infra.axon.RecordingMetadata;
import se.asfplan.infra.planfile.PlanFileException;
import se.asfplan.infra.planfile.PlanImportService;
import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.projections.rebuild.RebuildConflictException;
import se.asfplan.projections.rebuild.RebuildStatus;

/**
 * The command line: {@code java -jar asf-plan-tracker.jar import-plan FILE}. It uses the same configuration as the
 * service (so the same database), starts no web server, and records as the named user.
 */
@Command(name = "asf-plan-tracker", mixinStandardHelpOptions = true,
        subcommands = {TrackerCli.ImportPlan.class, TrackerCli.CheckPlan.class, TrackerCli.RebuildProjection.class,
                TrackerCli.DeadLetters.class, TrackerCli.RetryDeadLetters.class, TrackerCli.EvictDeadLetter.class,
                LogCommands.VerifyLog.class, LogCommands.ExportLog.class, LogCommands.VerifyExport.class,
                LogCommands.GenerateSigningKey.class},
        description = "Command-line tools of the ASF action-plan tracker.")
public class TrackerCli {

    private static final List<String> COMMANDS = List.of("import-plan", "check-plan", "rebuild-projection",
            "dead-letters", "retry-dead-letters", "evict-dead-letter", "verify-log", "export-log", "verify-export",
            "generate-signing-key", "--help", "-h");

    /** Whether these program arguments ask for a command-line command rather than the web service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** The application whose wiring the commands open: the one that started the command line. */
    private final Class<?> application;

    private TrackerCli(Class<?> application) {
        this.application = application;
    }

    /**
     * Runs the command the arguments name against the wiring of {@code application} (the Spring Boot application
     * class), and answers its exit status.
     */
    public static int run(Class<?> application, String[] args) {
        return new CommandLine(new TrackerCli(application)).execute(args);
    }

    /** Opens the application's wiring without a web server and without any start-up import. */
    ConfigurableApplicationContext context() {
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                // as command-line arguments these outrank application.yml; builder properties would not
                .run("--tracker.plans.import-on-start=");
    }

    @Command(name = "import-plan", mixinStandardHelpOptions = true,
            description = "Import a plan file (YAML or JSON, format action-plan/v1) and record its adoption.")
    static class ImportPlan implements Callable<Integer> {

        @ParentCommand
        TrackerCli cli;

        @Parameters(paramLabel = "FILE", description = "the plan file")
        Path file;

        @Option(names = "--user", description = "who records the import (default: cli:<operating-system user>)")
        String user = "cli:" + System.getProperty("user.name", "unknown");

        @Override
        public Integer call() throws IOException {
            if (!Files.isReadable(file)) {
                System.err.println("Cannot read " + file);
                return 2;
            }
            try (ConfigurableApplicationContext context = cli.context(); InputStream input = Files.newInputStream(file)) {
                var imported = context.getBean(PlanImportService.class)
                        .importPlan(input, RecordingMetadata.of(user, "command-line", null));
                System.out.printf("Imported plan %s ('%s'): %s%n", imported.planId(), imported.title(),
                        imported.counts());
                return 0;
            } catch (PlanFileException e) {
                System.err.println("The plan file " + file + " was not imported; nothing was recorded:");
                e.problems().forEach(p -> System.err.println("  " + (p.path().isEmpty() ? "(file)" : p.path())
                        + ": " + p.message()));
                return 1;
            } catch (RuleViolationException e) {
                System.err.println("Refused (" + e.rule().code() + "): " + e.getMessage() + "; nothing was recorded");
                return 1;
            } catch (IllegalArgumentException e) {
                System.err.println("Invalid value: " + e.getMessage() + "; nothing was recorded");
                return 1;
            }
        }
    }

    @Command(name = "check-plan", mixinStandardHelpOptions = true,
            description = "Check a plan file without recording anything.")
    static class CheckPlan implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "the plan file")
        Path file;

        @Override
        public Integer call() throws IOException {
            try (InputStream input = Files.newInputStream(file)) {
                var planImport = new se.asfplan.infra.planfile.PlanFileReader().readImport(input);
                System.out.printf("%s is a valid plan file: plan %s, %s%n", file, planImport.plan().planId(),
                        PlanImportService.ImportedPlan.of(planImport).counts());
                return 0;
            } catch (PlanFileException e) {
                System.err.println(file + " has problems:");
                e.problems().forEach(p -> System.err.println("  " + (p.path().isEmpty() ? "(file)" : p.path())
                        + ": " + p.message()));
                return 1;
            }
        }
    }

    @Command(name = "rebuild-projection", mixinStandardHelpOptions = true,
            description = "Rebuild a projection from the event store into a new generation of its tables while the "
                    + "service keeps answering from the active one; print the progress until it has caught up, then "
                    + "switch to it (unless --no-switch).")
    static class RebuildProjection implements Callable<Integer> {

        @ParentCommand
        TrackerCli cli;

        @Parameters(paramLabel = "GROUP", description = "the processing group, e.g. statistics")
        String group;

        @Option(names = "--no-switch", description = "leave the new generation beside the active one, to be "
                + "compared (report parameter 'generation') and switched to later through the API")
        boolean noSwitch;

        @Option(names = "--interval", description = "seconds between progress lines (default: ${DEFAULT-VALUE})")
        int interval = 2;

        @Override
        public Integer call() throws InterruptedException {
            try (ConfigurableApplicationContext context = cli.context()) {
                ProjectionRebuilds rebuilds = context.getBean(ProjectionRebuilds.class);
                RebuildStatus status;
                try {
                    status = rebuilds.start(group, false);
                } catch (IllegalArgumentException | RebuildConflictException e) {
                    System.err.println(e.getMessage());
                    return 1;
                }
                int generation = status.rebuildingGeneration();
                System.out.printf("Rebuilding %s into generation %d; generation %d keeps answering%n", group,
                        generation, status.activeGeneration());
                do {
                    Thread.sleep(interval * 1000L);
                    status = rebuilds.status(group);
                    if (!Integer.valueOf(generation).equals(status.rebuildingGeneration())) {
                        System.out.printf("Generation %d of %s was switched to meanwhile%n", generation, group);
                        return 0;
                    }
                    System.out.println(progress(status));
                } while (!status.caughtUp());
                if (noSwitch) {
                    System.out.printf("Generation %d of %s has caught up; the service goes on folding new events "
                            + "into it; switch with POST /api/admin/projections/%s/switch%n", generation, group, group);
                    return 0;
                }
                rebuilds.switchOver(group);
                System.out.printf("Switched %s to generation %d%n", group, generation);
                while (rebuilds.runsLocally(group)) {
                    Thread.sleep(500);
                }
                return 0;
            }
        }

        private static String progress(RebuildStatus status) {
            return String.format(java.util.Locale.ROOT, "%5.1f %%  position %s of %d  %s events/s  time left %s",
                    status.percent(), status.position() == null ? "-" : status.position(), status.head(),
                    status.eventsPerSecond() == null ? "-" : String.format(java.util.Locale.ROOT, "%.0f",
                            status.eventsPerSecond()),
                    status.timeLeft() == null ? "unknown" : status.timeLeft().toSeconds() + " s");
        }
    }

    @Command(name = "dead-letters", mixinStandardHelpOptions = true,
            description = "List the events parked in the projections' dead-letter queues (all groups, or one).")
    static class DeadLetters implements Callable<Integer> {

        @ParentCommand
        TrackerCli cli;

        @Parameters(paramLabel = "GROUP", arity = "0..1", description = "one processing group, e.g. plan-view")
        String group;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = cli.context()) {
                ProjectionMonitor monitor = context.getBean(ProjectionMonitor.class);
                List<String> groups = group == null ? List.copyOf(monitor.parkedCounts().keySet()) : List.of(group);
                for (String name : groups) {
                    List<ParkedEvent> parked = monitor.parked(name);
                    System.out.printf("%s: %d parked%n", name, parked.size());
                    for (ParkedEvent event : parked) {
                        System.out.printf("  %s  %s  %s #%s  parked %s  %s: %s%n", event.eventId(), event.type(),
                                event.aggregateId(), event.sequenceNumber(), event.parkedAt(), event.causeType(),
                                event.causeMessage());
                    }
                }
                return 0;
            } catch (UnknownProcessorException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "retry-dead-letters", mixinStandardHelpOptions = true,
            description = "Retry a group's parked events, each record's in order, each read as the event store and "
                    + "the current upcasters give it now; those that fail again stay parked.")
    static class RetryDeadLetters implements Callable<Integer> {

        @ParentCommand
        TrackerCli cli;

        @Parameters(paramLabel = "GROUP", description = "the processing group, e.g. plan-view")
        String group;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = cli.context()) {
                var result = context.getBean(ProjectionMonitor.class).retry(group);
                System.out.printf("%s: %d parked before, %d after%n", group, result.parkedBefore(),
                        result.parkedAfter());
                return result.parkedAfter() == 0 ? 0 : 3;
            } catch (UnknownProcessorException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "evict-dead-letter", mixinStandardHelpOptions = true,
            description = "Take one parked event out of a group's queue without handling it; the log records it as "
                    + "an operator event with --user and --reason.")
    static class EvictDeadLetter implements Callable<Integer> {

        @ParentCommand
        TrackerCli cli;

        @Parameters(index = "0", paramLabel = "GROUP", description = "the processing group, e.g. plan-view")
        String group;

        @Parameters(index = "1", paramLabel = "EVENT_ID", description = "the parked event's id (see dead-letters)")
        String eventId;

        @Option(names = "--reason", required = true, description = "why (kept in the log for good: no personal data)")
        String reason;

        @Option(names = "--user", description = "who evicts it (default: cli:<operating-system user>)")
        String user = "cli:" + System.getProperty("user.name", "unknown");

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = cli.context()) {
                Eviction eviction = context.getBean(ProjectionMonitor.class).evict(group, eventId, reason,
                        RecordingMetadata.of(user, "command-line", null));
                System.out.printf("Evicted %s (%s of %s #%s) from %s; recorded as operator event %s; %d still "
                                + "parked%n", eventId, eviction.evicted().type(), eviction.evicted().aggregateId(),
                        eviction.evicted().sequenceNumber(), group, eviction.operatorEventId(),
                        eviction.parkedAfter());
                return 0;
            } catch (UnknownProcessorException | NoSuchDeadLetterException e) {
                System.err.println(e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                System.err.println("Invalid value: " + e.getMessage() + "; nothing was evicted");
                return 1;
            }
        }
    }
}
