package se.asfplan.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** Only segments whose status is not failed count as processed; the failed ones are listed apart. */
class ProcessingSegmentsTest {

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);

    private static EventTrackerStatus status(boolean failed) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.isErrorState()).thenReturn(failed);
        return status;
    }

    @Test
    void splitsProcessedFromFailedSegments() {
        Map<Integer, EventTrackerStatus> status = Map.of(3, status(false), 0, status(false), 2, status(true));
        when(processor.processingStatus()).thenReturn(status);

        assertThat(ProcessingSegments.active(processor).keySet()).containsExactly(0, 3);
        assertThat(ProcessingSegments.failed(processor)).containsExactly(2);
    }

    @Test
    void aProcessorWithoutSegmentsProcessesNone() {
        when(processor.processingStatus()).thenReturn(Map.of());

        assertThat(ProcessingSegments.active(processor)).isEmpty();
        assertThat(ProcessingSegments.failed(processor)).isEmpty();
    }
}
