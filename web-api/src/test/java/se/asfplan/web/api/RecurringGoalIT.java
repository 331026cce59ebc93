package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * A recurring goal on PostgreSQL, as a coordination function meets it: written once in a plan file ("every year,
 * more ASF invited to Integrationspakten than the year before"), imported, read back once with its years and as one
 * goal per year; one year's goal revised alone; a second recurring goal set over the API for some years; a refusal
 * that records nothing; the plan lengthened, and the goal with it; each year's goal in the yearly goal report.
 */
class RecurringGoalIT extends PostgresApiTest {

    private static final String PLAN = "recurring-goals-2022-2024";
    private static final String BASE = "/api/plans/" + PLAN;
    private static final String PLAN_FILE = """
            format: action-plan/v1
            id: recurring-goals-2022-2024
            title: "Handlingsplan med återkommande mål"
            municipality: "Återkommunen"
            adopted:
              "on": 2022-02-01
              body: "Kommunstyrelsen"
              reference: "KS 2022/0007"
            period: {from: 2022, to: 2024}
            areas:
              - id: integrationspakten
                name: "Integrationspakten"
            goals:
              - id: fler-inbjudna
                years: every
                kind: change
                measure: integrationspakten-invitations
                indicator: "Fler ASF inbjudna till Integrationspakten än året innan"
                comparator: at-least
                target: 1
                unit: "st"
                decision: {body: "Kommunstyrelsen", reference: "KS 2022/0007", paragraph: "§ 3"}
              - id: rapport-2022
                year: 2022
                kind: manual
                indicator: "Uppföljningsrapport till nämnden"
                comparator: at-least
                target: 1
                unit: "st"
                decision: {body: "Kommunstyrelsen"}
            """;

    @Test
    @SuppressWarnings("unchecked")
    void importsAGoalWrittenOnceAsAGoalForEachYearAndFollowsEachYearAlone() {
        ResponseEntity<Map<String, Object>> imported = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                PLAN_FILE, MediaType.parseMediaType("application/yaml"), null);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody()).containsEntry("goals", 1).containsEntry("recurringGoals", 1);

        // read back: the recurring goal once, with its years; each year's goal names it
        Map<String, Object> plan = awaitResource(COMMITTEE, BASE, body -> goals(body).size() == 4);
        assertThat(recurringGoals(plan)).singleElement().satisfies(goal -> assertThat(goal)
                .containsEntry("goalId", "fler-inbjudna").containsEntry("kind", "CHANGE")
                .containsEntry("measure", "INTEGRATIONSPAKTEN_INVITATIONS").containsEntry("fromYear", 2022)
                .containsEntry("toYear", 2024).containsEntry("untilThePlanEnds", true)
                .containsEntry("yearGoals", List.of("fler-inbjudna-2022", "fler-inbjudna-2023", "fler-inbjudna-2024"))
                .containsEntry("decision", Map.of("body", "Kommunstyrelsen", "reference", "KS 2022/0007",
                        "paragraph", "§ 3")));
        assertThat(goals(plan)).extracting(goal -> goal.get("goalId") + "@" + goal.get("year") + "<"
                + goal.get("recurringGoalId")).containsExactlyInAnyOrder("fler-inbjudna-2022@2022<fler-inbjudna",
                "fler-inbjudna-2023@2023<fler-inbjudna", "fler-inbjudna-2024@2024<fler-inbjudna",
                "rapport-2022@2022<null");

        // one year's goal is revised alone
        assertStatus(post(COORDINATOR, BASE + "/goals/fler-inbjudna-2023/revisions", """
                {"target": {"comparator": "AT_LEAST", "value": 3, "unit": "st"}, "reason": "Höjd ambition 2023",
                 "decision": {"body": "KS"}, "occurredOn": "2023-01-15"}"""), HttpStatus.OK);
        awaitResource(COMMITTEE, BASE + "/goals/fler-inbjudna-2023",
                goal -> ((Map<String, Object>) goal.get("target")).get("value").equals(3));
        assertThat(get(COMMITTEE, BASE + "/goals/fler-inbjudna-2024").getBody().get("target"))
                .isEqualTo(Map.of("comparator", "AT_LEAST", "value", 1, "unit", "st"));

        // a second recurring goal over the API, for the years it names
        ResponseEntity<Map<String, Object>> set = post(COORDINATOR, BASE + "/recurring-goals", """
                {"goalId": "fler-medlemmar", "years": {"fromYear": 2023, "toYear": 2024}, "kind": "COUNT",
                 "measure": "INTEGRATIONSPAKTEN_INVITATIONS", "indicator": "Inbjudna per år",
                 "target": {"comparator": "AT_LEAST", "value": 2, "unit": "st"}, "decision": {"body": "KS"},
                 "occurredOn": "2023-02-01"}""");
        assertStatus(set, HttpStatus.CREATED);
        assertThat(set.getHeaders().getLocation()).hasPath(BASE + "/recurring-goals/fler-medlemmar");
        Map<String, Object> second = awaitResource(AUDITOR, BASE + "/recurring-goals/fler-medlemmar", body -> true);
        assertThat(second).containsEntry("fromYear", 2023).containsEntry("toYear", 2024)
                .containsEntry("untilThePlanEnds", false)
                .containsEntry("yearGoals", List.of("fler-medlemmar-2023", "fler-medlemmar-2024"));

        // refused: years beyond the plan; nothing is recorded
        long before = eventCount();
        ResponseEntity<Map<String, Object>> refused = post(COORDINATOR, BASE + "/recurring-goals", """
                {"goalId": "for-langt", "years": {"fromYear": 2023, "toYear": 2026}, "kind": "COUNT",
                 "measure": "INTEGRATIONSPAKTEN_INVITATIONS", "indicator": "Inbjudna per år",
                 "target": {"comparator": "AT_LEAST", "value": 2, "unit": "st"}, "decision": {"body": "KS"},
                 "occurredOn": "2023-02-01"}""");
        assertStatus(refused, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("rule", "goal-year-must-lie-within-plan-period");
        assertThat(refused.getBody().get("detail").toString()).contains("2023-2026", "2022-2024");
        assertThat(get(AUDITOR, BASE + "/recurring-goals/for-langt").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(eventCount()).isEqualTo(before);

        // the plan is lengthened: the goal set for every year is set for 2025 too, the other one is not
        assertStatus(post(COORDINATOR, BASE + "/revisions", """
                {"period": {"fromYear": 2022, "toYear": 2025}, "decision": {"body": "KS", "reference": "KS 2023/9"},
                 "reason": "Planen förlängs ett år", "occurredOn": "2023-06-01"}"""), HttpStatus.OK);
        Map<String, Object> lengthened = awaitResource(COMMITTEE, BASE, body -> goals(body).size() == 7);
        assertThat(recurringGoals(lengthened)).extracting(goal -> goal.get("goalId") + ":" + goal.get("toYear"))
                .containsExactly("fler-inbjudna:2025", "fler-medlemmar:2024");
        assertThat(get(COMMITTEE, BASE + "/goals/fler-inbjudna-2025").getBody())
                .containsEntry("year", 2025).containsEntry("recurringGoalId", "fler-inbjudna");

        // each year's goal is in that year's yearly goal report, with its own target
        Map<String, Object> report = awaitResource(COMMITTEE, BASE + "/reports/yearly-goals?year=2023",
                body -> rows(body).size() == 2, Duration.ofSeconds(60));
        assertThat(rows(report)).extracting(row -> row.get("goalId") + "=" + ((Map<String, Object>) row
                .get("target")).get("value")).containsExactly("fler-inbjudna-2023=3", "fler-medlemmar-2023=2");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> goals(Map<String, Object> plan) {
        return (List<Map<String, Object>>) plan.get("goals");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> recurringGoals(Map<String, Object> plan) {
        return (List<Map<String, Object>>) plan.get("recurringGoals");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    private static void assertStatus(ResponseEntity<Map<String, Object>> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
    }
}
