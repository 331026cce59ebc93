package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.web.report.Csv;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The activity follow-up over HTTP on PostgreSQL: a coordinator records two batches of changes with a moment T
 * between them; the report now, as recorded at T, for a business-date range, per area and per lead, as JSON and
 * CSV; and the read model survives redelivery and a full replay unchanged.
 */
class ActivityFollowUpIT extends PostgresApiTest {

    private static final String AMN = "Arbetsmarknadsnämnden (AMN)";
    private static final String SBR = "Stockholm Business Region (SBR)";
    private static final String SLK = "Stadsledningskontoret (SLK)";

    private final String plan = "it-followup-" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "/api/plans/" + plan;
    private final String report = base + "/reports/activity-follow-up";

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    @SuppressWarnings("unchecked")
    void answersAsRecordedNowAndAsRecordedAtAnEarlierMoment() throws InterruptedException {
        recordPlanWithThreeActivities();
        ok(post(COORDINATOR, base + "/activities/bjuda-in/start", """
                {"occurredOn": "2021-04-01"}"""));
        ok(post(COORDINATOR, base + "/activities/bjuda-in/progress-reports", """
                {"note": "12 av 20 kända ASF inbjudna", "occurredOn": "2021-09-30"}"""));
        awaitCaughtUp();
        Thread.sleep(50);
        Instant shownToTheCommittee = Instant.now();
        Thread.sleep(50);
        ok(post(COORDINATOR, base + "/activities/bjuda-in/progress-reports", """
                {"note": "20 av 20 kända ASF inbjudna", "occurredOn": "2022-03-01"}"""));
        ok(post(COORDINATOR, base + "/activities/bjuda-in/progress-reports", """
                {"note": "Sent inrapporterad, äldre", "occurredOn": "2021-06-01"}"""));
        ok(post(COORDINATOR, base + "/activities/bjuda-in/responsibility", """
                {"responsibility": {"lead": "%s", "involved": []}, "reason": "SBR tar över",
                 "occurredOn": "2022-04-01"}""".formatted(SBR)));
        ok(post(COORDINATOR, base + "/activities/bjuda-in/complete", """
                {"note": "Alla kända ASF inbjudna", "occurredOn": "2022-05-31"}"""));
        ok(post(COORDINATOR, base + "/activities/reserverad-upphandling/start", """
                {"occurredOn": "2022-01-10"}"""));
        ok(post(COORDINATOR, base + "/activities/reserverad-upphandling/reschedule", """
                {"timeline": {"fromYear": 2021}, "reason": "Löpande från 2021",
                 "occurredOn": "2022-02-01"}"""));
        ok(post(COORDINATOR, base + "/activities/rundabord/cancel", """
                {"reason": "Ersätts av arbetsmöten", "occurredOn": "2022-06-01"}"""));
        long position = awaitCaughtUp();

        Map<String, Object> now = get(COMMITTEE, report).getBody();
        assertThat(((Number) now.get("position")).longValue()).isEqualTo(position);
        assertThat(Instant.parse((String) now.get("generatedAt"))).isAfter(shownToTheCommittee);
        assertThat(now).containsEntry("asOf", null).containsEntry("groupBy", "area")
                .containsEntry("lateAsOf", LocalDate.now(BusinessCalendar.ZONE).toString());
        assertThat(now.get("plan")).isEqualTo(Map.of("planId", plan, "title", "Handlingsplan för ASF",
                "municipality", "Testkommun", "period", Map.of("fromYear", 2021, "toYear", 2024)));
        List<Map<String, Object>> areas = rows(now);
        assertThat(areas).extracting(area -> area.get("key")).containsExactly("natverkande", "upphandling");
        assertThat(areas.get(0).get("counts")).isEqualTo(counts(0, 0, 1, 1, 0));
        Map<String, Object> invitation = activity(now, "bjuda-in");
        assertThat(invitation).containsEntry("status", "COMPLETED").containsEntry("late", false)
                .containsEntry("latestNote", "20 av 20 kända ASF inbjudna").containsEntry("latestNoteOn", "2022-03-01")
                .containsEntry("closedOn", "2022-05-31").containsEntry("closingNote", "Alla kända ASF inbjudna")
                .containsEntry("areaName", "Nätverkande").containsEntry("lastRecordedBy", COORDINATOR)
                .containsEntry("responsibility", Map.of("lead", SBR, "coLeads", List.of(), "allCommittees", false, "involved", List.of()));
        Map<String, Object> procurement = activity(now, "reserverad-upphandling");
        assertThat(procurement).containsEntry("status", "STARTED").containsEntry("late", false);
        assertThat((Map<String, Object>) procurement.get("timeline")).containsEntry("fromYear", 2021).containsEntry("toYear", null);
        assertThat(activity(now, "rundabord")).containsEntry("status", "CANCELLED");

        Map<String, Object> then = get(AUDITOR, report + "?asOf=" + shownToTheCommittee).getBody();
        assertThat(then).containsEntry("asOf", shownToTheCommittee.toString());
        assertThat(activity(then, "bjuda-in")).containsEntry("status", "STARTED")
                .containsEntry("latestNote", "12 av 20 kända ASF inbjudna").containsEntry("latestNoteOn", "2021-09-30")
                .containsEntry("closedOn", null)
                .containsEntry("responsibility", Map.of("lead", AMN, "coLeads", List.of(), "allCommittees", false,
                        "involved", List.of(SBR)));
        assertThat(activity(then, "reserverad-upphandling")).containsEntry("status", "NOT_STARTED")
                .containsEntry("timeline", Map.of("fromYear", 2021, "toYear", 2023));
        assertThat(activity(then, "rundabord")).containsEntry("status", "NOT_STARTED");

        Map<String, Object> endOf2021 = get(COMMITTEE, report + "?to=2021-12-31").getBody();
        assertThat(endOf2021).containsEntry("lateAsOf", "2021-12-31");
        assertThat(activity(endOf2021, "bjuda-in")).containsEntry("status", "STARTED").containsEntry("late", false)
                .containsEntry("latestNote", "12 av 20 kända ASF inbjudna");
        Map<String, Object> early2023 = get(COMMITTEE, report + "?asOf=" + shownToTheCommittee + "&to=2023-01-31")
                .getBody();
        assertThat(activity(early2023, "bjuda-in")).containsEntry("status", "STARTED").containsEntry("late", true);
        assertThat(rows(early2023).get(0).get("counts")).isEqualTo(counts(1, 1, 0, 0, 1));
        Map<String, Object> only2023 = get(COMMITTEE, report + "?from=2023-01-01&to=2023-12-31").getBody();
        assertThat(activity(only2023, "bjuda-in")).containsEntry("status", "COMPLETED")
                .containsEntry("latestNote", null);
        Map<String, Object> year2022 = get(COMMITTEE, report + "?year=2022").getBody();
        assertThat(year2022).as("a past report year is judged at its end, not today")
                .containsEntry("from", "2022-01-01").containsEntry("to", "2022-12-31")
                .containsEntry("lateAsOf", "2022-12-31");
        Map<String, Object> year2021 = get(COMMITTEE, report + "?year=2021").getBody();
        assertThat(year2021).containsEntry("lateAsOf", "2021-12-31");
        assertThat(activity(year2021, "bjuda-in")).containsEntry("late", false);
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).getYear();
        Map<String, Object> currentYear = get(COMMITTEE, report + "?year=" + thisYear).getBody();
        assertThat(currentYear).as("the current year is judged today").containsEntry("to", null)
                .containsEntry("from", thisYear + "-01-01");

        List<Map<String, Object>> leadsNow = rows(get(COMMITTEE, report + "?groupBy=lead").getBody());
        assertThat(leadsNow).extracting(group -> group.get("name")).containsExactly(SLK, SBR);
        assertThat(leadsNow.get(1).get("counts")).isEqualTo(counts(0, 1, 1, 0, 0));
        List<Map<String, Object>> leadsThen = rows(get(COMMITTEE, report + "?groupBy=lead&asOf="
                + shownToTheCommittee).getBody());
        assertThat(leadsThen).extracting(group -> group.get("name")).containsExactly(AMN, SLK, SBR);
        assertThat(leadsThen.get(0).get("counts")).isEqualTo(counts(0, 1, 0, 0, 1));
    }

    @Test
    void answersCsvWithOneLinePerActivityAndTheAnswersFactsInHeaders() {
        recordPlanWithThreeActivities();
        ok(post(COORDINATOR, base + "/activities/bjuda-in/start", """
                {"occurredOn": "2021-04-01"}"""));
        ok(post(COORDINATOR, base + "/activities/bjuda-in/progress-reports", """
                {"note": "Inbjudningar, del 1, klar", "occurredOn": "2021-09-30"}"""));
        long position = awaitCaughtUp();

        ResponseEntity<byte[]> csv = http.withBasicAuth(COMMITTEE, COMMITTEE)
                .getForEntity(report + "?format=csv&to=2021-12-31", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getFirst(Csv.POSITION_HEADER)).isEqualTo(String.valueOf(position));
        assertThat(Instant.parse(csv.getHeaders().getFirst(Csv.GENERATED_AT_HEADER))).isBefore(Instant.now());
        String[] lines = new String(csv.getBody(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("\uFEFFarea,activity,kind,title,lead,involved,timelineFrom,timelineTo,status,"
                + "late,latestNote,latestNoteOn,startedOn,closedOn,closingNote,lastRecordedAt,lastRecordedBy");
        assertThat(lines[1]).startsWith("Nätverkande,bjuda-in,ACTIVITY,Bjuda in samtliga kända ASF till "
                + "Integrationspakten," + AMN + "," + SBR + ",2021,2022,STARTED,false,\"Inbjudningar, del 1, klar\","
                + "2021-09-30,2021-04-01,,,").endsWith(",coordinator");
        assertThat(lines[2]).startsWith("Nätverkande,rundabord,LARGER_STEP,");
        assertThat(lines[3]).startsWith("Inköp och upphandling,reserverad-upphandling,");

        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<byte[]> negotiated = http.withBasicAuth(AUDITOR, AUDITOR)
                .exchange(report + "?groupBy=lead", HttpMethod.GET, new HttpEntity<>(accept), byte[].class);
        assertThat(negotiated.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(new String(negotiated.getBody(), StandardCharsets.UTF_8).split("\r\n")).hasSize(4);
    }

    @Test
    void refusesUnknownPlansAndBadParameters() {
        recordPlanWithThreeActivities();
        awaitCaughtUp();

        assertThat(get(COMMITTEE, "/api/plans/no-such-plan/reports/activity-follow-up").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> beforeAdoption = get(COMMITTEE, report + "?asOf=2000-01-01T00:00:00Z");
        assertThat(beforeAdoption.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) beforeAdoption.getBody().get("detail")).contains("was recorded at 2000-01-01T00:00:00Z");

        assertBadParameter(report + "?asOf=yesterday", "asOf");
        assertBadParameter(report + "?groupBy=district", "groupBy");
        assertBadParameter(report + "?format=xlsx", "format");
        assertBadParameter(report + "?to=31/12/2021", "to");
        ResponseEntity<Map<String, Object>> reversed = get(COMMITTEE, report + "?from=2022-01-01&to=2021-12-31");
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) reversed.getBody().get("detail")).contains("from (2022-01-01) must not lie after to");
    }

    @Test
    void answersTheSameAfterRedeliveryAndAfterAFullReplay() {
        recordPlanWithThreeActivities();
        ok(post(COORDINATOR, base + "/activities/bjuda-in/start", """
                {"occurredOn": "2021-04-01"}"""));
        ok(post(COORDINATOR, base + "/activities/bjuda-in/progress-reports", """
                {"note": "12 av 20 kända ASF inbjudna", "occurredOn": "2021-09-30"}"""));
        ok(post(COORDINATOR, base + "/activities/rundabord/cancel", """
                {"reason": "Ersätts av arbetsmöten", "occurredOn": "2022-06-01"}"""));
        awaitCaughtUp();
        Map<String, Object> before = withoutGenerationTime(get(COMMITTEE, report + "?groupBy=lead").getBody());
        long facts = factCount();

        StreamingEventProcessor processor = processing
                .eventProcessor("activity-followup", StreamingEventProcessor.class).orElseThrow();
        long beforeThisPlan = jdbc.queryForObject(
                "select min(global_index) - 1 from domain_event_entry where aggregate_identifier = ?", Long.class, plan);
        processor.shutDown();
        // rewind the tokens without the reset handler: every event is delivered again to the filled table
        jdbc.update("update token_entry set token = ?, token_type = ? where processor_name = ?",
                ("{\"index\":" + beforeThisPlan + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8),
                "org.axonframework.eventhandling.GapAwareTrackingToken", "activity-followup");
        processor.start();
        awaitCaughtUp();
        assertThat(factCount()).isEqualTo(facts);
        assertThat(withoutGenerationTime(get(COMMITTEE, report + "?groupBy=lead").getBody())).isEqualTo(before);

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(Duration.ofMinutes(3));
        assertThat(factCount()).isEqualTo(facts);
        assertThat(withoutGenerationTime(get(COMMITTEE, report + "?groupBy=lead").getBody())).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void isDescribedInTheOpenApiDocumentWithItsParameters() {
        Map<String, Object> paths = (Map<String, Object>) get(null, "/v3/api-docs").getBody().get("paths");
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>)
                paths.get("/api/plans/{planId}/reports/activity-follow-up")).get("get");
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.get("parameters");
        assertThat(parameters).extracting(parameter -> parameter.get("name"))
                .containsExactlyInAnyOrder("planId", "groupBy", "asOf", "from", "to", "year", "generation",
                        "format", "Accept");
        Map<String, Object> groupBy = parameters.stream().filter(parameter -> "groupBy".equals(parameter.get("name")))
                .findFirst().orElseThrow();
        assertThat((Map<String, Object>) groupBy.get("schema")).containsEntry("type", "string")
                .containsEntry("enum", List.of("area", "lead"));
    }

    private void recordPlanWithThreeActivities() {
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Handlingsplan för ASF", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen", "reference": "KS 2021/17"},
                 "adoptedOn": "2021-03-01", "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        created(post(COORDINATOR, base + "/areas", """
                {"areaId": "natverkande", "name": "Nätverkande", "occurredOn": "2021-03-01"}"""));
        created(post(COORDINATOR, base + "/areas", """
                {"areaId": "upphandling", "name": "Inköp och upphandling", "occurredOn": "2021-03-01"}"""));
        created(post(COORDINATOR, base + "/activities", """
                {"activityId": "bjuda-in", "areaId": "natverkande", "kind": "ACTIVITY",
                 "title": "Bjuda in samtliga kända ASF till Integrationspakten",
                 "responsibility": {"lead": "%s", "involved": ["%s"]},
                 "timeline": {"fromYear": 2021, "toYear": 2022}, "occurredOn": "2021-03-02"}""".formatted(AMN, SBR)));
        created(post(COORDINATOR, base + "/activities", """
                {"activityId": "rundabord", "areaId": "natverkande", "kind": "LARGER_STEP",
                 "title": "Rundabordssamtal", "responsibility": {"lead": "%s"}, "occurredOn": "2021-03-02"}"""
                .formatted(SLK)));
        created(post(COORDINATOR, base + "/activities", """
                {"activityId": "reserverad-upphandling", "areaId": "upphandling", "kind": "STEERING_POSSIBILITY",
                 "title": "Minst en reserverad upphandling per år", "responsibility": {"lead": "%s"},
                 "timeline": {"fromYear": 2021, "toYear": 2023}, "occurredOn": "2021-03-02"}""".formatted(SBR)));
    }

    /** Waits until the report's position is the event store's last position, and returns it. */
    private long awaitCaughtUp() {
        return awaitCaughtUp(Duration.ofSeconds(20));
    }

    private long awaitCaughtUp(Duration atMost) {
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            ResponseEntity<Map<String, Object>> answer = get(COMMITTEE, report);
            return answer.getStatusCode().is2xxSuccessful() && answer.getBody().get("position") != null
                    && ((Number) answer.getBody().get("position")).longValue() == last;
        });
        return last;
    }

    private long factCount() {
        return jdbc.queryForObject("select count(*) from activity_followup_fact", Long.class);
    }

    private void assertBadParameter(String path, String parameter) {
        ResponseEntity<Map<String, Object>> answer = get(COMMITTEE, path);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<?>) answer.getBody().get("errors")).singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("field", parameter);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("rows");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> activity(Map<String, Object> answer, String activityId) {
        return rows(answer).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("activities")).stream())
                .filter(activity -> activityId.equals(activity.get("activityId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no activity " + activityId + " in " + answer));
    }

    private static Map<String, Object> counts(int notStarted, int started, int completed, int cancelled, int late) {
        return Map.of("notStarted", notStarted, "started", started, "completed", completed, "cancelled", cancelled,
                "late", late);
    }

    private static Map<String, Object> withoutGenerationTime(Map<String, Object> answer) {
        Map<String, Object> copy = new java.util.HashMap<>(answer);
        copy.remove("generatedAt");
        return copy;
    }

    private static void ok(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    }

    private static void created(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}
