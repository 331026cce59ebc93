package se.asfplan.web.readmodels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import se.asfplan.projections.generation.RebuildableProjection;

/**
 * Every read model of the running application, as the application itself describes it, and the rules each must
 * meet to be rebuilt safely (see docs/read-models.md). It is a completeness check: a new processing group, table or
 * processor that misses one of the pieces shows up as a problem, so adding a read model cannot half succeed.
 *
 * @param processingGroups the processing groups of every {@code @ProcessingGroup} bean and every processor Axon runs
 * @param rebuildable      the tables of every read model registered with the generation seam, by processing group
 * @param processors       how Axon runs each processing group's processor, by processing group
 * @param tables           every table of the database schema with its columns and the first column of its keys
 * @param generationRows   the processing groups that have their row in {@code projection_generation}
 */
record ReadModelCatalogue(Set<String> processingGroups, Map<String, List<String>> rebuildable,
                          Map<String, Processor> processors, Map<String, Table> tables, Set<String> generationRows) {

    /** How Axon runs a processing group: as a pooled streaming processor, and with a dead-letter queue. */
    record Processor(boolean pooledStreaming, boolean deadLetterQueue) {
    }

    /**
     * A table of the database: its columns, the first column of its primary key (null without one), and the first
     * column of each of its foreign keys.
     */
    record Table(Set<String> columns, String primaryKeyStart, List<String> foreignKeyStarts) {
    }

    /** The catalogue of the application running in this context, its schema read from PostgreSQL. */
    static ReadModelCatalogue of(ApplicationContext context, JdbcTemplate jdbc) {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        Set<String> groups = new TreeSet<>(processing.eventProcessors().keySet());
        context.getBeansWithAnnotation(ProcessingGroup.class).values().forEach(bean -> groups.add(
                AnnotatedElementUtils.findMergedAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class)
                        .value()));
        Map<String, List<String>> rebuildable = new TreeMap<>();
        context.getBeansOfType(RebuildableProjection.class).values()
                .forEach(projection -> rebuildable.put(projection.processingGroup(), projection.tables()));
        Map<String, Processor> processors = new TreeMap<>();
        for (String group : groups) {
            processing.eventProcessor(group).ifPresent(processor -> processors.put(group,
                    new Processor(processor instanceof PooledStreamingEventProcessor,
                            processing.deadLetterQueue(group).isPresent())));
        }
        return new ReadModelCatalogue(groups, rebuildable, processors, tables(jdbc), new TreeSet<>(
                jdbc.queryForList("select processing_group from projection_generation", String.class)));
    }

    private static Map<String, Table> tables(JdbcTemplate jdbc) {
        Map<String, Set<String>> columns = new TreeMap<>();
        jdbc.query("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema()""", rs -> {
            columns.computeIfAbsent(rs.getString("table_name"), table -> new TreeSet<>())
                    .add(rs.getString("column_name"));
        });
        Map<String, String> primaryKeyStarts = new TreeMap<>();
        Map<String, List<String>> foreignKeyStarts = new TreeMap<>();
        jdbc.query("""
                select c.table_name, c.constraint_type, k.column_name
                from information_schema.table_constraints c
                join information_schema.key_column_usage k on k.constraint_schema = c.constraint_schema
                     and k.constraint_name = c.constraint_name and k.table_name = c.table_name
                where c.table_schema = current_schema() and k.ordinal_position = 1
                  and c.constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')""", rs -> {
            String table = rs.getString("table_name");
            if ("PRIMARY KEY".equals(rs.getString("constraint_type"))) {
                primaryKeyStarts.put(table, rs.getString("column_name"));
            } else {
                foreignKeyStarts.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString("column_name"));
            }
        });
        Map<String, Table> tables = new TreeMap<>();
        columns.forEach((table, names) -> tables.put(table, new Table(names, primaryKeyStarts.get(table),
                foreignKeyStarts.getOrDefault(table, List.of()))));
        return tables;
    }

    /**
     * Every rule a read model breaks, each as a sentence that says what is missing and where, in name order; empty
     * when none.
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String group : new TreeSet<>(processingGroups)) {
            if (!rebuildable.containsKey(group)) {
                problems.add("processing group " + group + " is not a RebuildableProjection bean: it cannot be "
                        + "rebuilt, and ProjectionRebuilds does not know it");
            }
            Processor processor = processors.get(group);
            if (processor == null) {
                problems.add("processing group " + group + " has no event processor");
                continue;
            }
            if (!processor.pooledStreaming()) {
                problems.add("processing group " + group + " is not run by a pooled streaming processor "
                        + "(axon.eventhandling.processors." + group + ".mode: pooled)");
            }
            if (!processor.deadLetterQueue()) {
                problems.add("processing group " + group + " has no dead-letter queue "
                        + "(axon.eventhandling.processors." + group + ".dlq.enabled: true)");
            }
        }
        Map<String, String> owners = new LinkedHashMap<>();
        new TreeMap<>(rebuildable).forEach((group, owned) -> {
            if (!processingGroups.contains(group)) {
                problems.add("read model " + group + " is registered with the generation seam but no processor "
                        + "or @ProcessingGroup bean has that processing group");
            }
            if (!generationRows.contains(group)) {
                problems.add("read model " + group + " has no row in projection_generation: a rebuild of it "
                        + "cannot start (its migration inserts the row with active generation 1)");
            }
            if (owned.isEmpty()) {
                problems.add("read model " + group + " lists no tables");
            }
            for (String name : owned) {
                String other = owners.putIfAbsent(name, group);
                if (other != null) {
                    problems.add("table " + name + " is listed by both " + other + " and " + group);
                }
                Table table = tables.get(name);
                if (table == null) {
                    problems.add("read model " + group + " lists table " + name + ", which the schema lacks");
                    continue;
                }
                if (!table.columns().contains("generation")) {
                    problems.add("table " + name + " of " + group + " has no generation column");
                    continue;
                }
                if (!"generation".equals(table.primaryKeyStart())) {
                    problems.add("the primary key of table " + name + " of " + group
                            + " does not start with the generation column");
                }
                if (table.foreignKeyStarts().stream().anyMatch(column -> !"generation".equals(column))) {
                    problems.add("a foreign key of table " + name + " of " + group
                            + " does not start with the generation column");
                }
            }
        });
        new TreeMap<>(tables).forEach((name, table) -> {
            if (table.columns().contains("generation") && !owners.containsKey(name)) {
                problems.add("table " + name + " has a generation column but no read model lists it: a rebuild "
                        + "would neither clear nor delete its rows");
            }
        });
        return problems;
    }
}
