package se.asfplan.web.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import se.asfplan.web.readmodels.ReadModelCatalogue.Processor;
import se.asfplan.web.readmodels.ReadModelCatalogue.Table;

/**
 * The catalogue check is not vacuous: fed a catalogue with one piece missing, it names exactly that piece.
 * {@link ReadModelCatalogueIT} runs it on the whole application.
 */
class ReadModelCatalogueTest {

    private static final Processor POOLED_WITH_DLQ = new Processor(true, true);
    private static final Table KEYED_BY_GENERATION = new Table(Set.of("generation", "event_id"), "generation",
            List.of());

    /** A read model with two tables, the second referring to the first, both keyed by generation first. */
    private static ReadModelCatalogue whole() {
        return new ReadModelCatalogue(Set.of("meetings"), Map.of("meetings", List.of("meeting_note", "meeting_view")),
                Map.of("meetings", POOLED_WITH_DLQ), Map.of(
                        "meeting_view", KEYED_BY_GENERATION,
                        "meeting_note", new Table(Set.of("generation", "meeting_id", "note"), "generation",
                                List.of("generation")),
                        "token_entry", new Table(Set.of("processor_name", "segment"), "processor_name", List.of())),
                Set.of("meetings"));
    }

    @Test
    void findsNothingWrongWithAWholeReadModel() {
        assertThat(whole().problems()).isEmpty();
    }

    @Test
    void reportsAProcessingGroupThatIsNotRebuildable() {
        ReadModelCatalogue catalogue = new ReadModelCatalogue(Set.of("meetings", "invoices"),
                whole().rebuildable(), Map.of("meetings", POOLED_WITH_DLQ, "invoices", POOLED_WITH_DLQ),
                whole().tables(), whole().generationRows());

        assertThat(catalogue.problems()).containsExactly("processing group invoices is not a RebuildableProjection "
                + "bean: it cannot be rebuilt, and ProjectionRebuilds does not know it");
    }

    @Test
    void reportsAProcessingGroupWithoutAPooledStreamingProcessor() {
        ReadModelCatalogue catalogue = new ReadModelCatalogue(whole().processingGroups(), whole().rebuildable(),
                Map.of("meetings", new Processor(false, true)), whole().tables(), whole().generationRows());

        assertThat(catalogue.problems()).containsExactly("processing group meetings is not run by a pooled "
                + "streaming processor (axon.eventhandling.processors.meetings.mode: pooled)");
    }

    @Test
    void reportsAProcessingGroupWithoutADeadLetterQueue() {
        ReadModelCatalogue catalogue = new ReadModelCatalogue(whole().processingGroups(), whole().rebuildable(),
                Map.of("meetings", new Processor(true, false)), whole().tables(), whole().generationRows());

        assertThat(catalogue.problems()).containsExactly("processing group meetings has no dead-letter queue "
                + "(axon.eventhandling.processors.meetings.dlq.enabled: true)");
    }

    @Test
    void reportsAProcessingGroupWithoutAProcessor() {
        ReadModelCatalogue catalogue = new ReadModelCatalogue(whole().processingGroups(), whole().rebuildable(),
                Map.of(), whole().tables(), whole().generationRows());

        assertThat(catalogue.problems()).containsExactly("processing group meetings has no event processor");
    }

    @Test
    void reportsATableWithoutItsGenerationColumn() {
        ReadModelCatalogue catalogue = withTable("meeting_note", new Table(Set.of("meeting_id", "note"), "meeting_id",
                List.of()));

        assertThat(catalogue.problems()).containsExactly("table meeting_note of meetings has no generation column");
    }

    @Test
    void reportsAPrimaryKeyThatDoesNotStartWithTheGeneration() {
        ReadModelCatalogue catalogue = withTable("meeting_note", new Table(Set.of("generation", "meeting_id"),
                "meeting_id", List.of("generation")));

        assertThat(catalogue.problems()).containsExactly("the primary key of table meeting_note of meetings does not "
                + "start with the generation column");
    }

    @Test
    void reportsAForeignKeyThatDoesNotStartWithTheGeneration() {
        ReadModelCatalogue catalogue = withTable("meeting_note", new Table(Set.of("generation", "meeting_id"),
                "generation", List.of("meeting_id")));

        assertThat(catalogue.problems()).containsExactly("a foreign key of table meeting_note of meetings does not "
                + "start with the generation column");
    }

    @Test
    void reportsAListedTableTheSchemaLacks() {
        ReadModelCatalogue catalogue = new ReadModelCatalogue(whole().processingGroups(),
                Map.of("meetings", List.of("meeting_note", "meeting_view", "meeting_minutes")), whole().processors(),
                whole().tables(), whole().generationRows());

        assertThat(catalogue.problems()).containsExactly("read model meetings lists table meeting_minutes, which the "
                + "schema lacks");
    }

    @Test
    void reportsAGenerationTableThatNoReadModelLists() {
        ReadModelCatalogue catalogue = new ReadModelCatalogue(whole().processingGroups(),
                Map.of("meetings", List.of("meeting_view")), whole().processors(), whole().tables(),
                whole().generationRows());

        assertThat(catalogue.problems()).containsExactly("table meeting_note has a generation column but no read "
                + "model lists it: a rebuild would neither clear nor delete its rows");
    }

    @Test
    void reportsATableListedByTwoReadModels() {
        ReadModelCatalogue catalogue = new ReadModelCatalogue(Set.of("meetings", "minutes"),
                Map.of("meetings", List.of("meeting_note", "meeting_view"), "minutes", List.of("meeting_note")),
                Map.of("meetings", POOLED_WITH_DLQ, "minutes", POOLED_WITH_DLQ), whole().tables(),
                Set.of("meetings", "minutes"));

        assertThat(catalogue.problems()).containsExactly("table meeting_note is listed by both meetings and minutes");
    }

    @Test
    void reportsAReadModelWhoseGroupHasNoProcessor() {
        ReadModelCatalogue catalogue = new ReadModelCatalogue(Set.of(),
                whole().rebuildable(), Map.of(), whole().tables(), whole().generationRows());

        assertThat(catalogue.problems()).containsExactly("read model meetings is registered with the generation "
                + "seam but no processor or @ProcessingGroup bean has that processing group");
    }

    @Test
    void reportsAReadModelWithoutItsGenerationRow() {
        ReadModelCatalogue catalogue = new ReadModelCatalogue(whole().processingGroups(), whole().rebuildable(),
                whole().processors(), whole().tables(), Set.of());

        assertThat(catalogue.problems()).containsExactly("read model meetings has no row in projection_generation: "
                + "a rebuild of it cannot start (its migration inserts the row with active generation 1)");
    }

    private static ReadModelCatalogue withTable(String name, Table table) {
        Map<String, Table> tables = new TreeMap<>(whole().tables());
        tables.put(name, table);
        return new ReadModelCatalogue(whole().processingGroups(), whole().rebuildable(), whole().processors(), tables,
                whole().generationRows());
    }
}
