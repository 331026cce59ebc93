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
                LogCommands.VerifyLog.class, LogCommands.ExportLog.class, LogCommands.VerifyExport.class,
                LogCommands.GenerateSigningKey.class},
        description = "Command-line tools of the ASF action-plan tracker.")
public class TrackerCli {

    private static final List<String> COMMANDS = List.of("import-plan", "check-plan", "rebuild-projection", "verify-log",
            "export-log", "verify-export", "generate-signing-key", "--help", "-h");

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
}
