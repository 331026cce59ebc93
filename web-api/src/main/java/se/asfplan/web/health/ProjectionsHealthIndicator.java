package se.asfplan.web.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import se.asfplan.infra.axon.ProjectionMonitor;
import se.asfplan.infra.axon.ProjectionMonitor.ProcessorState;

/**
 * {@code /actuator/health/projections}: per projection processor its position, the head of the event store, the
 * lag in events and the number of parked (dead-lettered) events. Details are shown to coordinators and
 * auditors only; anyone else sees the status alone.
 * <p>
 * Status: {@code UP} when nothing is parked; {@link #PARKED} when any event is parked
 * (the projections are running but incomplete until the parked events are retried); {@code DOWN} when a
 * processor is not running. {@code PARKED} ranks between {@code DOWN} and {@code UP} in the overall health and
 * answers HTTP 200, so load balancers keep the instance in service (see {@code management.endpoint.health.status}).
 * Lag alone does not change the status: it is normal while events arrive; watch the gauge instead. A processor
 * {@code error} means its coordinator failed (for instance could not reach the database) and retries after a back-off.
 */
@Component("projections")
public class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    /**
     * Some events are parked in a dead-letter queue: reads are missing them until they are retried. Without a
     * description: the status is shown to anonymous callers, who learn nothing more than its name.
     */
    public static final Status PARKED = new Status("PARKED");

    private final ProjectionMonitor monitor;

    public ProjectionsHealthIndicator(ProjectionMonitor monitor) {
        super("Projection processors could not be inspected");
        this.monitor = monitor;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ProcessorState> states = monitor.states();
        long parked = 0;
        boolean stopped = false;
        boolean errored = false;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (ProcessorState state : states) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", state.running());
            detail.put("error", state.error());
            detail.put("position", state.position());
            detail.put("head", state.head());
            detail.put("lag", state.lag());
            detail.put("parked", state.parked());
            processors.put(state.name(), detail);
            parked += state.parked();
            stopped |= !state.running();
            errored |= state.error();
        }
        builder.status(stopped ? Status.DOWN : parked > 0 ? PARKED : Status.UP)
                .withDetail("head", monitor.head())
                .withDetail("parked", parked)
                .withDetail("processorsInError", errored)
                .withDetail("processors", processors);
    }
}
