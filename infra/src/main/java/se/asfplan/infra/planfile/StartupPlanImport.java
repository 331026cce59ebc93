package se.asfplan.infra.planfile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import se.asfplan.infra.axon.RecordingMetadata;

/**
 * Imports the configured plan files when the application starts, each only if its plan has no history yet, so a
 * fresh embedded database comes up with the Stockholm plan loaded and a restart never imports twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StartupPlanImport.Properties.class)
public class StartupPlanImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupPlanImport.class);

    private final Properties properties;
    private final PlanImportService importService;
    private final PlanFileReader reader = new PlanFileReader();

    public StartupPlanImport(Properties properties, PlanImportService importService) {
        this.properties = properties;
        this.importService = importService;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource file : properties.importOnStart()) {
            var planId = readPlanId(file);
            if (importService.exists(planId)) {
                log.info("Plan {} from {} is already recorded; not importing it again", planId, file.getDescription());
                continue;
            }
            try (InputStream input = file.getInputStream()) {
                var imported = importService.importPlan(input,
                        RecordingMetadata.of("system:startup-import", "startup-import", null));
                log.info("Imported plan {} ('{}') from {}: {} areas, {} activities, {} goals", imported.planId(),
                        imported.title(), file.getDescription(), imported.areas(), imported.activities(),
                        imported.goals());
            }
        }
    }

    private se.asfplan.domain.plan.PlanId readPlanId(Resource file) throws IOException {
        try (InputStream input = file.getInputStream()) {
            return reader.read(input).planId();
        }
    }

    /**
     * @param importOnStart plan files imported at start-up when their plan is not yet recorded
     */
    @ConfigurationProperties("tracker.plans")
    public record Properties(List<Resource> importOnStart) {
        public Properties {
            importOnStart = importOnStart == null ? List.of() : List.copyOf(importOnStart);
        }
    }
}
