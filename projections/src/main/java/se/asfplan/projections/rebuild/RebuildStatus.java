package se.asfplan.projections.rebuild;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a processing group's generations stand. {@code position} is the event position up to which the rebuilding
 * generation has folded every event (null before it has folded any, or when none is rebuilding), {@code head} the
 * newest position in the event store; {@code eventsPerSecond} and {@code timeLeft} are estimated from the progress
 * since {@code startedAt}. {@code caughtUp} means the rebuilding generation has passed the head as it was when the
 * rebuild started and has reached the present head, or is within
 * one batch (100 events) of the live processor (while events keep arriving both trail the head by a batch or so).
 */
public record RebuildStatus(String processingGroup, int activeGeneration, Integer rebuildingGeneration,
                            Instant startedAt, boolean switchWhenCaughtUp, Long position, long head, Double percent,
                            Double eventsPerSecond, Duration timeLeft, boolean caughtUp) {
}
