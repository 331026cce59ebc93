package se.asfplan.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import se.asfplan.web.cli.TrackerCli;

/**
 * Starts the web service, or, when the first argument names a command-line command (see {@link TrackerCli}),
 * runs that command against the same database without a web server and exits with its status.
 */
@SpringBootApplication(scanBasePackages = {"se.asfplan.web", "se.asfplan.infra", "se.asfplan.projections"})
public class TrackerApplication {

    public static void main(String[] args) {
        if (TrackerCli.handles(args)) {
            System.exit(TrackerCli.run(TrackerApplication.class, args));
        }
        SpringApplication.run(TrackerApplication.class, args);
    }
}
