package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.goalreport.GoalReportProjection;
import se.asfplan.web.support.PostgresApiTest;

/**
 * A yearly goal report once folded is kept while its read model gains no fact, and folded again as soon as it gains
 * one (GoalReportProjection, FoldedReports). What shows it: a fact row changed behind the projection's back is not
 * seen while the report is kept (nothing new arrived, so the kept rows are what the facts gave), and a new goal fact
 * of any plan makes the report read its facts again; a recorded event that is no goal fact keeps it.
 */
class KeptGoalReportIT extends PostgresApiTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String plan = "kept-" + suffix;
    private final String report = "/api/plans/" + plan + "/reports/yearly-goals?year=2021";

    @Autowired
    private ProcessedPosition processed;

    @Test
    void keepsAFoldedReportUntilANewFactArrives() {
        created(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Kvarhållen rapport", "municipality": "Kvarkommun %s",
                 "adoption": {"body": "KS"}, "adoptedOn": "2021-01-04", "period": {"fromYear": 2021, "toYear": 2022}}"""
                .formatted(plan, suffix)));
        created(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "omrade", "name": "Område", "occurredOn": "2021-01-04"}"""));
        created(post(COORDINATOR, "/api/plans/" + plan + "/goals", """
                {"goalId": "antal", "year": 2021, "kind": "MANUAL", "indicator": "Antal träffar",
                 "target": {"comparator": "AT_LEAST", "value": 4, "unit": "st"}, "decision": {"body": "KS"},
                 "occurredOn": "2021-01-10"}"""));
        ok(post(COORDINATOR, "/api/plans/" + plan + "/goals/antal/outcomes", """
                {"value": 5, "source": "Protokoll", "occurredOn": "2021-12-20"}"""));
        awaitOutcome("5");
        // every event recorded so far (this test's and earlier tests') is folded: no fact can arrive unasked
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> processed.of(GoalReportProjection.PROCESSING_GROUP).orElse(-1) >= head);
        assertThat(outcome(get(COMMITTEE, report))).isEqualTo("5");

        // the row changed behind the projection's back is put back whatever happens: the schema is shared, and a
        // later rebuild test compares this generation's rows with a fresh fold of the events
        try {
            assertThat(jdbc.update("""
                    update goal_report_fact set outcome_value = 77 where plan_id = ? and fact = 'OUTCOME_REPORTED'""",
                    plan)).isEqualTo(1);
            assertThat(outcome(get(COMMITTEE, report))).as("kept: no fact arrived since it was folded").isEqualTo("5");
            created(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                    {"areaId": "annat", "name": "Ett annat område", "occurredOn": "2021-02-01"}"""));
            long withArea = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> processed.of(GoalReportProjection.PROCESSING_GROUP).orElse(-1) >= withArea);
            assertThat(outcome(get(COMMITTEE, report))).as("kept: an area added is no goal fact").isEqualTo("5");

            // a new goal fact: the report reads its facts again, the changed row with them
            created(post(COORDINATOR, "/api/plans/" + plan + "/goals", """
                    {"goalId": "nytt", "year": 2021, "kind": "MANUAL", "indicator": "Antal besök",
                     "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"}, "decision": {"body": "KS"},
                     "occurredOn": "2021-03-01"}"""));
            Map<String, Object> refolded = awaitResource(COMMITTEE, report, body -> rows(body).size() == 2,
                    Duration.ofSeconds(60));
            assertThat(outcome(refolded)).isEqualTo("77");
        } finally {
            jdbc.update("""
                    update goal_report_fact set outcome_value = 5
                    where plan_id = ? and fact = 'OUTCOME_REPORTED' and outcome_value = 77""", plan);
        }
    }

    private void awaitOutcome(String expected) {
        awaitResource(COMMITTEE, report, body -> expected.equals(outcome(body)), Duration.ofSeconds(60));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("rows");
    }

    private static String outcome(ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return outcome(answer.getBody());
    }

    private static String outcome(Map<String, Object> body) {
        Object value = rows(body).stream().filter(row -> "antal".equals(row.get("goalId"))).findFirst()
                .map(row -> row.get("outcome")).orElse(null);
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    private static void created(ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private static void ok(ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }
}
