package se.asfplan.web.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import se.asfplan.infra.storedevents.StoredEventProblems;
import se.asfplan.infra.storedevents.StoredEventProblems.Problem;
import se.asfplan.infra.storedevents.StoredEventReader;

/**
 * {@code /actuator/health/storedEvents}: the stored events that cannot be read, each with its position in the log,
 * its record and the cause, and per stored type the events whose type this release has no class for (no handler sees
 * them). Details are shown to signed-in users, as for the projections.
 * <p>
 * Status: {@link #UNREADABLE} while any stored event cannot be read (its record refuses every command until the event
 * is repaired or an upcaster reads it); ranked between {@code DOWN} and {@code PARKED} and answered with HTTP 200, so
 * the instance stays in service: the rest of the log is fine. Each listed event is read again on every check, and
 * leaves the list once it reads. Events of an unknown type leave the status {@code UP}: they are counted, here and in
 * the metrics, so that a newer release's events met by an older one are not dropped without a trace.
 */
@Component("storedEvents")
public class StoredEventsHealthIndicator extends AbstractHealthIndicator {

    /** A stored event cannot be read: its record is frozen until it is repaired. */
    public static final Status UNREADABLE = new Status("UNREADABLE_EVENTS", "a stored event cannot be read");

    private final StoredEventProblems problems;
    private final StoredEventReader reader;

    public StoredEventsHealthIndicator(StoredEventProblems problems, StoredEventReader reader) {
        super("Stored events could not be inspected");
        this.problems = problems;
        this.reader = reader;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Map<String, Object>> unreadable = new java.util.ArrayList<>();
        for (Problem problem : problems.unreadable()) {
            var why = reader.whyUnreadable(problem.eventId());
            if (why.isEmpty()) {
                problems.forgetUnreadable(problem.eventId());
                continue;
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("position", problem.position());
            event.put("eventId", problem.eventId());
            event.put("record", problem.aggregateType() + " " + problem.aggregateId());
            event.put("aggregateType", problem.aggregateType());
            event.put("aggregateId", problem.aggregateId());
            event.put("sequenceNumber", problem.sequenceNumber());
            event.put("payloadType", problem.payloadType());
            event.put("cause", why.get());
            event.put("since", problem.firstSeen().toString());
            event.put("link", "/api/events/" + problem.eventId());
            unreadable.add(event);
        }
        Map<String, Long> unknownTypes = problems.summary().unknownTypes();
        builder.status(unreadable.isEmpty() ? Status.UP : UNREADABLE)
                .withDetail("unreadable", unreadable)
                .withDetail("unknownTypes", unknownTypes)
                .withDetail("unknownTypeEvents", unknownTypes.values().stream().mapToLong(Long::longValue).sum());
    }
}
