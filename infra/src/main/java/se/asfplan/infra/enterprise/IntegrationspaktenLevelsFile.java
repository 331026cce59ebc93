package se.asfplan.infra.enterprise;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.Resource;

import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.IntegrationspaktenLevels;

/** Reads Integrationspakten's configured levels from a YAML file of {@code levels: [{code, name}, ...]}. */
final class IntegrationspaktenLevelsFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private IntegrationspaktenLevelsFile() {
    }

    record LevelsFile(List<LevelEntry> levels) {
    }

    record LevelEntry(String code, String name) {
    }

    static IntegrationspaktenLevels read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            LevelsFile file = YAML.readValue(in, LevelsFile.class);
            if (file == null || file.levels() == null) {
                throw new IllegalStateException(resource.getDescription() + " lists no Integrationspakten levels");
            }
            Map<IntegrationspaktenLevel, String> names = new LinkedHashMap<>();
            for (LevelEntry entry : file.levels()) {
                IntegrationspaktenLevel level = new IntegrationspaktenLevel(entry.code());
                if (names.put(level, entry.name()) != null) {
                    throw new IllegalStateException(resource.getDescription() + " lists level " + level + " twice");
                }
            }
            return new IntegrationspaktenLevels(names);
        } catch (IOException e) {
            throw new IllegalStateException("Integrationspakten levels could not be read from "
                    + resource.getDescription(), e);
        }
    }
}
