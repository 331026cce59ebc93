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

import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.infra.axon.RecordingMetadata;
import se.asfplan.infra.planfile.PlanFileException;
import se.asfplan.infra.planfile.PlanImportService;
import se.asfplan.web.TrackerApplication;

/**
 * The command line: {@code java -jar asf-plan-tracker.jar import-plan FILE}. It uses the same configuration as the
 * service (so the same database), starts no web server, and records as the named user.
 */
@Command(name = "asf-plan-tracker", mixinStandardHelpOptions = true,
        subcommands = {TrackerCli.ImportPlan.class, TrackerCli.CheckPlan.class},
        description = "Command-line tools of the ASF action-plan tracker.")
public class TrackerCli {

    private static final List<String> COMMANDS = List.of("import-plan", "check-plan", "--help", "-h");

    /** Whether these program arguments ask for a command-line command rather than the web service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return new CommandLine(new TrackerCli()).execute(args);
    }

    /** Opens the application's wiring without a web server and without any start-up import. */
    static ConfigurableApplicationContext context() {
        return new SpringApplicationBuilder(TrackerApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                // as command-line arguments these outrank application.yml; builder properties would not
                .run("--tracker.plans.import-on-start=");
    }

    @Command(name = "import-plan", mixinStandardHelpOptions = true,
            description = "Import a plan file (YAML or JSON, format action-plan/v1) and record its adoption.")
    static class ImportPlan implements Callable<Integer> {

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
            try (ConfigurableApplicationContext context = context(); InputStream input = Files.newInputStream(file)) {
                var imported = context.getBean(PlanImportService.class)
                        .importPlan(input, RecordingMetadata.of(user, "command-line", null));
                System.out.printf("Imported plan %s ('%s'): %d areas, %d activities, %d goals%n", imported.planId(),
                        imported.title(), imported.areas(), imported.activities(), imported.goals());
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
                var command = new se.asfplan.infra.planfile.PlanFileReader().read(input);
                int activities = command.areas().stream().mapToInt(a -> a.activities().size()).sum();
                System.out.printf("%s is a valid plan file: plan %s, %d areas, %d activities, %d goals%n", file,
                        command.planId(), command.areas().size(), activities, command.goals().size());
                return 0;
            } catch (PlanFileException e) {
                System.err.println(file + " has problems:");
                e.problems().forEach(p -> System.err.println("  " + (p.path().isEmpty() ? "(file)" : p.path())
                        + ": " + p.message()));
                return 1;
            }
        }
    }
}
