package se.asfplan.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The history API on PostgreSQL: a plan whose activity has progress notes, one of them retracted, and a manual goal
 * whose wrong outcome report is retracted. The histories show who recorded what and when with the retraction
 * links, filter by user and recorded time, page; one event is found by position and by id with its record; every
 * event listed under the goal's report figure resolves, the retraction among them; {@code asOf} takes a date.
 */
class HistoryIT extends PostgresApiTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String plan = "it-historik-" + suffix;
    private final String activity = "aktivitetsplan";
    private final String goal = "andel-" + suffix;

    @Test
    void aPlansHistoryShowsWhoRecordedWhatWithRetractionLinksFiltersPagesAndResolvesEveryReportEvent()
            throws InterruptedException {
        adoptPlanWithActivityAndGoal();
        ok(post(COORDINATOR, "/api/plans/" + plan + "/activities/" + activity + "/start",
                "{\"occurredOn\": \"2022-01-05\"}"));
        ok(post(COORDINATOR, progress(), "{\"note\": \"Utkast klart\", \"occurredOn\": \"2022-03-01\"}"));
        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);
        ok(post(COORDINATOR, progress(), "{\"note\": \"Fel aktivitet\", \"occurredOn\": \"2022-06-01\"}"));
        ok(post(COORDINATOR, outcomes(), """
                {"value": 18, "source": "Enkät 2024", "occurredOn": "2024-01-15"}"""));
        ok(post(COORDINATOR, outcomes(), """
                {"value": 40, "source": "Fel tabell", "occurredOn": "2024-02-01"}"""));
        String firstNote = eventIdOf("ActivityProgressReportedEvent", 0);
        String wrongNote = eventIdOf("ActivityProgressReportedEvent", 1);
        String rightOutcome = eventIdOf("GoalOutcomeReportedEvent", 0);
        String wrongOutcome = eventIdOf("GoalOutcomeReportedEvent", 1);
        ok(post(COORDINATOR, "/api/plans/" + plan + "/retractions",
                "{\"eventId\": \"%s\", \"reason\": \"Gällde en annan aktivitet\"}".formatted(wrongNote)));
        ok(post(COORDINATOR, "/api/plans/" + plan + "/retractions",
                "{\"eventId\": \"%s\", \"reason\": \"Fel tabell\"}".formatted(wrongOutcome)));
        String noteRetraction = eventIdOf("PlanFactRetractedEvent", 0);
        String outcomeRetraction = eventIdOf("PlanFactRetractedEvent", 1);

        // the activity's history: its events from the plan's stream, in order, with the links both ways
        Map<String, Object> history = get(AUDITOR, "/api/history/activity/" + plan + "/" + activity).getBody();
        List<Map<String, Object>> events = events(history);
        assertThat(events).extracting(event -> event.get("type")).containsExactly("ActivityAddedEvent",
                "ActivityStartedEvent", "ActivityProgressReportedEvent", "ActivityProgressReportedEvent",
                "PlanFactRetractedEvent");
        Map<String, Object> first = events.get(2);
        Map<String, Object> wrong = events.get(3);
        Map<String, Object> retraction = events.get(4);
        assertThat(first).containsEntry("name", "Lägesrapport för aktiviteten").containsEntry("eventId", firstNote)
                .containsEntry("businessDate", "2022-03-01").containsEntry("recordedBy", COORDINATOR)
                .containsEntry("aggregateId", plan).containsEntry("retracts", null)
                .containsEntry("retractedBy", null).containsEntry("retractable", true);
        assertThat(first.get("recordedVia")).isNotNull();
        assertThat(((Number) first.get("position")).longValue()).isEqualTo(position(firstNote));
        assertThat(((Number) first.get("sequence")).longValue()).isEqualTo(jdbc.queryForObject(
                "select sequence_number from domain_event_entry where event_identifier = ?", Long.class, firstNote));
        assertThat(Instant.parse((String) first.get("recordedAt"))).isBefore(between);
        assertThat(wrong).containsEntry("eventId", wrongNote).containsEntry("retractedBy", noteRetraction)
                .containsEntry("retractable", false);
        assertThat(retraction).containsEntry("eventId", noteRetraction).containsEntry("retracts", wrongNote)
                .containsEntry("name", "Uppgift i planen återkallades").containsEntry("retractable", false);
        assertThat(history).containsEntry("total", 5).containsEntry("unfiltered", 5);
        assertThat(record(history)).containsEntry("kind", "activity").containsEntry("id", activity)
                .containsEntry("planId", plan);

        // the plan's history holds every event of its stream; the goal's holds its events and the retraction
        long planEvents = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, plan);
        Map<String, Object> planHistory = get(COORDINATOR, "/api/history/plan/" + plan).getBody();
        assertThat(((Number) planHistory.get("total")).longValue()).isEqualTo(planEvents);
        assertThat(events(get(AUDITOR, "/api/history/goal/" + plan + "/" + goal).getBody()))
                .extracting(event -> event.get("eventId")).contains(rightOutcome, wrongOutcome, outcomeRetraction);

        // filters: by who recorded, and by the recorded-time range (a timestamp or a date)
        String activityPath = "/api/history/activity/" + plan + "/" + activity;
        assertThat(get(AUDITOR, activityPath + "?user=" + COORDINATOR).getBody()).containsEntry("total", 5);
        assertThat(get(AUDITOR, activityPath + "?user=" + AUDITOR).getBody()).containsEntry("total", 0)
                .containsEntry("unfiltered", 5);
        assertThat(events(get(AUDITOR, activityPath + "?from=" + between).getBody()))
                .extracting(event -> event.get("eventId")).containsExactly(wrongNote, noteRetraction);
        assertThat(events(get(AUDITOR, activityPath + "?to=" + between).getBody()))
                .extracting(event -> event.get("eventId")).endsWith(firstNote).hasSize(3);
        String today = LocalDate.now(BusinessCalendar.ZONE).toString();
        assertThat(get(AUDITOR, activityPath + "?from=" + today + "&to=" + today).getBody())
                .containsEntry("total", 5);
        assertThat(get(AUDITOR, activityPath + "?to=2020-01-01").getBody()).containsEntry("total", 0);
        ResponseEntity<Map<String, Object>> badFrom = get(AUDITOR, activityPath + "?from=igår");
        assertThat(badFrom.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(badFrom.getBody().get("detail"))).contains("2024-03-31", "timestamp", "date");

        // paging
        Map<String, Object> secondPage = get(AUDITOR, activityPath + "?size=2&page=1").getBody();
        assertThat(events(secondPage)).extracting(event -> event.get("eventId")).containsExactly(firstNote, wrongNote);
        assertThat(secondPage).containsEntry("total", 5).containsEntry("size", 2).containsEntry("page", 1);
        assertThat(get(AUDITOR, activityPath + "?size=501").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // one event by position and by id: the same event, with its record and its stored payload and metadata
        Map<String, Object> byPosition = get(AUDITOR, "/api/events/" + position(wrongNote)).getBody();
        Map<String, Object> byId = get(AUDITOR, "/api/events/" + wrongNote).getBody();
        assertThat(byPosition).isEqualTo(byId);
        assertThat(event(byId)).containsEntry("eventId", wrongNote).containsEntry("retractedBy", noteRetraction);
        assertThat(record(byId)).containsEntry("kind", "activity").containsEntry("id", activity)
                .containsEntry("planId", plan)
                .containsEntry("history", "/api/history/activity/" + plan + "/" + activity);
        assertThat(map(byId.get("stream"))).containsEntry("kind", "plan").containsEntry("id", plan);
        assertThat(map(byId.get("payload"))).containsEntry("note", "Fel aktivitet")
                .containsEntry("occurredOn", "2022-06-01");
        assertThat(map(byId.get("metaData"))).containsEntry("recordedBy", COORDINATOR);
        assertThat(event(get(AUDITOR, "/api/events/" + noteRetraction).getBody()))
                .containsEntry("retracts", wrongNote);
        assertThat(get(AUDITOR, "/api/events/" + UUID.randomUUID()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(AUDITOR, "/api/events/999999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(AUDITOR, "/api/history/plan/" + plan + "-finns-inte").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(AUDITOR, "/api/history/planet/" + plan).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // the goal's figure: the outcome in force and the retraction that changed it, each resolving to its record
        Map<String, Object> row = awaitGoalRow("", ids -> ids.contains(outcomeRetraction));
        assertThat(String.valueOf(row.get("outcome"))).isEqualTo("18");
        assertThat(eventIds(row)).containsExactly(rightOutcome, outcomeRetraction);
        List<?> positions = (List<?>) row.get("events");
        for (int i = 0; i < positions.size(); i++) {
            Map<String, Object> resolved = get(AUDITOR, "/api/events/" + positions.get(i)).getBody();
            assertThat(event(resolved)).containsEntry("eventId", eventIds(row).get(i));
            assertThat(record(resolved)).containsEntry("kind", "goal").containsEntry("id", goal);
            assertThat(get(AUDITOR, "/api/events/" + eventIds(row).get(i)).getBody()).isEqualTo(resolved);
        }
        assertThat(event(get(AUDITOR, "/api/events/" + outcomeRetraction).getBody()))
                .containsEntry("retracts", wrongOutcome);

        // who may: coordinators and auditors read, a committee may not, anonymous callers must sign in
        assertThat(get(COMMITTEE, activityPath).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(COMMITTEE, "/api/events/" + wrongNote).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(null, activityPath).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void asOfTakesADateAsTheEndOfThatDayInSwedenOnEveryEndpointAndRefusesAnythingElseNamingBothForms() {
        adoptPlanWithActivityAndGoal();
        ok(post(COORDINATOR, outcomes(), "{\"value\": 12, \"source\": \"SCB\", \"occurredOn\": \"2024-01-15\"}"));
        LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
        Instant endOfToday = today.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant().minusNanos(1);

        Map<String, Object> row = awaitGoalRow("&asOf=" + today, ids -> ids.size() == 1);
        assertThat(String.valueOf(row.get("outcome"))).isEqualTo("12");
        Map<String, Object> report = get(COMMITTEE, report() + "&asOf=" + today).getBody();
        assertThat(Instant.parse((String) report.get("asOf"))).isEqualTo(endOfToday);
        // as of the end of yesterday, nothing of this plan was recorded
        ResponseEntity<Map<String, Object>> yesterday = get(COMMITTEE, report() + "&asOf=" + today.minusDays(1));
        assertThat(yesterday.getStatusCode().value() == 404 || rows(yesterday.getBody()).stream()
                .noneMatch(r -> goal.equals(r.get("goalId")))).as("%s", yesterday.getBody()).isTrue();

        for (String path : List.of(report(), "/api/plans/" + plan + "/reports/activity-follow-up?x=1",
                "/api/reports/register?x=1", "/api/reports/procurement?x=1", "/api/reports/participation?x=1")) {
            String base = path.replace("?x=1&", "?").replace("?x=1", "?");
            String separator = base.endsWith("?") ? "" : "&";
            ResponseEntity<Map<String, Object>> byDate = get(COMMITTEE, base + separator + "asOf=" + today);
            assertThat(byDate.getStatusCode()).as("%s with a date: %s", path, byDate.getBody())
                    .isEqualTo(HttpStatus.OK);
            ResponseEntity<Map<String, Object>> byTimestamp = get(COMMITTEE, base + separator + "asOf="
                    + Instant.now());
            assertThat(byTimestamp.getStatusCode()).as("%s with a timestamp", path).isEqualTo(HttpStatus.OK);
            ResponseEntity<Map<String, Object>> bad = get(COMMITTEE, base + separator + "asOf=31/3/2024");
            assertThat(bad.getStatusCode()).as("%s with a bad value", path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(String.valueOf(bad.getBody().get("detail"))).as(path)
                    .contains("asOf", "timestamp such as 2024-03-31T", "date such as 2024-03-31",
                            "end of that day, Swedish time");
        }

        // the API description says both forms
        Map<String, Object> docs = get(null, "/v3/api-docs").getBody();
        Map<String, Object> operation = map(map(map(docs.get("paths"))
                .get("/api/plans/{planId}/reports/yearly-goals")).get("get"));
        Map<String, Object> asOf = ((List<?>) operation.get("parameters")).stream().map(HistoryIT::map)
                .filter(parameter -> "asOf".equals(parameter.get("name"))).findFirst().orElseThrow();
        assertThat((String) asOf.get("description")).contains("timestamp", "date", "end of that day");
        assertThat(map(asOf.get("schema"))).containsEntry("type", "string").doesNotContainKey("format");
    }

    @Test
    void anEnterprisesAndAPartysHistoriesAreTheirOwnStreamsAndTheirEventsAnswerTheirRecord() {
        String enterprise = "it-historik-asf-" + suffix;
        created(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "Kafé Historiken %s",
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"], "municipality": "Testkommun",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2022-01-10"}""".formatted(enterprise,
                organisationNumber(), suffix)));
        ok(post(COORDINATOR, "/api/enterprises/" + enterprise + "/integrationspakten/invitations",
                "{\"occurredOn\": \"2023-02-01\"}"));
        String invitation = jdbc.queryForObject("select event_identifier from domain_event_entry where "
                + "aggregate_identifier = ? and payload_type like '%InvitedToIntegrationspaktenEvent'", String.class,
                enterprise);
        ok(post(COORDINATOR, "/api/enterprises/" + enterprise + "/retractions",
                "{\"eventId\": \"%s\", \"reason\": \"Fel företag\"}".formatted(invitation)));

        List<Map<String, Object>> events = events(get(AUDITOR, "/api/history/enterprise/" + enterprise).getBody());
        assertThat(events).extracting(event -> event.get("type")).containsExactly("SocialEnterpriseRegisteredEvent",
                "InvitedToIntegrationspaktenEvent", "EnterpriseFactRetractedEvent");
        assertThat(events.get(0)).containsEntry("name", "Företaget registrerades")
                .containsEntry("businessDate", "2022-01-10");
        assertThat(events.get(1)).containsEntry("retractedBy", events.get(2).get("eventId"))
                .containsEntry("businessDate", "2023-02-01");
        assertThat(events.get(2)).containsEntry("retracts", invitation);
        Map<String, Object> answer = get(COORDINATOR, "/api/events/" + invitation).getBody();
        assertThat(record(answer)).containsEntry("kind", "enterprise").containsEntry("id", enterprise)
                .containsEntry("planId", null).containsEntry("history", "/api/history/enterprise/" + enterprise);
        // an enterprise's id is no plan's: the same id asked as another kind has no history
        assertThat(get(AUDITOR, "/api/history/plan/" + enterprise).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String party = "it-historik-part-" + suffix;
        created(post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "Historiknämnden %s", "kind": "COMMITTEE", "municipality": "Testkommun",
                 "occurredOn": "2015-01-01"}""".formatted(party, suffix)));
        List<Map<String, Object>> partyEvents = events(get(AUDITOR, "/api/history/party/" + party).getBody());
        assertThat(partyEvents).isNotEmpty().allSatisfy(event -> assertThat(event)
                .containsEntry("aggregateId", party).containsEntry("recordedBy", COORDINATOR)
                .containsEntry("retractable", false));
        assertThat(partyEvents.get(0)).containsEntry("type", "PartyRegisteredEvent");
        assertThat(record(get(AUDITOR, "/api/events/" + partyEvents.get(0).get("position")).getBody()))
                .containsEntry("kind", "party").containsEntry("id", party);
    }

    /** A fresh organisation number of a legal person with a correct Luhn digit. */
    private static String organisationNumber() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("55").append(2 + random.nextInt(8));
        while (digits.length() < 9) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        digits.append((10 - sum % 10) % 10);
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    // ---------------------------------------------------------------------------------------------- scenario

    private void adoptPlanWithActivityAndGoal() {
        created(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan för granskning", "municipality": "Granskningskommun %s",
                 "adoption": {"body": "KS"}, "adoptedOn": "2021-03-01", "period": {"fromYear": 2021, "toYear": 2024}}"""
                .formatted(plan, suffix)));
        created(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "Nätverkande", "occurredOn": "2021-03-01"}"""));
        created(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "%s", "areaId": "natverk", "kind": "ACTIVITY",
                 "title": "Ta fram en aktivitetsplan", "responsibility": {"lead": "SLK"},
                 "occurredOn": "2021-03-01"}""".formatted(activity)));
        created(post(COORDINATOR, "/api/plans/" + plan + "/goals", """
                {"goalId": "%s", "year": 2023, "kind": "SHARE", "measure": null, "indicator": "Andel i enkäten",
                 "target": {"comparator": "AT_LEAST", "value": 10, "unit": "%%"}, "activityId": null,
                 "decision": {"body": "KS"}, "occurredOn": "2022-01-10"}""".formatted(goal)));
    }

    private String progress() {
        return "/api/plans/" + plan + "/activities/" + activity + "/progress-reports";
    }

    private String outcomes() {
        return "/api/plans/" + plan + "/goals/" + goal + "/outcomes";
    }

    private String report() {
        return "/api/plans/" + plan + "/reports/yearly-goals?year=2023";
    }

    private Map<String, Object> awaitGoalRow(String query, java.util.function.Predicate<List<String>> ready) {
        Map<String, Object> report = awaitResource(COMMITTEE, report() + query, body -> rows(body).stream()
                .anyMatch(r -> goal.equals(r.get("goalId")) && ready.test(eventIds(r))));
        return rows(report).stream().filter(r -> goal.equals(r.get("goalId"))).findFirst().orElseThrow();
    }

    private String eventIdOf(String type, int n) {
        return jdbc.queryForList("select event_identifier from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ? order by sequence_number", String.class, plan, "%$" + type).get(n);
    }

    private long position(String eventId) {
        return jdbc.queryForObject("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, eventId);
    }

    private static void ok(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    }

    private static void created(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> history) {
        return (List<Map<String, Object>>) history.get("events");
    }

    private static Map<String, Object> event(Map<String, Object> answer) {
        return map(answer.get("event"));
    }

    private static Map<String, Object> record(Map<String, Object> answer) {
        return map(answer.get("record"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventIds(Map<String, Object> row) {
        return (List<String>) row.get("eventIds");
    }
}
