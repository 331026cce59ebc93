package se.asfplan.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Business dates are dates in Europe/Stockholm: a fact recorded without a date at 23:30 on 31 December in Sweden
 * (22:30 UTC) is dated 31 December and counts for that year; one recorded at 00:30 on 1 January in Sweden (still
 * 31 December in UTC) counts for the next. Recording timestamps are stored in UTC.
 */
class BusinessDateTimeZoneIT extends ReliabilityTest {

    @Autowired
    SettableClock clock;

    private final String plan = "tz-" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "/api/plans/" + plan;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFactRecordedLateOnNewYearsEveInSwedenCountsForThatYearAndOneAfterMidnightForTheNext() {
        created(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2024-01-02",
                 "period": {"fromYear": 2024, "toYear": 2026}}""".formatted(plan)));
        created(post(COORDINATOR, base + "/areas", """
                {"areaId": "omrade", "name": "Område", "occurredOn": "2024-01-02"}"""));
        for (String activity : List.of("late-evening", "after-midnight")) {
            created(post(COORDINATOR, base + "/activities", """
                    {"activityId": "%s", "areaId": "omrade", "kind": "ACTIVITY", "title": "Aktivitet %s",
                     "responsibility": {"lead": "AMN"}, "occurredOn": "2024-01-03"}""".formatted(activity, activity)));
            ok(post(COORDINATOR, base + "/activities/" + activity + "/start", """
                    {"occurredOn": "2024-02-01"}"""));
        }
        for (int year : List.of(2024, 2025)) {
            String activity = year == 2024 ? "late-evening" : "after-midnight";
            created(post(COORDINATOR, base + "/goals", """
                    {"goalId": "klar-%d", "year": %d, "kind": "MILESTONE", "measure": "ACTIVITY_COMPLETED",
                     "indicator": "Aktiviteten klar", "activityId": "%s",
                     "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"},
                     "decision": {"body": "KS"}, "occurredOn": "2024-01-05"}""".formatted(year, year, activity)));
        }

        clock.set(Instant.parse("2024-12-31T22:30:00Z")); // 23:30 in Stockholm
        ok(post(COORDINATOR, base + "/activities/late-evening/complete", "{}"));
        clock.set(Instant.parse("2024-12-31T23:30:00Z")); // 00:30 on 1 January in Stockholm
        ok(post(COORDINATOR, base + "/activities/after-midnight/complete", "{}"));
        clock.reset();

        List<StoredEvent> events = storedEvents(plan);
        StoredEvent lateEvening = events.get(events.size() - 2);
        StoredEvent afterMidnight = events.get(events.size() - 1);
        assertThat(lateEvening.simpleType()).isEqualTo("ActivityCompletedEvent");
        assertThat(lateEvening.payload()).contains("\"activityId\":\"late-evening\"", "\"occurredOn\":\"2024-12-31\"");
        assertThat(afterMidnight.payload()).contains("\"activityId\":\"after-midnight\"",
                "\"occurredOn\":\"2025-01-01\"");

        // recording timestamps are UTC instants
        assertThat(events).allSatisfy(event -> {
            assertThat(event.timestamp()).endsWith("Z");
            assertThat(OffsetDateTime.parse(event.timestamp()).getOffset()).isEqualTo(ZoneOffset.UTC);
        });

        Map<String, Object> report2024 = awaitGoalReport(2024);
        assertThat(goal(report2024, "klar-2024")).containsEntry("outcome", 1).containsEntry("status", "MET");
        Map<String, Object> report2025 = awaitGoalReport(2025);
        assertThat(goal(report2025, "klar-2025")).containsEntry("outcome", 1).containsEntry("status", "MET");

        Map<String, Object> lateActivity = get(COMMITTEE, base + "/activities/late-evening").getBody();
        assertThat(lateActivity).containsEntry("closedOn", "2024-12-31");
    }

    /** The report once the goal-report projection has folded the completion into the goal of that year. */
    private Map<String, Object> awaitGoalReport(int year) {
        String path = base + "/reports/yearly-goals?year=" + year;
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(COMMITTEE, path).getBody(), body -> body != null && body.get("rows") != null
                        && hasGoal(body, "klar-" + year)
                        && Integer.valueOf(1).equals(goal(body, "klar-" + year).get("outcome")));
    }

    /** Whether the goal is in the report yet: the goal-report projection may not have folded it when first asked. */
    @SuppressWarnings("unchecked")
    private static boolean hasGoal(Map<String, Object> report, String goalId) {
        return ((List<Map<String, Object>>) report.get("rows")).stream().anyMatch(row -> goalId.equals(row.get("goalId")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> goal(Map<String, Object> report, String goalId) {
        return ((List<Map<String, Object>>) report.get("rows")).stream()
                .filter(row -> goalId.equals(row.get("goalId"))).findFirst().orElseThrow();
    }

    private static void created(org.springframework.http.ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private static void ok(org.springframework.http.ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    }
}
