package se.asfplan.domain.enterprise;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The membership levels Integrationspakten has, as configured (codes with their Swedish names, in order). The
 * city decides the levels, so they are data, not code: a join or level change naming any other level is refused.
 */
public record IntegrationspaktenLevels(Map<IntegrationspaktenLevel, String> names) {

    public IntegrationspaktenLevels {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("at least one Integrationspakten level must be configured");
        }
        names.forEach((level, name) -> {
            if (level == null || name == null || name.isBlank()) {
                throw new IllegalArgumentException("every Integrationspakten level needs a code and a name");
            }
        });
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    public boolean contains(IntegrationspaktenLevel level) {
        return names.containsKey(level);
    }

    @Override
    public String toString() {
        return names.entrySet().stream().map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
