package se.asfplan.domain.shared;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The identifiers the test fixture gave its "given" events: a retraction names the event it retracts by its
 * identifier, which the fixture only makes up when the events are given.
 */
public final class GivenEventIds {

    private GivenEventIds() {
    }

    /** The identifier of the given event with the sequence number (0 for the first). */
    public static String idOf(AggregateTestFixture<?> fixture, String aggregateId, long sequence) {
        return fixture.getEventStore().readEvents(aggregateId).asStream()
                .filter(event -> event.getSequenceNumber() == sequence)
                .map(DomainEventMessage::getIdentifier)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no given event has sequence number " + sequence));
    }
}
