package se.asfplan.projections.generation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Removes a read model's rows generation by generation, from every table it {@linkplain RebuildableProjection#tables owns}. */
@Component
public class GenerationTables {

    private final JdbcTemplate jdbc;

    public GenerationTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes every row of a generation: one a rebuild is about to fill from the start, or a reset clears. */
    public void deleteGeneration(RebuildableProjection projection, int generation) {
        for (String table : projection.tables()) {
            jdbc.update("delete from " + table + " where generation = ?", generation);
        }
    }

    /**
     * Removes the rows of every generation older than the given one: after a switch the given one is active, and a
     * rebuild under way fills a newer one.
     */
    public void deleteGenerationsBefore(RebuildableProjection projection, int generation) {
        for (String table : projection.tables()) {
            jdbc.update("delete from " + table + " where generation < ?", generation);
        }
    }
}
