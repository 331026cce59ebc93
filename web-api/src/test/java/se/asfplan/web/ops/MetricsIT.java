package se.asfplan.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Metrics are scraped as Prometheus reads them: after a command over HTTP, {@code /actuator/prometheus} shows Axon's
 * command bus, event store and processor meters tagged by type and group, the HTTP, JVM and pool meters and the
 * projections' lag; a scraper reads them with its token, coordinators and auditors with their accounts; anonymous
 * callers and committees do not. Every answer names its request id.
 */
@AutoConfigureObservability
@TestPropertySource(properties = {"tracker.metrics.scrape-token=" + MetricsIT.TOKEN,
        // a context of its own, so in a schema of its own: a second application on the shared schema would be a
        // second node sharing the event processors' segments with the other tests' application
        "spring.datasource.url=${TEST_DATABASE_BASE_URL:jdbc:postgresql://127.0.0.1:5432/test}"
                + "?currentSchema=${TEST_DATABASE_SCHEMA:asf_tracker_it}_metrics",
        "spring.flyway.schemas=${TEST_DATABASE_SCHEMA:asf_tracker_it}_metrics"})
class MetricsIT extends PostgresApiTest {

    static final String TOKEN = "a-scrape-token-of-at-least-32-characters";

    @Test
    void aScrapeShowsTheBusesProcessorsHttpJvmPoolAndProjections() {
        String plan = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<?> adopted = post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Mätplanen", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2024-01-10",
                 "period": {"fromYear": 2024, "toYear": 2026}}""".formatted(plan));
        assertThat(adopted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(adopted.getHeaders().getFirst("X-Request-Id")).isNotBlank();

        String scrape = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> scrape("metrics", TOKEN).getBody(),
                        body -> body != null && body.contains("PlanAdoptedEvent") && body.contains("AdoptPlanCommand")
                                && body.contains("processorName=\"plan-view\""));
        System.out.println("Scraped " + scrape.lines().filter(line -> !line.startsWith("#")).count()
                + " samples; meter families: " + scrape.lines().filter(line -> line.startsWith("# TYPE"))
                .map(line -> line.split(" ")[2]).sorted().distinct().toList());
        assertThat(scrape)
                .contains("application=\"asf-plan-tracker\"")
                .contains("http_server_requests_seconds_count")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections_active")
                .contains("tracker_projection_lag_events{")
                .contains("tracker_projection_parked_events{");
        assertThat(scrape.lines().filter(line -> line.startsWith("commandBus") && line.contains("AdoptPlanCommand")))
                .as("command bus meters tagged with the command").isNotEmpty();
        assertThat(scrape.lines().filter(line -> line.contains("PlanAdoptedEvent") && !line.startsWith("#")))
                .as("event meters tagged with the event type").isNotEmpty();
        assertThat(scrape.lines().filter(line -> line.startsWith("eventProcessor")
                && line.contains("processorName=\"plan-view\""))).as("processor meters per group").isNotEmpty();
        assertThat(scrape).as("no meter is tagged with an id or a user").doesNotContain(plan)
                .doesNotContain("recordedBy");
    }

    @Test
    void onlyTheScraperCoordinatorsAndAuditorsMayRead() {
        assertThat(scrape("metrics", TOKEN).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape(COORDINATOR, COORDINATOR).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape(AUDITOR, AUDITOR).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape(COMMITTEE, COMMITTEE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scrape("metrics", TOKEN + "x").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(scrape(null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the token opens the metrics and nothing else
        assertThat(http.withBasicAuth("metrics", TOKEN).getForEntity("/api/plans", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> scrape(String user, String password) {
        return (user == null ? http : http.withBasicAuth(user, password))
                .getForEntity("/actuator/prometheus", String.class);
    }
}
