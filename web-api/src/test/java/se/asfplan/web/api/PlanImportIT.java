package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Plans are data: whole plan files are imported through the API, all or nothing, and read back.
 */
class PlanImportIT extends PostgresApiTest {

    @Test
    void importsTheStockholmPlanWithAllThreeAreasAndEveryActivity() throws IOException {
        ResponseEntity<Map<String, Object>> response = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                read("plans/stockholm-asf-2021.yaml"), MediaType.parseMediaType("application/yaml"), "import-sthlm");
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsEntry("planId", "stockholm-asf-2021").containsEntry("areas", 3)
                .containsEntry("activities", 40).containsEntry("goals", 0);

        List<StoredEvent> events = storedEvents("stockholm-asf-2021");
        assertThat(events).hasSize(1 + 3 + 40);
        assertThat(events).allSatisfy(event -> assertThat(event.metaData())
                .contains("\"recordedBy\":\"coordinator\"", "\"requestId\":\"import-sthlm\""));

        Map<String, Object> plan = awaitResource(COMMITTEE, "/api/plans/stockholm-asf-2021",
                body -> ((Number) body.get("version")).intValue() == 43);
        List<Map<String, Object>> areas = areas(plan);
        assertThat(areas).extracting(area -> area.get("name")).containsExactly("Nätverkande",
                "Företagsrådgivning, företagsutveckling och finansiering", "Inköp och upphandling");
        assertThat(areas).extracting(area -> ((List<?>) area.get("activities")).size()).containsExactly(13, 12, 15);
        List<Map<String, Object>> activities = getList(COMMITTEE,
                "/api/plans/stockholm-asf-2021/activities").getBody();
        assertThat(activities).hasSize(40).allSatisfy(activity -> assertThat(activity)
                .containsEntry("status", "NOT_STARTED").containsEntry("addedOn", "2021-08-31"));
        assertThat(activities).filteredOn(activity -> "LARGER_STEP".equals(activity.get("kind"))).hasSize(5);
        assertThat(activities).filteredOn(activity -> "STEERING_POSSIBILITY".equals(activity.get("kind"))).hasSize(5);
        assertThat(getList(COMMITTEE, "/api/plans/stockholm-asf-2021/activities?lead=Stockholm Business Region (SBR)")
                .getBody()).isNotEmpty().allSatisfy(activity -> assertThat(activity.get("responsibility").toString())
                .contains("lead=Stockholm Business Region (SBR)"));

        long before = eventCount();
        ResponseEntity<Map<String, Object>> again = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                read("plans/stockholm-asf-2021.yaml"), MediaType.parseMediaType("application/yaml"), null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("rule", "plan-can-be-adopted-once");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void importsADifferentlyShapedPlanSentAsJsonWithGoals() throws IOException {
        ResponseEntity<Map<String, Object>> response = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                read("plans/exempelkommun-2018-2020.json"), MediaType.APPLICATION_JSON, null);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsEntry("areas", 2).containsEntry("activities", 5)
                .containsEntry("goals", 4);

        Map<String, Object> plan = awaitResource(AUDITOR, "/api/plans/exempelkommun-2018-2020",
                body -> ((List<?>) body.get("goals")).size() == 4);
        assertThat(plan).containsEntry("municipality", "Exempelkommun")
                .containsEntry("period", Map.of("fromYear", 2018, "toYear", 2020))
                .containsEntry("adoption", Map.of("body", "Kommunstyrelsen", "reference", "KS 2018/0042",
                        "paragraph", "§ 37"));
        assertThat(areas(plan)).hasSize(2);
        assertThat(getList(AUDITOR, "/api/plans/exempelkommun-2018-2020/goals?year=2019").getBody()).isNotEmpty()
                .allSatisfy(goal -> assertThat(goal).containsEntry("year", 2019));
    }

    @Test
    void importsAnOngoingPlanSentAsYamlText() throws IOException {
        ResponseEntity<Map<String, Object>> response = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                read("plans/ongoing-plan.yaml"), MediaType.parseMediaType("text/yaml"), null);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> plan = awaitResource(COMMITTEE, "/api/plans/ongoing-plan", body -> true);
        assertThat(plan.get("period")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("fromYear", 2023).containsEntry("toYear", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesAFileLargerThanTheLimitWithoutReadingItAll() {
        long before = eventCount();
        String huge = "# " + "x".repeat(3 * 1024 * 1024) + "\n";
        ResponseEntity<Map<String, Object>> response = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                huge, MediaType.parseMediaType("application/yaml"), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) response.getBody().get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("message")).isEqualTo("the file is larger than 2048 KiB"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesFormUploadsAndPlainTextThatBrowsersSendCrossSite() throws IOException {
        long before = eventCount();
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ClassPathResource("plans/ongoing-plan.yaml"));
        assertThat(exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import", form, MediaType.MULTIPART_FORM_DATA,
                null).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import", read("plans/ongoing-plan.yaml"),
                MediaType.TEXT_PLAIN, null).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(exchange(COORDINATOR, HttpMethod.POST, "/api/plans/stockholm-asf-2021/activities/x/start", null,
                null, null).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesAMalformedFileNamingEveryProblemAndRecordsNothing() {
        long before = eventCount();
        ResponseEntity<Map<String, Object>> response = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import", """
                format: action-plan/v1
                id: Trasig Plan
                title: Trasig
                municipality: Testkommun
                adopted: {"on": 2021-01-01, body: KS}
                period: {from: 2021, to: 2020}
                areas:
                  - id: omrade
                    name: Område
                    activities:
                      - {id: a1, kind: project, title: A, lead: AMN}
                """, MediaType.parseMediaType("application/yaml"), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) response.getBody().get("errors"))
                .extracting(error -> error.get("field"))
                .containsExactlyInAnyOrder("id", "period", "areas[0].activities[0].kind");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void recordsNothingOfAFileThatBreaksAPlanRuleHalfway() {
        long before = eventCount();
        ResponseEntity<Map<String, Object>> response = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import", """
                format: action-plan/v1
                id: halvvags-plan
                title: Plan med mål utanför perioden
                municipality: Testkommun
                adopted: {"on": 2021-01-01, body: KS}
                period: {from: 2021, to: 2022}
                areas:
                  - id: omrade
                    name: Område
                    activities:
                      - {id: a1, kind: activity, title: A, lead: AMN}
                goals:
                  - {id: mal, year: 2030, kind: count, indicator: Antal, comparator: at-least, target: 1, unit: st,
                     decision: {body: KS}}
                """, MediaType.parseMediaType("application/yaml"), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody()).containsEntry("rule", "goal-year-must-lie-within-plan-period");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(storedEvents("halvvags-plan")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> areas(Map<String, Object> plan) {
        return (List<Map<String, Object>>) plan.get("areas");
    }

    private static String read(String resource) throws IOException {
        return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
    }
}
