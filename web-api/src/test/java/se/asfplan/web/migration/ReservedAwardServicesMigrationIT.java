package se.asfplan.web.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation upgraded from before the repeat-award bar was per service: V221 reads each earlier reserved
 * welfare award's services (its procurement's CPV codes) from the event log, changes no stored row, and leaves an
 * award whose procurement has no such event barring every service, as it did.
 */
class ReservedAwardServicesMigrationIT {

    private static final String SCHEMA =
            System.getenv().getOrDefault("TEST_DATABASE_SCHEMA", "asf_tracker_it") + "_v221";
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

    private void event(String procurementId, long sequence, String type, String payload) {
        jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload, meta_data)
                values (?, ?, ?, 'Procurement', '2023-04-03T10:00:00Z', ?, ?, ?)""",
                procurementId + "-" + sequence, procurementId, sequence,
                "se.asfplan.domain.procurement.ProcurementEvents$" + type,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private void award(String procurementId, String awardedOn) {
        jdbc.update("insert into reserved_welfare_award (procurement_id, authority, organisation_number, awarded_on) "
                + "values (?, 'Arbetsmarknadsnämnden', '556016-0680', cast(? as date))", procurementId, awardedOn);
    }

    @Test
    void readsEachEarlierAwardsServicesFromItsProcurementsFirstEvent() {
        flyway("220").migrate();
        event("planned-first", 0, "ProcurementPlannedEvent", """
                {"procurementId":"planned-first","authority":"Arbetsmarknadsnämnden","subject":"Korta jobbspår",
                 "cpvCodes":["80511000-9","85312000-9"],"procedure":"RESERVED_WELFARE_SERVICES",
                 "legalGround":{"id":"lou-19-6a"},"occurredOn":"2021-11-01","carriesOut":null}""");
        event("planned-first", 1, "ProcurementAnnouncedEvent", """
                {"procurementId":"planned-first","authority":"Arbetsmarknadsnämnden","subject":"Korta jobbspår",
                 "cpvCodes":["80511000-9","85312000-9"],"procedure":"RESERVED_WELFARE_SERVICES",
                 "legalGround":{"id":"lou-19-6a"},"occurredOn":"2021-12-01","carriesOut":null}""");
        event("announced", 0, "ProcurementAnnouncedEvent", """
                {"procurementId":"announced","authority":"Arbetsmarknadsnämnden","subject":"Handledning",
                 "cpvCodes":["80590000-6"],"procedure":"RESERVED_WELFARE_SERVICES",
                 "legalGround":{"id":"lou-19-25"},"occurredOn":"2023-02-01","carriesOut":null}""");
        award("planned-first", "2022-01-10");
        award("announced", "2023-04-03");
        award("without-events", "2023-05-01");
        String eventsBefore = jdbc.queryForObject(
                "select string_agg(md5(payload), ',' order by global_index) from domain_event_entry", String.class);

        flyway("latest").migrate();

        assertThat(jdbc.queryForList("select procurement_id || ' ' || cpv_code from reserved_welfare_award_service "
                + "order by procurement_id, cpv_code", String.class))
                .containsExactly("announced 80590000-6", "planned-first 80511000-9", "planned-first 85312000-9");
        assertThat(jdbc.queryForObject("select count(*) from reserved_welfare_award", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject(
                "select string_agg(md5(payload), ',' order by global_index) from domain_event_entry", String.class))
                .isEqualTo(eventsBefore);
    }
}
