package se.asfplan.web.api;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a recorded command: what was recorded, where to read it and, when known, the record's version after
 * the change (also sent as the {@code ETag} header; send it back as {@code If-Match} to change the record only if
 * nobody changed it since). Reads are served by projections and may take a moment to show a new event.
 */
public record Recorded(String recorded, URI location, @JsonInclude(JsonInclude.Include.NON_NULL) Long version,
                       List<String> eventIds) {

    public Recorded {
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    }

    /**
     * The answer naming the event the command recorded by its type, so that the name cannot drift from the event
     * (it is the event type's simple name, e.g. {@code "PlanAdoptedEvent"}).
     */
    public Recorded(Class<? extends Record> event, URI location) {
        this(event.getSimpleName(), location, null, List.of());
    }

    Recorded withVersion(long recordedVersion) {
        return new Recorded(recorded, location, recordedVersion, eventIds);
    }

    /** The answer with the ids of the events the command recorded, in order (name one to retract it). */
    Recorded withEventIds(List<String> recordedEventIds) {
        return new Recorded(recorded, location, version, recordedEventIds);
    }
}
