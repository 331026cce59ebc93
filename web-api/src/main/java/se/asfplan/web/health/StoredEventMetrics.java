package se.asfplan.web.health;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import se.asfplan.infra.storedevents.StoredEventProblems;

/**
 * Gauges of the stored events that cannot be read ({@code tracker.events.unreadable}) and of those whose type this
 * release has no class for ({@code tracker.events.unknown}, all types together, and
 * {@code tracker.events.unknown.type} tagged {@code type}, the stored type's simple name). A stored type name is
 * open-ended, so at most {@value #TYPE_TAGS_MAX} types get a gauge of their own (the first met); the total and
 * {@code /actuator/health/storedEvents} count every type. Values are read from {@code stored_event_problem} (cached
 * for a few seconds), so every node shows the same figures.
 */
@Component
public class StoredEventMetrics implements MeterBinder {

    static final int TYPE_TAGS_MAX = 20;

    private final StoredEventProblems problems;
    private final Set<String> tagged = ConcurrentHashMap.newKeySet();

    public StoredEventMetrics(StoredEventProblems problems) {
        this.problems = problems;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tracker.events.unreadable", problems, p -> p.summary().unreadable())
                .description("Stored events that cannot be read; their records refuse commands")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("tracker.events.unknown", problems,
                        p -> p.summary().unknownTypes().values().stream().mapToLong(Long::longValue).sum())
                .description("Stored events of a type this release has no class for")
                .baseUnit("events")
                .register(registry);
        problems.summary().unknownTypes().keySet().forEach(type -> tag(registry, type));
        problems.onUnknownType(type -> tag(registry, type));
    }

    private void tag(MeterRegistry registry, String storedType) {
        if (tagged.size() >= TYPE_TAGS_MAX || !tagged.add(storedType)) {
            return;
        }
        String simpleName = storedType.substring(storedType.lastIndexOf('.') + 1);
        Gauge.builder("tracker.events.unknown.type", problems,
                        p -> p.summary().unknownTypes().getOrDefault(storedType, 0L))
                .tag("type", simpleName)
                .description("Stored events of one type this release has no class for")
                .baseUnit("events")
                .register(registry);
    }
}
