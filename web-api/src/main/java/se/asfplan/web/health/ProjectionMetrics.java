package se.asfplan.web.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import se.asfplan.infra.axon.ProjectionMonitor;

/**
 * Micrometer gauges per projection processor (tag {@code group}): {@code tracker.projection.lag}, events stored but
 * not yet handled, and {@code tracker.projection.parked}, events parked in the dead-letter queue. Read on every
 * scrape from Axon's processors and queues.
 */
@Component
public class ProjectionMetrics implements MeterBinder {

    private final ProjectionMonitor monitor;

    public ProjectionMetrics(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String processor : monitor.processors()) {
            Gauge.builder("tracker.projection.lag", monitor,
                            m -> m.state(processor, m.head()).lag())
                    .tag("group", processor)
                    .description("Events in the event store that the projection has not yet handled")
                    .baseUnit("events")
                    .register(registry);
            Gauge.builder("tracker.projection.parked", monitor,
                            m -> m.state(processor, -1).parked())
                    .tag("group", processor)
                    .description("Events parked in the projection's dead-letter queue")
                    .baseUnit("events")
                    .register(registry);
        }
    }
}
