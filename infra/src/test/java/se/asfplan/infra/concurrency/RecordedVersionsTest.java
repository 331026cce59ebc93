package se.asfplan.infra.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** The versions a sending reached are those of the domain events dispatched on its thread while it ran. */
class RecordedVersionsTest {

    private final RecordedVersions interceptor = new RecordedVersions();

    private void dispatch(EventMessage<?>... events) {
        List<EventMessage<?>> messages = List.of(events);
        for (int i = 0; i < messages.size(); i++) {
            interceptor.handle(messages).apply(i, messages.get(i));
        }
    }

    @Test
    void answersTheLastSequenceNumberPerAggregate() {
        Map<String, Long> versions = RecordedVersions.capture(() -> dispatch(
                new GenericDomainEventMessage<>("Plan", "plan-a", 4, "adopted"),
                new GenericDomainEventMessage<>("Plan", "plan-a", 5, "area"),
                GenericEventMessage.asEventMessage("not a domain event")));

        assertThat(versions).isEqualTo(Map.of("plan-a", 5L));
    }

    @Test
    void answersTheIdsOfTheDomainEventsInTheOrderTheyWerePublished() {
        GenericDomainEventMessage<String> adopted = new GenericDomainEventMessage<>("Plan", "plan-a", 0, "adopted");
        GenericDomainEventMessage<String> area = new GenericDomainEventMessage<>("Plan", "plan-a", 1, "area");

        RecordedVersions.Recording recording = RecordedVersions.record(() -> dispatch(adopted, area,
                GenericEventMessage.asEventMessage("not a domain event")));

        assertThat(recording.eventIds()).containsExactly(adopted.getIdentifier(), area.getIdentifier());
        assertThat(recording.versions()).isEqualTo(Map.of("plan-a", 1L));
    }

    @Test
    void seesNothingOutsideACapture() {
        dispatch(new GenericDomainEventMessage<>("Plan", "plan-a", 1, "outside"));

        assertThat(RecordedVersions.capture(() -> { })).isEmpty();
    }

    @Test
    void answersNothingWhenTheSendingFails() {
        assertThatThrownBy(() -> RecordedVersions.capture(() -> {
            dispatch(new GenericDomainEventMessage<>("Plan", "plan-a", 1, "adopted"));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(RecordedVersions.capture(() -> { })).isEmpty();
    }
}
