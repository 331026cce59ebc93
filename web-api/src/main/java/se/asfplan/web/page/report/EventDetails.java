package se.asfplan.web.page.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.EnterpriseEvent;
import se.asfplan.domain.meeting.MeetingEvent;
import se.asfplan.domain.party.PartyEvent;
import se.asfplan.domain.plan.PlanEvent;
import se.asfplan.domain.procurement.ProcurementEvent;
import se.asfplan.domain.shared.RecordingMetadataKeys;

/**
 * Looks up the events a report figure lists by their positions (global indexes) in the event store: what each is,
 * its business date, when and by whom it was recorded. Reads the log forward from each position through Axon's
 * storage engine (never the database directly), a window at a time, so that positions lying close together are read
 * in one pass.
 */
@Component
class EventDetails {

    /** How far past a wanted position one pass reads before it starts again at the next wanted position. */
    static final long WINDOW = 200;

    private final EventStorageEngine storage;

    EventDetails(EventStorageEngine storage) {
        this.storage = storage;
    }

    /**
     * One event behind a figure.
     *
     * @param type       the stable type (the event class's simple name)
     * @param typeName   its readable Swedish name
     * @param occurredOn the business date, which decides the year it counts for (null for an event without one)
     */
    record FigureEvent(long position, String eventId, String type, String typeName, LocalDate occurredOn,
                       Instant recordedAt, String recordedTime, String recordedBy) {
    }

    /**
     * The events at the given positions, in the order given, each checked against its expected identifier. A position
     * the log does not hold (or holding another event) is reported as such rather than silently left out.
     */
    List<FigureEvent> at(List<Long> positions, List<String> eventIds) {
        Map<Long, FigureEvent> found = read(new TreeSet<>(positions));
        List<FigureEvent> events = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            long position = positions.get(i);
            String expectedId = i < eventIds.size() ? eventIds.get(i) : null;
            FigureEvent event = found.get(position);
            if (event == null || (expectedId != null && !expectedId.equals(event.eventId()))) {
                events.add(new FigureEvent(position, expectedId, null, "Händelsen finns inte i loggen vid positionen",
                        null, null, "", ""));
            } else {
                events.add(event);
            }
        }
        return events;
    }

    private Map<Long, FigureEvent> read(TreeSet<Long> wanted) {
        Map<Long, FigureEvent> found = new HashMap<>();
        Long next = wanted.isEmpty() ? null : wanted.first();
        while (next != null) {
            long start = next;
            long last = start;
            GapAwareTrackingToken token = start <= 0 ? null
                    : GapAwareTrackingToken.newInstance(start - 1, Collections.emptySet());
            try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(token, false)) {
                var iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> message = iterator.next();
                    long position = message.trackingToken().position().orElse(-1);
                    last = position;
                    if (wanted.contains(position)) {
                        found.put(position, details(position, message));
                    }
                    Long following = wanted.higher(position);
                    if (following == null || following > position + WINDOW) {
                        break;
                    }
                }
            }
            next = wanted.higher(Math.max(start, last));
        }
        return found;
    }

    private static FigureEvent details(long position, TrackedEventMessage<?> message) {
        Object payload = message.getPayload();
        String type = message.getPayloadType().getSimpleName();
        Object recordedBy = message.getMetaData().get(RecordingMetadataKeys.RECORDED_BY);
        return new FigureEvent(position, message.getIdentifier(), type, SwedishTexts.eventType(type),
                businessDate(payload), message.getTimestamp(), SwedishTexts.time(message.getTimestamp()),
                recordedBy == null ? "" : recordedBy.toString());
    }

    static LocalDate businessDate(Object payload) {
        if (payload instanceof PlanEvent event) {
            return event.occurredOn();
        }
        if (payload instanceof EnterpriseEvent event) {
            return event.occurredOn();
        }
        if (payload instanceof ProcurementEvent event) {
            return event.occurredOn();
        }
        if (payload instanceof MeetingEvent event) {
            return event.occurredOn();
        }
        if (payload instanceof PartyEvent event) {
            return event.occurredOn();
        }
        return null;
    }
}
