package se.asfplan.projections.support;

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

    /** The generations of one group: the active one, and the one being rebuilt (empty when none is). */
    public record Generations(int active, Optional<Integer> rebuilding) {
    }

    public Generations of(String processingGroup) {
        List<Generations> rows = jdbc.query("""
                select active_generation, rebuilding_generation from projection_generation
                where processing_group = ?""", (rs, row) -> {
            int rebuilding = rs.getInt("rebuilding_generation");
            return new Generations(rs.getInt("active_generation"),
                    rs.wasNull() ? Optional.empty() : Optional.of(rebuilding));
        }, processingGroup);
        return rows.isEmpty() ? new Generations(1, Optional.empty()) : rows.get(0);
    }

    /**
     * The generation a query reads: the requested one, which must be the active or the rebuilding generation (so a
     * counting rule can be compared side by side before the switch), or the active one when none is requested.
     */
    public int toRead(String processingGroup, Integer requested) {
        Generations generations = of(processingGroup);
        if (requested == null || requested == generations.active()) {
            return generations.active();
        }
        if (generations.rebuilding().filter(requested::equals).isPresent()) {
            return requested;
        }
        throw new IllegalArgumentException("generation must be the active generation " + generations.active()
                + generations.rebuilding().map(n -> " or the rebuilding generation " + n).orElse("")
                + " of " + processingGroup + ", but was " + requested);
    }
}
