package se.asfplan.projections.generation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which generation of a processing group's tables answers queries (the active one) and which, if any, a rebuild is
 * filling, read from {@code projection_generation}. A group without a row there has only generation 1.
 */
@Component
public class ProjectionGenerations {

    private final JdbcTemplate jdbc;

    public ProjectionGenerations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The name of the processor that fills generation N of a group while it is rebuilt, {@code group@N}: the one
     * place this name is made. The live processor of a group is named after the group alone.
     */
    public static String rebuildProcessor(String processingGroup, int generation) {
        return processingGroup + "@" + generation;
    }

    /** The generations of one group: the active one, and the one being rebuilt (empty when none is). */
    public record Generations(String processingGroup, int active, Optional<Integer> rebuilding) {

        /**
         * The generation a question reads: the requested one, which must be the active or the rebuilding generation
         * (so a counting rule can be compared side by side before the switch), or the active one when none is
         * requested.
         *
         * @throws IllegalArgumentException when the requested generation is neither
         */
        public int toRead(Integer requested) {
            if (requested == null || requested == active) {
                return active;
            }
            if (rebuilding.filter(requested::equals).isPresent()) {
                return requested;
            }
            throw new IllegalArgumentException("generation must be the active generation " + active
                    + rebuilding.map(n -> " or the rebuilding generation " + n).orElse("")
                    + " of " + processingGroup + ", but was " + requested);
        }

        /**
         * The processor that writes the given generation: the live processor for the active one, the rebuild's
         * processor for any other. Its position is the position a report of that generation reflects.
         */
        public String processorWriting(int generation) {
            return generation == active ? processingGroup : rebuildProcessor(processingGroup, generation);
        }
    }

    public Generations of(String processingGroup) {
        List<Generations> rows = jdbc.query("""
                select active_generation, rebuilding_generation from projection_generation
                where processing_group = ?""", (rs, row) -> {
            int rebuilding = rs.getInt("rebuilding_generation");
            return new Generations(processingGroup, rs.getInt("active_generation"),
                    rs.wasNull() ? Optional.empty() : Optional.of(rebuilding));
        }, processingGroup);
        return rows.isEmpty() ? new Generations(processingGroup, 1, Optional.empty()) : rows.get(0);
    }

    /**
     * The generation a query handler reads: the one its question names, resolved and checked by the asker (see
     * {@link Generations#toRead}), or the active one when it names none. Checking it again here would resolve the generation a
     * second time, and a switch in between could make the asker's position and the handler's rows disagree.
     */
    public int named(String processingGroup, Integer resolved) {
        return resolved != null ? resolved : of(processingGroup).active();
    }
}
