package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded default (H2) writes and reads the follow-up's facts too: the Stockholm plan imported at start is
 * reported per area, and a start recorded after a moment T does not show in the report as of T.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:followup-h2;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=")
class ActivityFollowUpOnH2IT {

    private static final String REPORT = "/api/plans/stockholm-asf-2021/reports/activity-follow-up";
    private static final String ACTIVITY = "natverk-bjuda-in-asf-till-integrationspakten";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reportsTheImportedPlanNowAndAsRecordedBeforeAStartOnH2() throws InterruptedException {
        assertThat(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()))
                .isEqualTo("H2");
        Map<String, Object> imported = awaitReport(REPORT, body -> activities(body).size() == 40);
        assertThat(rows(imported)).extracting(group -> group.get("name")).containsExactly("Nätverkande",
                "Företagsrådgivning, företagsutveckling och finansiering", "Inköp och upphandling");

        Thread.sleep(50);
        Instant beforeTheStart = Instant.now();
        Thread.sleep(50);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("coordinator", "coordinator").exchange(
                "/api/plans/stockholm-asf-2021/activities/" + ACTIVITY + "/start", HttpMethod.POST,
                new HttpEntity<>("{\"occurredOn\": \"2022-02-01\"}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Map<String, Object> now = awaitReport(REPORT, body -> "STARTED".equals(activity(body).get("status")));
        assertThat(activity(now)).containsEntry("startedOn", "2022-02-01");
        assertThat(activity(getReport(REPORT + "?asOf=" + beforeTheStart))).containsEntry("status", "NOT_STARTED")
                .containsEntry("startedOn", null);

        ResponseEntity<byte[]> csv = http.withBasicAuth("auditor", "auditor")
                .getForEntity(REPORT + "?format=csv", byte[].class);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8).split("\r\n")).hasSize(41);
    }

    private Map<String, Object> awaitReport(String path, java.util.function.Predicate<Map<String, Object>> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> getReport(path), body -> body != null && condition.test(body));
    }

    private Map<String, Object> getReport(String path) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth("committee", "committee").exchange(path,
                HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() { });
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("rows");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> activities(Map<String, Object> answer) {
        return rows(answer).stream().flatMap(group -> ((List<Map<String, Object>>) group.get("activities")).stream())
                .toList();
    }

    private static Map<String, Object> activity(Map<String, Object> answer) {
        return activities(answer).stream().filter(activity -> ACTIVITY.equals(activity.get("activityId")))
                .findFirst().orElseThrow();
    }
}
