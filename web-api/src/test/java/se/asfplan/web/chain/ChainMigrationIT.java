package se.asfplan.web.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

import se.asfplan.infra.chain.EventChainVerifier;
import se.asfplan.infra.chain.SigningKeys;

/**
 * A database upgraded to the chain: the events it already held (written before V300, with a rolled-back gap among
 * them) are chained by V301 in the order of their positions, and the log verifies.
 */
class ChainMigrationIT {

    private static final String SCHEMA =
            System.getenv().getOrDefault("TEST_DATABASE_SCHEMA", "asf_tracker_it") + "_v301";

    @Test
    void theEventsOfAnUpgradedDatabaseAreChainedInOrderByTheMigration() throws Exception {
        try (Connection connection = DriverManager.getConnection(ChainedLog.BASE, ChainedLog.USER,
                ChainedLog.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        }
        String url = ChainedLog.BASE + "?currentSchema=" + SCHEMA;
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, ChainedLog.USER, ChainedLog.PASSWORD));
        migrate(url, "260"); // the last version before the chain (V300)
        for (int n = 1; n <= 12; n++) {
            if (n == 5) {
                jdbc.queryForObject("select nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))",
                        Long.class); // a rolled-back append's number: a gap
            }
            jdbc.update("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                    time_stamp, payload_type, payload, meta_data)
                    values (?, 'plan-old', ?, 'Plan', '2023-04-03T10:00:00Z', 'se.x.OldEvent', ?, ?)""",
                    "old-" + n, n - 1, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8),
                    "{\"recordedBy\":\"coordinator\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = ? "
                + "and table_name = 'event_chain'", Long.class, SCHEMA)).isZero();

        migrate(url, "latest");

        assertThat(jdbc.queryForList("select event_identifier from event_chain order by global_index", String.class))
                .containsExactly("old-1", "old-2", "old-3", "old-4", "old-5", "old-6", "old-7", "old-8", "old-9",
                        "old-10", "old-11", "old-12");
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("test");
        EventChainVerifier.Report report = new EventChainVerifier(jdbc, new SigningKeys(null, null, environment,
                jdbc)).verify(null, EventChainVerifier.Progress.NONE);
        assertThat(report.breaks()).isEmpty();
        assertThat(report.events()).isEqualTo(12);
        assertThat(report.head()).isEqualTo(13);
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, ChainedLog.USER, ChainedLog.PASSWORD).schemas(SCHEMA)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .target(target).load().migrate();
    }
}
