package se.asfplan.infra.axon;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node gives back the segments beyond its share of the live nodes, one per round, keeps them when alone, and
 * claims free segments when it holds fewer than its share; segments whose status says failed do not count as held.
 */
class SegmentBalancerTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final TokenStore tokens = mock(TokenStore.class);
    private final PooledStreamingEventProcessor processor = mock(PooledStreamingEventProcessor.class);
    private final SegmentBalancer balancer = new SegmentBalancer(jdbc, processing, tokens,
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), Duration.ofSeconds(5));

    private void liveNodes(int nodes, int segments, Integer... claimed) {
        when(jdbc.update(anyString(), any(Object[].class))).thenReturn(1);
        when(jdbc.queryForObject(anyString(), eq(Integer.class), any(Object[].class))).thenReturn(nodes);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("plan-view", processor));
        int[] all = new int[segments];
        for (int i = 0; i < segments; i++) {
            all[i] = i;
        }
        when(tokens.fetchSegments("plan-view")).thenReturn(all);
        Map<Integer, EventTrackerStatus> status = new HashMap<>();
        for (Integer segment : claimed) {
            status.put(segment, mock(EventTrackerStatus.class));
        }
        when(processor.processingStatus()).thenReturn(status);
    }

    @Test
    void releasesTheHighestSegmentBeyondItsShareForTwoIntervals() {
        liveNodes(2, 2, 0, 1);

        balancer.balance();

        verify(processor).releaseSegment(1, 10_000, TimeUnit.MILLISECONDS);
        verify(processor, never()).claimSegment(anyInt());
    }

    @Test
    void claimsFreeSegmentsUpToItsShare() {
        liveNodes(1, 4, 1);
        when(tokens.fetchAvailableSegments("plan-view")).thenReturn(List.of(segment(1, 4), segment(3, 4),
                segment(0, 4), segment(2, 4)));
        when(processor.claimSegment(anyInt())).thenReturn(CompletableFuture.completedFuture(true));

        balancer.balance();

        verify(processor).claimSegment(0);
        verify(processor).claimSegment(2);
        verify(processor).claimSegment(3);
        verify(processor, never()).claimSegment(1);
        verify(processor, never()).releaseSegment(any(Integer.class), anyLong(), any());
    }

    @Test
    void claimsOnlyWhatItLacksOfItsShare() {
        liveNodes(2, 4, 0);
        when(tokens.fetchAvailableSegments("plan-view")).thenReturn(List.of(segment(1, 4), segment(2, 4),
                segment(3, 4)));
        when(processor.claimSegment(anyInt())).thenReturn(CompletableFuture.completedFuture(false));

        balancer.balance();

        verify(processor).claimSegment(1);
        verify(processor, never()).claimSegment(2);
        verify(processor, never()).claimSegment(3);
    }

    @Test
    void aSegmentWhoseStatusSaysFailedIsNotHeld() {
        liveNodes(2, 2, 0);
        EventTrackerStatus failed = mock(EventTrackerStatus.class);
        when(failed.isErrorState()).thenReturn(true);
        Map<Integer, EventTrackerStatus> status = new HashMap<>(processor.processingStatus());
        status.put(1, failed);
        when(processor.processingStatus()).thenReturn(status);

        balancer.balance();

        // two entries, but one is a failed one: the node holds its share of one and gives nothing back
        verify(processor, never()).releaseSegment(any(Integer.class), anyLong(), any());
    }

    private static Segment segment(int id, int count) {
        int[] all = new int[count];
        for (int i = 0; i < count; i++) {
            all[i] = i;
        }
        return Segment.computeSegment(id, all);
    }

    @Test
    void keepsEverySegmentWhenAlone() {
        liveNodes(1, 2, 0, 1);

        balancer.balance();

        verify(processor, never()).releaseSegment(any(Integer.class), anyLong(), any());
        verify(processor, never()).claimSegment(anyInt());
    }

    @Test
    void keepsItsRoundedUpShare() {
        liveNodes(2, 3, 0, 1);

        balancer.balance();

        verify(processor, never()).releaseSegment(any(Integer.class), anyLong(), any());
        verify(processor, never()).claimSegment(anyInt());
    }
}
