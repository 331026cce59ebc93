package se.asfplan.projections.generation;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The generation of a read model's tables that one set of its event handlers writes. The Spring bean belongs to the
 * live processors: they write the generation active when they handle an event, so after a switch they go on
 * writing the new one without a restart. {@link #rebuilding} gives the handlers of a rebuild's processor, which
 * write the generation they fill and no other.
 */
@Component
public class WrittenGeneration {

    /** The unit-of-work resource holding the active generation a batch of a group's live processor writes. */
    private static final String ACTIVE = WrittenGeneration.class.getName() + ".active:";

    private final ProjectionGenerations generations;
    private final StateGenerations stateGenerations;
    private final GenerationTables tables;
    /** The generation a rebuild's processor writes; null for the live processors, which write the active one. */
    private final Integer rebuilding;

    @Autowired
    public WrittenGeneration(ProjectionGenerations generations, StateGenerations stateGenerations,
                             GenerationTables tables) {
        this(generations, stateGenerations, tables, null);
    }

    private WrittenGeneration(ProjectionGenerations generations, StateGenerations stateGenerations,
                              GenerationTables tables, Integer rebuilding) {
        this.generations = generations;
        this.stateGenerations = stateGenerations;
        this.tables = tables;
        this.rebuilding = rebuilding;
    }

    /** What the handlers of a rebuild's processor write: the given generation only. */
    public WrittenGeneration rebuilding(int generation) {
        return new WrittenGeneration(generations, stateGenerations, tables, generation);
    }

    /**
     * The generation written now: the rebuilding one, or for the live processor the active one. A fact projection
     * (a row per event, inserted only when absent) writes every event into it.
     */
    public int current(String processingGroup) {
        if (rebuilding != null) {
            return rebuilding;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            return generations.of(processingGroup).active();
        }
        // once per batch: a batch's events were read from the store before its first handler asks, so an event of a
        // batch that began before a switch was stored before it, and the rebuild's processor, which runs on past the
        // head read after the switch, folds it into the new generation too (ProjectionRebuilds); asking per event
        // only repeated the same answer
        return CurrentUnitOfWork.get().root().getOrComputeResource(ACTIVE + processingGroup,
                key -> generations.of(processingGroup).active());
    }

    /**
     * The generation a state projection (a row per aggregate, guarded by its last applied sequence number) writes
     * the event at the given token into: the rebuilding one, or for the live processor the active one once a
     * rebuild's processor still filling it has folded the event ({@link StateGenerations}).
     */
    public int forStateEvent(String processingGroup, TrackingToken token) {
        return rebuilding != null ? rebuilding : stateGenerations.liveGeneration(processingGroup, token);
    }

    /**
     * Clears the generation these handlers write, and only that one: the other generations belong to other
     * processors. What the projection's reset handler does.
     */
    public void clear(RebuildableProjection projection) {
        tables.deleteGeneration(projection, current(projection.processingGroup()));
    }
}
