package se.asfplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.asfplan.infra.planfile.StartupPlanImport;

/**
 * The README's run command uses the embedded default: an H2 file database, migrated by Flyway, with the Stockholm
 * plan imported on first start and never twice. This starts the application exactly so, in a fresh directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultIT {

    private static final Path DATA = createDataDirectory();

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("asf-plan-tracker")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;USER=sa;PASSWORD=");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StartupPlanImport startupImport;

    @Test
    void startsOnH2WithTheStockholmPlanLoadedOnce() throws IOException {
        assertThat(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()))
                .isEqualTo("H2");
        assertThat(http.getForEntity("/actuator/health", Map.class).getBody()).containsEntry("status", "UP");

        Map<String, Object> plan = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> read("/api/plans/stockholm-asf-2021"),
                        body -> body != null && ((Number) body.get("version")).intValue() == 43);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> areas = (List<Map<String, Object>>) plan.get("areas");
        assertThat(areas).hasSize(3);
        assertThat(areas).extracting(area -> ((List<?>) area.get("activities")).size()).containsExactly(13, 12, 15);
        assertThat(jdbc.queryForList("select distinct convert(meta_data, varchar) from domain_event_entry",
                String.class)).singleElement().asString().contains("\"recordedBy\":\"system:startup-import\"");

        startupImport.run(new DefaultApplicationArguments());
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(44);
        assertThat(Files.list(DATA).toList()).isNotEmpty();
    }

    private Map<String, Object> read(String path) {
        var response = http.withBasicAuth("committee", "committee").exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { });
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
    }

    private static Path createDataDirectory() {
        try {
            return Files.createTempDirectory("asf-plan-tracker-h2-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
