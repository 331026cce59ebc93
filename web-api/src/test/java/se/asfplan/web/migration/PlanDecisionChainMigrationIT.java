package se.asfplan.web.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation upgraded from before plans had a chain of decisions: V230 opens each plan's chain with its
 * adoption as the plan read had it, in every generation, and leaves the plan's other rows as they were (no area
 * number, no sections, no activity under way at the adoption), as a rebuild from the stored events would.
 */
class PlanDecisionChainMigrationIT {

    private static final String SCHEMA =
            System.getenv().getOrDefault("TEST_DATABASE_SCHEMA", "asf_tracker_it") + "_v230";
    private static final String BASE =
            System.getenv().getOrDefault("TEST_DATABASE_BASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", "");

    private JdbcTemplate jdbc;

    @BeforeEach
    void emptySchema() throws Exception {
        try (Connection connection = DriverManager.getConnection(BASE, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        }
        jdbc = new JdbcTemplate(new DriverManagerDataSource(BASE + "?currentSchema=" + SCHEMA, USER, PASSWORD));
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(BASE + "?currentSchema=" + SCHEMA, USER, PASSWORD)
                .schemas(SCHEMA)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .target(target)
                .load();
    }

    @Test
    void opensEachRecordedPlansChainWithItsAdoption() {
        flyway("220").migrate();
        for (int generation : new int[] {1, 2}) {
            jdbc.update("""
                    insert into plan_view (generation, plan_id, title, municipality, adopted_by, adoption_reference,
                                           adoption_paragraph, adopted_on, period_from, period_to, last_sequence)
                    values (?, 'stockholm-asf-2021', 'Handlingsplan', 'Stockholms stad', 'Kommunfullmäktige',
                            'KS 2021/1011', '§ 14', date '2021-08-31', 2021, 2024, 3)""", generation);
        }
        jdbc.update("insert into plan_area_view (generation, plan_id, area_id, ordinal, name) "
                + "values (1, 'stockholm-asf-2021', 'natverkande', 1, 'Nätverkande')");

        flyway("latest").migrate();

        assertThat(jdbc.queryForList("select * from plan_decision_view order by generation")).hasSize(2)
                .allSatisfy(row -> assertThat(row).containsAllEntriesOf(Map.of("plan_id", "stockholm-asf-2021",
                        "decision_id", "adoption", "event_sequence", 0L, "kind", "ADOPTION",
                        "decided_by", "Kommunfullmäktige", "decision_reference", "KS 2021/1011",
                        "decision_paragraph", "§ 14", "decided_on", java.sql.Date.valueOf("2021-08-31")))
                        .containsEntry("summary", null));
        assertThat(jdbc.queryForObject("select area_number from plan_area_view", Integer.class)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from plan_section_view", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from plan_decision_correction_view", Integer.class)).isZero();
    }
}
