package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * A coordinator records a whole plan's life over HTTP; each step is checked in domain_event_entry (type, business
 * date, recording user and request id in the metadata, UTC timestamp) and read back through the API.
 */
class PlanLifecycleIT extends PostgresApiTest {

    private final String plan = "it-plan-" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "/api/plans/" + plan;

    @Test
    void recordsAPlansWholeLifeAndReadsItBack() {
        ResponseEntity<Map<String, Object>> adopted = exchange(COORDINATOR, HttpMethod.POST, "/api/plans", """
                {"planId": "%s", "title": "Handlingsplan för ASF", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen", "reference": "KS 2021/17", "paragraph": "§ 4"},
                 "adoptedOn": "2021-03-01", "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan),
                MediaType.APPLICATION_JSON, "req-adopt-1");
        assertThat(adopted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(adopted.getHeaders().getLocation()).hasToString(base);

        assertCreated(post(COORDINATOR, base + "/areas", """
                {"areaId": "natverkande", "name": "Nätverkande", "occurredOn": "2021-03-01"}"""));
        assertCreated(post(COORDINATOR, base + "/activities", """
                {"activityId": "bjuda-in-till-ip", "areaId": "natverkande", "kind": "ACTIVITY",
                 "title": "Bjuda in samtliga kända ASF till Integrationspakten",
                 "responsibility": {"lead": "Arbetsmarknadsnämnden (AMN)", "involved": ["Stockholm Business Region (SBR)"]},
                 "timeline": {"fromYear": 2021, "toYear": 2022}, "occurredOn": "2021-03-02"}"""));
        assertCreated(post(COORDINATOR, base + "/activities", """
                {"activityId": "rundabord", "areaId": "natverkande", "kind": "LARGER_STEP",
                 "title": "Rundabordssamtal", "responsibility": {"lead": "Stadsledningskontoret (SLK)"},
                 "occurredOn": "2021-03-02"}"""));
        assertOk(post(COORDINATOR, base + "/activities/bjuda-in-till-ip/start", """
                {"occurredOn": "2021-04-01"}"""));
        assertOk(post(COORDINATOR, base + "/activities/bjuda-in-till-ip/progress-reports", """
                {"note": "12 av 20 kända ASF inbjudna", "occurredOn": "2021-09-30"}"""));
        assertOk(post(COORDINATOR, base + "/activities/bjuda-in-till-ip/reschedule", """
                {"timeline": {"fromYear": 2021, "toYear": 2023}, "reason": "Registret blev klart sent",
                 "occurredOn": "2021-10-01"}"""));
        assertOk(post(COORDINATOR, base + "/activities/bjuda-in-till-ip/responsibility", """
                {"responsibility": {"lead": "Stockholm Business Region (SBR)", "involved": []},
                 "reason": "SBR tar över inbjudningarna", "occurredOn": "2021-10-02"}"""));
        assertOk(post(COORDINATOR, base + "/activities/bjuda-in-till-ip/complete", """
                {"note": "Alla kända ASF inbjudna", "occurredOn": "2022-05-31"}"""));
        assertOk(post(COORDINATOR, base + "/activities/rundabord/cancel", """
                {"reason": "Ersätts av arbetsmöten", "occurredOn": "2022-06-01"}"""));
        assertCreated(post(COORDINATOR, base + "/goals", """
                {"goalId": "reserverade-upphandlingar-2022", "year": 2022, "kind": "COUNT",
                 "measure": "RESERVED_PROCUREMENTS_BEGUN", "indicator": "Antal reserverade upphandlingar i staden",
                 "target": {"comparator": "AT_LEAST", "value": 3, "unit": "st"},
                 "decision": {"body": "Kommunstyrelsen", "reference": "KS 2022/5", "paragraph": "§ 9"},
                 "occurredOn": "2022-01-15"}"""));
        assertOk(post(COORDINATOR, base + "/goals/reserverade-upphandlingar-2022/revisions", """
                {"target": {"comparator": "AT_LEAST", "value": 4, "unit": "st"}, "reason": "Höjd ambition",
                 "decision": {"body": "Kommunstyrelsen", "reference": "KS 2022/44"}, "occurredOn": "2022-03-01"}"""));
        assertCreated(post(COORDINATOR, base + "/goals", """
                {"goalId": "aktivitetsplan-2023", "year": 2023, "kind": "MILESTONE", "measure": "ACTIVITY_COMPLETED",
                 "indicator": "Stadsövergripande aktivitetsplan framtagen", "activityId": "bjuda-in-till-ip",
                 "target": {"comparator": "EXACTLY", "value": 1, "unit": "plan"},
                 "decision": {"body": "Arbetsmarknadsnämnden"}, "occurredOn": "2022-12-01"}"""));
        assertOk(post(COORDINATOR, base + "/goals/aktivitetsplan-2023/withdrawal", """
                {"reason": "Ersatt av annat mål", "decision": {"body": "Arbetsmarknadsnämnden", "paragraph": "§ 3"},
                 "occurredOn": "2023-01-10"}"""));
        assertOk(post(COORDINATOR, base + "/revisions", """
                {"period": {"fromYear": 2021, "toYear": 2025}, "reason": "Förlängd ett år",
                 "decision": {"body": "Kommunstyrelsen", "reference": "KS 2023/1"}, "occurredOn": "2023-02-01"}"""));

        List<StoredEvent> events = storedEvents(plan);
        assertThat(events).extracting(StoredEvent::simpleType).containsExactly("PlanAdoptedEvent", "AreaAddedEvent",
                "ActivityAddedEvent", "ActivityAddedEvent", "ActivityStartedEvent", "ActivityProgressReportedEvent",
                "ActivityRescheduledEvent", "ActivityResponsibilityChangedEvent", "ActivityCompletedEvent",
                "ActivityCancelledEvent", "GoalSetEvent", "GoalRevisedEvent", "GoalSetEvent", "GoalWithdrawnEvent",
                "PlanRevisedEvent");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.metaData()).contains("\"recordedBy\":\"coordinator\"", "\"recordedVia\":\"rest-api\"",
                    "\"correlationId\"");
            assertThat(Instant.parse(event.timestamp())).isBefore(Instant.now().plusSeconds(1));
            assertThat(event.timestamp()).endsWith("Z");
        });
        assertThat(events.get(0).metaData()).contains("\"requestId\":\"req-adopt-1\"");
        assertThat(events.get(0).payload()).contains("\"planId\":\"" + plan + "\"", "\"occurredOn\":\"2021-03-01\"",
                "\"reference\":\"KS 2021/17\"");
        assertThat(events.get(5).payload()).contains("\"note\":\"12 av 20 kända ASF inbjudna\"",
                "\"occurredOn\":\"2021-09-30\"");

        Map<String, Object> view = awaitResource(COMMITTEE, base, body -> ((Number) body.get("version")).intValue() == 14);
        assertThat(view).containsEntry("title", "Handlingsplan för ASF")
                .containsEntry("period", Map.of("fromYear", 2021, "toYear", 2025))
                .containsEntry("lastRevisedOn", "2023-02-01");

        Map<String, Object> invitation = get(COMMITTEE, base + "/activities/bjuda-in-till-ip").getBody();
        assertThat(invitation).containsEntry("status", "COMPLETED").containsEntry("startedOn", "2021-04-01")
                .containsEntry("closedOn", "2022-05-31").containsEntry("closingNote", "Alla kända ASF inbjudna")
                .containsEntry("latestNote", "12 av 20 kända ASF inbjudna").containsEntry("latestNoteOn", "2021-09-30")
                .containsEntry("timeline", Map.of("fromYear", 2021, "toYear", 2023))
                .containsEntry("responsibility", Map.of("lead", "Stockholm Business Region (SBR)", "coLeads", List.of(),
                        "allCommittees", false, "involved", List.of()));
        assertThat(get(AUDITOR, base + "/activities/rundabord").getBody()).containsEntry("status", "CANCELLED")
                .containsEntry("closingNote", "Ersätts av arbetsmöten")
                .extractingByKey("timeline").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("fromYear", null).containsEntry("toYear", null);

        Map<String, Object> goal = get(COMMITTEE, base + "/goals/reserverade-upphandlingar-2022").getBody();
        assertThat(goal).containsEntry("year", 2022).containsEntry("withdrawn", false)
                .containsEntry("target", Map.of("comparator", "AT_LEAST", "value", 4, "unit", "st"));
        assertThat((List<?>) goal.get("targetHistory")).hasSize(2).first().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("target", Map.of("comparator", "AT_LEAST", "value", 3, "unit", "st"))
                .containsEntry("decidedOn", "2022-01-15");
        assertThat(get(COMMITTEE, base + "/goals/aktivitetsplan-2023").getBody())
                .containsEntry("withdrawn", true).containsEntry("withdrawnOn", "2023-01-10")
                .containsEntry("activityId", "bjuda-in-till-ip");

        assertThat(getList(COMMITTEE, base + "/goals?year=2022").getBody()).hasSize(1);
        assertThat(getList(COMMITTEE, base + "/activities?status=CANCELLED").getBody())
                .extracting(activity -> activity.get("activityId")).containsExactly("rundabord");
        assertThat(getList(COMMITTEE, base + "/areas").getBody()).singleElement()
                .satisfies(area -> assertThat((List<?>) area.get("activities")).hasSize(2));
        assertThat(getAllPages(COMMITTEE, "/api/plans"))
                .anySatisfy(summary -> assertThat(summary).containsEntry("planId", plan)
                        .containsEntry("activityCount", 2).containsEntry("goalCount", 2));
    }

    @Test
    void aRequestWithoutDateRecordsTodaysDate() {
        adoptPlan();
        assertCreated(post(COORDINATOR, base + "/areas", """
                {"areaId": "omrade", "name": "Område"}"""));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString();
        assertThat(storedEvents(plan).get(1).payload()).contains("\"occurredOn\":\"" + today + "\"");
    }

    private void adoptPlan() {
        assertCreated(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021}}""".formatted(plan)));
    }

    private static void assertCreated(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsKey("location");
    }

    private static void assertOk(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    }
}
