package se.asfplan.projections.generation;

import java.util.List;

import org.axonframework.config.ProcessingGroup;

/**
 * A read model whose tables hold one set of rows per generation, so that it can be rebuilt from the event store
 * into a new generation while the active one answers (see {@code ProjectionRebuilds}). Every projection implements
 * it; its Spring bean is the set of handlers of the live processor, and Spring hands every such bean to the
 * rebuilds, so a read model takes part in rebuilds by being a bean, without being named anywhere else.
 *
 * <p>Its contract: every table it lists carries a {@code generation} column, first in the table's primary key and
 * in every key that refers to another of its tables; every read, update and guard of its handlers names the
 * generation they write ({@link WrittenGeneration}); and its reset handler clears that generation only.
 */
public interface RebuildableProjection {

    /**
     * The processing group whose live processor runs the handlers of this bean, and which names its generations:
     * the one its {@link ProcessingGroup} annotation names, so that the two cannot differ.
     */
    default String processingGroup() {
        ProcessingGroup group = getClass().getAnnotation(ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(getClass().getName() + " must name its processing group with "
                    + "@ProcessingGroup to be rebuilt");
        }
        return group.value();
    }

    /** Every table the read model owns, as its {@link ReadModelTables} annotation lists them, in deletion order. */
    default List<String> tables() {
        ReadModelTables tables = getClass().getAnnotation(ReadModelTables.class);
        if (tables == null) {
            throw new IllegalStateException(getClass().getName() + " must list the tables it owns with "
                    + "@ReadModelTables to be rebuilt");
        }
        return List.of(tables.value());
    }

    /** New handlers of this read model that write the given generation only: the handlers of a rebuild's processor. */
    Object writing(int generation);
}
