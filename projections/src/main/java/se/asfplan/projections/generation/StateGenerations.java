package se.asfplan.projections.generation;

import java.time.Duration;
import java.util.OptionalLong;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The generation the live processor of a state projection writes an event into, and the hand-over that keeps a
 * switched-to generation whole.
 *
 * <p>A state projection (plan-view, enterprise-register, meetings, procurements) keeps one row per aggregate and
 * applies an event only when it is the next of its aggregate ({@code AggregateSequence}). That guard makes a
 * redelivered event harmless, but only as long as each aggregate's events arrive in order; an event that arrives
 * after a newer one of the same aggregate is dropped. After a switch two processors write the new generation: the
 * live one, and the rebuild's processor, which runs on a little behind until it has passed the head (see {@code
 * ProjectionRebuilds}). Were the live processor to apply an event while the rebuild's processor had not yet applied
 * an older event of the same aggregate, that older event would be dropped. So the live processor applies an event
 * to a generation whose rebuild's processor still has tokens only once that processor has folded everything up to
 * the event: every older event of the aggregate is then in the generation, and the live processor's write is
 * either a no-op (the rebuild applied the event too) or the next one in order. Once the rebuild's processor has
 * stopped and its tokens are removed, the live processor writes alone.
 *
 * <p>Statistics facts are keyed by event, not folded into a state, so {@code StatisticsProjection} needs none of
 * this and reads {@link ProjectionGenerations} directly.
 */
@Component
public class StateGenerations {

    /** How long a live handler waits for the rebuild's processor before it fails and is retried. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;

    private final JdbcTemplate jdbc;
    private final ProcessedPosition positions;

    public StateGenerations(JdbcTemplate jdbc, ProcessedPosition positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /**
     * The generation the live processor of the group writes the event at the given token into: the active one, once
     * a rebuild's processor still filling it (after a switch) has folded the event's position.
     *
     * @throws IllegalStateException when the rebuild's processor has not got that far within a minute: the handler
     *                               fails, its batch is rolled back and retried, never skipped
     */
    public int liveGeneration(String group, TrackingToken token) {
        long index = token.position().orElseThrow(() -> new IllegalStateException(
                "an event of " + group + " arrived without a position in the event store"));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            ActiveGeneration generation = active(group);
            int active = generation.number();
            String rebuild = ProjectionGenerations.rebuildProcessor(group, active);
            if (!generation.rebuildHasTokens()) {
                return active;
            }
            OptionalLong folded = positions.of(rebuild);
            if (folded.isPresent() && folded.getAsLong() >= index) {
                return active;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("generation " + active + " of " + group + " is still being filled "
                        + "by " + rebuild + ", which has not reached position " + index + " yet; trying again");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + rebuild, e);
            }
        }
    }

    /** The active generation, and whether the processor that rebuilt it still has tokens. */
    private record ActiveGeneration(int number, boolean rebuildHasTokens) {
    }

    /**
     * The active generation and whether its rebuild's processor ({@link ProjectionGenerations#rebuildProcessor})
     * still has tokens, read in one statement: this runs for every event a state projection applies, and two
     * round trips per event were a tenth of a rebuild's statements (docs/performance.md).
     */
    private ActiveGeneration active(String group) {
        return jdbc.queryForObject("""
                select g.active, exists (select 1 from token_entry where processor_name = ? || '@' || g.active)
                from (select coalesce((select active_generation from projection_generation
                                       where processing_group = ?), 1) as active) g""",
                (row, n) -> new ActiveGeneration(row.getInt(1), row.getBoolean(2)), group, group);
    }
}
