package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * The participation report over HTTP on PostgreSQL: meetings and event participations per year and kind, small
 * participant counts shown as "<5" (in JSON and CSV, without the events that would reveal them), as recorded at an
 * earlier moment, and unchanged after a rebuild of its projection. Its facts are dated 2017, a year no other test
 * uses, and the report is asked for that year only.
 */
class ParticipationReportIT extends PostgresApiTest {

    private static final String REPORT = "/api/reports/participation?from=2017-01-01&to=2017-12-31";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void showsSmallParticipantCountsAsFewerThanFiveNowAsRecordedEarlierAndAfterARebuild() throws Exception {
        for (int i = 1; i <= 7; i++) {
            post201("/api/enterprises", """
                    {"enterpriseId": "%s", "name": "ASF %d", "legalForm": "ENSKILD_FIRMA", "municipality": "Stockholm",
                     "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                                  "independentOfPublicSector": true}, "occurredOn": "2016-06-01"}"""
                    .formatted(enterprise(i), i));
        }
        meeting("forum-1", "DIALOGUE_FORUM", "2017-03-01", 1, 2, 3, 4, 5, 6);
        meeting("forum-2", "DIALOGUE_FORUM", "2017-09-01", 1, 2);
        meeting("rundabord", "ROUND_TABLE", "2017-05-01", 1, 2, 3);
        for (int i = 1; i <= 3; i++) {
            assertThat(post(COORDINATOR, "/api/enterprises/" + enterprise(i) + "/event-participations", """
                    {"kind": "TENDER_SCHOOL", "eventName": "Anbudsskola våren 2017", "occurredOn": "2017-04-0%d"}"""
                    .formatted(i)).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        Thread.sleep(20);
        Instant before = Instant.now();
        Thread.sleep(20);
        assertThat(post(COORDINATOR, "/api/meetings/" + meetingId("rundabord") + "/participant-corrections", """
                {"participants": ["%s", "%s", "%s", "%s", "%s"], "reason": "Närvarolistan kom i efterhand",
                 "occurredOn": "2017-05-20"}""".formatted(enterprise(1), enterprise(2), enterprise(3), enterprise(4),
                enterprise(7))).getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, Object> now = awaitCaughtUp();
        assertThat(rows(now)).extracting("source", "kind", "occasions", "participations", "participants",
                "suppressed").containsExactly(
                org.assertj.core.groups.Tuple.tuple("MEETING", "DIALOGUE_FORUM", 2, "8", "6", false),
                org.assertj.core.groups.Tuple.tuple("MEETING", "ROUND_TABLE", 1, "5", "5", false),
                org.assertj.core.groups.Tuple.tuple("EVENT_PARTICIPATION", "TENDER_SCHOOL", 1, "<5", "<5", true));
        assertThat(events(rows(now).get(0))).hasSize(2);
        assertThat(events(rows(now).get(2))).isEmpty();

        Map<String, Object> then = get(COMMITTEE, REPORT + "&asOf=" + before).getBody();
        assertThat(rows(then)).extracting("kind", "participants", "suppressed").containsExactly(
                org.assertj.core.groups.Tuple.tuple("DIALOGUE_FORUM", "6", false),
                org.assertj.core.groups.Tuple.tuple("ROUND_TABLE", "<5", true),
                org.assertj.core.groups.Tuple.tuple("TENDER_SCHOOL", "<5", true));

        ResponseEntity<byte[]> csv = http.withBasicAuth(COMMITTEE, COMMITTEE).exchange(REPORT + "&format=csv",
                HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), byte[].class);
        List<String> lines = List.of(new String(Objects.requireNonNull(csv.getBody()), StandardCharsets.UTF_8)
                .split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("\uFEFFyear,source,kind,occasions,participations,participants,"
                + "suppressed,events");
        assertThat(lines.get(3)).isEqualTo("2017,EVENT_PARTICIPATION,TENDER_SCHOOL,1,<5,<5,true,");

        int active = ((Number) get(AUDITOR, "/api/admin/projections/participation").getBody()
                .get("activeGeneration")).intValue();
        assertThat(post(COORDINATOR, "/api/admin/projections/participation/rebuilds", "{}").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(AUDITOR, "/api/admin/projections/participation").getBody(), status ->
                        ((Number) status.get("activeGeneration")).intValue() == active + 1
                                && status.get("rebuildingGeneration") == null);
        assertThat(rows(awaitCaughtUp())).isEqualTo(rows(now));
        assertThat(rows(get(COMMITTEE, REPORT + "&asOf=" + before).getBody())).isEqualTo(rows(then));
    }

    @Test
    void refusesARangeThatEndsBeforeItBeginsNamingTheParameters() {
        ResponseEntity<Map<String, Object>> response = get(COMMITTEE,
                "/api/reports/participation?from=2017-12-31&to=2017-01-01");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody().get("detail"))).startsWith("from must not lie after to");
    }

    private void meeting(String name, String kind, String on, int... participants) {
        StringBuilder list = new StringBuilder();
        for (int participant : participants) {
            list.append(list.isEmpty() ? "" : ", ").append('"').append(enterprise(participant)).append('"');
        }
        post201("/api/meetings", """
                {"meetingId": "%s", "kind": "%s", "title": "Möte %s", "organiser": "Serviceförvaltningen",
                 "participants": [%s], "occurredOn": "%s"}""".formatted(meetingId(name), kind, name, list, on));
    }

    private void post201(String path, String json) {
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, path, json);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private String enterprise(int i) {
        return "it-deltagare-" + i + "-" + suffix;
    }

    private String meetingId(String name) {
        return "it-" + name + "-" + suffix;
    }

    private Map<String, Object> awaitCaughtUp() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(COMMITTEE, REPORT).getBody(), body -> body != null && body.get("position") != null
                        && ((Number) body.get("position")).longValue() == jdbc.queryForObject(
                        "select max(global_index) from domain_event_entry", Long.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    private static List<?> events(Map<String, Object> row) {
        return (List<?>) row.get("events");
    }
}
