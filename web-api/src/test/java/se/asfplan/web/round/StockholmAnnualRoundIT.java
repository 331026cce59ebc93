package se.asfplan.web.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Issue 15's "done when", on PostgreSQL: for the Stockholm plan (imported from the plan file in the repository), a
 * 2023 annual round is opened, reported by two responsible parties, reviewed (one assessment returned and submitted
 * again), reminded, closed and downloaded; a correction recorded afterwards (a revised outcome of a goal reported by
 * hand) appears in the "as known now" comparison with its cause (event id, recorded time, user), while the presented
 * report stays byte for byte the same, its SHA-256 printed here. Runs in a schema of its own, where the Stockholm
 * plan is imported once.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${TEST_DATABASE_BASE_URL:jdbc:postgresql://127.0.0.1:5432/test}"
                + "?currentSchema=${TEST_DATABASE_SCHEMA:asf_tracker_it}_rounds",
        "spring.flyway.schemas=${TEST_DATABASE_SCHEMA:asf_tracker_it}_rounds"})
class StockholmAnnualRoundIT extends PostgresApiTest {

    private static final String PLAN = "stockholm-asf-2021";
    private static final String PLAN_PATH = "/api/plans/" + PLAN;
    private static final String ROUND = "arsredovisning-2023";
    private static final String ROUND_PATH = PLAN_PATH + "/rounds/" + ROUND;
    private static final String AMN_ACTIVITY = "activity:natverk-bjuda-in-asf-till-integrationspakten";
    private static final String SLK_ACTIVITY = "activity:upphandling-reserverade-upphandlingar-arligen";
    private static final String GOAL = "goal:andel-plus-2023";

    @Test
    @SuppressWarnings("unchecked")
    void anAnnualRoundIsReportedReviewedClosedAndDownloadedAndALaterCorrectionShowsOnlyInTheComparison()
            throws Exception {
        importStockholmPlan();
        record(PLAN_PATH + "/goals", """
                {"goalId": "andel-plus-2023", "year": 2023, "kind": "SHARE", "measure": null,
                 "indicator": "Andel ASF bland Plusmedlemmar och Jobbpartners",
                 "target": {"comparator": "AT_LEAST", "value": 20, "unit": "%"},
                 "activityId": "natverk-mal-asf-bland-plusmedlemmar-jobbpartners",
                 "decision": {"body": "Kommunstyrelsen", "reference": "KS 2021/1234"}, "occurredOn": "2021-12-08"}""");
        record(PLAN_PATH + "/goals/andel-plus-2023/outcomes", """
                {"value": 18, "source": "Integrationspaktens medlemsregister 2023-12-31", "occurredOn": "2024-01-15"}""");

        // the round checks its subjects against the plan's read model, which follows the log within moments
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> getList(COMMITTEE, PLAN_PATH + "/goals?year=2023").getBody(),
                        goals -> goals != null && goals.stream().anyMatch(g -> "andel-plus-2023".equals(g.get("goalId"))));

        // open: the reporters are the plan's leads of the activities (of the goal's activity for the goal)
        ResponseEntity<Map<String, Object>> opened = post(COORDINATOR, PLAN_PATH + "/rounds", """
                {"roundId": "%s", "name": "Årsredovisning 2023", "kind": "ANNUAL", "cutOffDate": "2023-12-31",
                 "deadline": "2024-01-31", "subjects": ["%s", "%s", "%s"], "occurredOn": "2024-01-02"}"""
                .formatted(ROUND, AMN_ACTIVITY, SLK_ACTIVITY, GOAL));
        assertThat(opened.getStatusCode()).as("%s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
        assertRefused(post(COORDINATOR, PLAN_PATH + "/rounds", """
                {"roundId": "annan-omgang", "name": "Fel", "kind": "ANNUAL", "cutOffDate": "2023-12-31",
                 "deadline": "2024-01-31", "items": [{"subject": "%s", "reporter": "Någon utomstående"}]}"""
                .formatted(AMN_ACTIVITY)), HttpStatus.UNPROCESSABLE_ENTITY, "reporter-must-be-a-responsible-party");
        assertRefused(post(COORDINATOR, PLAN_PATH + "/rounds", """
                {"roundId": "annan-omgang", "name": "Fel", "kind": "ANNUAL", "cutOffDate": "2023-12-31",
                 "deadline": "2024-01-31", "subjects": ["activity:finns-inte"]}"""),
                HttpStatus.UNPROCESSABLE_ENTITY, "subject-must-belong-to-the-plan");

        Map<String, Object> round = awaitResource(COMMITTEE, ROUND_PATH, body -> items(body).size() == 3);
        String amn = reporter(round, AMN_ACTIVITY);
        String slk = reporter(round, SLK_ACTIVITY);
        assertThat(amn).contains("Arbetsmarknadsnämnden");
        assertThat(slk).contains("Stadsledningskontoret");
        assertThat(reporter(round, GOAL)).isEqualTo(amn);
        assertThat(subjects(round, "notReported")).containsExactly(AMN_ACTIVITY, SLK_ACTIVITY, GOAL);
        assertThat(round).containsEntry("pastDeadline", true);
        assertThat(subjects(round, "overdue")).containsExactly(AMN_ACTIVITY, SLK_ACTIVITY, GOAL);

        // reminders: one per party, queued once a day, delivery marked once
        Map<String, Object> reminders = get(COORDINATOR, ROUND_PATH + "/reminders").getBody();
        assertThat(list(reminders, "reminders")).extracting(reminder -> reminder.get("recipient"))
                .containsExactly(amn, slk);
        ResponseEntity<Map<String, Object>> queuing = post(COORDINATOR, ROUND_PATH + "/reminders", "{}");
        assertThat(queuing.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> queued = list(queuing.getBody(), "messages");
        assertThat(queued).hasSize(2);
        assertThat(list(post(COORDINATOR, ROUND_PATH + "/reminders", "{}").getBody(), "messages"))
                .isEqualTo(queued);
        String messageId = (String) queued.get(0).get("messageId");
        Map<String, Object> delivered = post(COORDINATOR, "/api/round-messages/" + messageId + "/delivery",
                "{\"reference\": \"smtp-4711\"}").getBody();
        Map<String, Object> deliveredAgain = post(COORDINATOR, "/api/round-messages/" + messageId + "/delivery",
                "{\"reference\": \"smtp-4712\"}").getBody();
        assertThat(delivered.get("deliveredAt")).isNotNull();
        assertThat(deliveredAgain).isEqualTo(delivered).containsEntry("deliveryReference", "smtp-4711");
        assertThat(getList(AUDITOR, "/api/round-messages?roundId=" + ROUND).getBody())
                .extracting(message -> message.get("recipient")).containsExactly(queued.get(1).get("recipient"));
        assertThat(jdbc.queryForObject("select count(*) from round_reminder_message where round_id = ? "
                + "and delivered_at is null", Long.class, ROUND)).isEqualTo(1);

        // two parties report; a reporter cannot assess what is not theirs
        assertRefused(submit(AMN_ACTIVITY, slk, "ON_TRACK", "Fel part"), HttpStatus.UNPROCESSABLE_ENTITY,
                "only-the-items-reporter-assesses");
        assertRecorded(submit(AMN_ACTIVITY, amn, "ON_TRACK", "Alla kända ASF inbjudna under året"));
        assertRecorded(submit(SLK_ACTIVITY, slk, "NOT_ON_TRACK", "=Två reserverade upphandlingar, inte tre"));
        assertRecorded(post(COORDINATOR, ROUND_PATH + "/assessments", """
                {"subject": "%s", "reporter": "%s", "status": "PARTLY_ON_TRACK", "comment": "Nära målet",
                 "figure": 18, "figureSource": "Integrationspaktens medlemsregister"}""".formatted(GOAL, amn)));

        // review: one returned, then submitted again; closing waits for it
        assertRecorded(review("returns", SLK_ACTIVITY, "Ange vilka nämnder som genomförde upphandlingarna"));
        assertRecorded(review("approvals", AMN_ACTIVITY, null));
        assertRecorded(review("approvals", GOAL, "Stämmer med registret"));
        assertRefused(review("approvals", AMN_ACTIVITY, null), HttpStatus.CONFLICT, "assessment-is-already-approved");
        assertRefused(post(COORDINATOR, ROUND_PATH + "/closing", "{}"), HttpStatus.CONFLICT,
                "round-cannot-close-with-unsettled-items");
        assertRecorded(submit(SLK_ACTIVITY, slk, "NOT_ON_TRACK",
                "=Två reserverade upphandlingar (Socialnämnden, Trafiknämnden), inte tre"));
        assertRecorded(review("approvals", SLK_ACTIVITY, null));

        // close, and the presented report as stored
        ResponseEntity<Map<String, Object>> closed = post(COORDINATOR, ROUND_PATH + "/closing",
                "{\"occurredOn\": \"2024-02-05\"}");
        assertThat(closed.getStatusCode()).as("%s", closed.getBody()).isEqualTo(HttpStatus.OK);
        assertRefused(submit(AMN_ACTIVITY, amn, "ON_TRACK", "För sent"), HttpStatus.CONFLICT, "round-is-closed");
        Map<String, Object> closedRound = awaitResource(COMMITTEE, ROUND_PATH,
                body -> ((Map<?, ?>) body.get("round")).get("closedOn") != null);
        String sha256 = (String) ((Map<?, ?>) closedRound.get("round")).get("reportSha256");

        // the round's history, as the auditor reads it: every event of the round, oldest first, with who recorded it;
        // an event looked up by its id names the round it belongs to; the CSV of every round's history lists it
        List<Map<String, Object>> history = list(get(AUDITOR, "/api/history/round/" + ROUND).getBody(), "events");
        assertThat(history).extracting(event -> event.get("type")).containsSubsequence("FollowUpRoundOpenedEvent",
                "AssessmentSubmittedEvent", "AssessmentReturnedEvent", "AssessmentApprovedEvent",
                "AssessmentSubmittedEvent", "AssessmentApprovedEvent", "FollowUpRoundClosedEvent");
        assertThat(history.get(0)).containsEntry("name", "Uppföljningsomgången öppnades")
                .containsEntry("aggregateId", ROUND).containsEntry("recordedBy", "coordinator");
        Map<String, Object> closing = history.get(history.size() - 1);
        assertThat(closing).containsEntry("type", "FollowUpRoundClosedEvent")
                .containsEntry("name", "Uppföljningsomgången stängdes och rapporten fastställdes");
        assertThat(history).allSatisfy(event -> assertThat(event).containsEntry("retractable", false));
        @SuppressWarnings("unchecked")
        Map<String, Object> owner = (Map<String, Object>) get(AUDITOR, "/api/events/" + closing.get("eventId"))
                .getBody().get("record");
        assertThat(owner).containsEntry("kind", "round").containsEntry("id", ROUND)
                .containsEntry("history", "/api/history/round/" + ROUND);
        String historyCsv = new String(Objects.requireNonNull(bytes(AUDITOR, "/api/log/history/round.csv").getBody()),
                StandardCharsets.UTF_8);
        assertThat(historyCsv).contains("round;;" + ROUND + ";" + closing.get("position") + ";"
                + closing.get("eventId") + ";Uppföljningsomgången stängdes och rapporten fastställdes;"
                + "FollowUpRoundClosedEvent");
        assertThat(get(COMMITTEE, "/api/history/round/" + ROUND).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<byte[]> presented = bytes(COMMITTEE, ROUND_PATH + "/presented-report");
        assertThat(presented.getStatusCode()).isEqualTo(HttpStatus.OK);
        byte[] presentedBytes = Objects.requireNonNull(presented.getBody());
        assertThat(sha256(presentedBytes)).isEqualTo(sha256)
                .isEqualTo(presented.getHeaders().getFirst("X-Report-SHA256"));
        String json = new String(presentedBytes, StandardCharsets.UTF_8);
        assertThat(json).contains("\"format\" : \"asf-follow-up-round-report/1\"", "\"closedBy\" : \"coordinator\"",
                "\"submittedBy\" : \"coordinator\"", "Stämmer med registret");
        assertThat(jdbc.queryForObject("select report_json from round_presented_report where round_id = ?",
                String.class, ROUND)).isEqualTo(json);
        Map<String, Object> presentedReport = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        Map<String, Object> goalThen = list(presentedReport, "goals").stream()
                .filter(goal -> "andel-plus-2023".equals(goal.get("goalId"))).findFirst().orElseThrow();
        assertThat(goalThen).containsEntry("outcome", 18).containsEntry("status", "NOT_MET");
        assertThat(list(presentedReport, "assessments")).extracting(assessment -> assessment.get("state"))
                .containsOnly("APPROVED");
        assertThat(list(presentedReport, "assessments")).filteredOn(item -> SLK_ACTIVITY.equals(item.get("subject")))
                .singleElement().satisfies(item -> assertThat(item).containsEntry("submissions", 2));

        // the log's signed checkpoint at the closing: at or after the report's position, the chain's link there,
        // and the same checkpoint the auditor downloads
        Map<?, ?> checkpoint = (Map<?, ?>) presentedReport.get("logCheckpoint");
        assertThat(checkpoint).as("the presented report names the log's checkpoint at the closing").isNotNull();
        long checkpointPosition = ((Number) checkpoint.get("position")).longValue();
        assertThat(checkpointPosition).isGreaterThanOrEqualTo(((Number) presentedReport.get("position")).longValue());
        assertThat(jdbc.queryForObject("select link from event_chain where global_index = ?", String.class,
                checkpointPosition)).isEqualTo(checkpoint.get("head"));
        ResponseEntity<byte[]> checkpoints = bytes(AUDITOR, "/api/log/checkpoints");
        assertThat(checkpoints.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(Objects.requireNonNull(checkpoints.getBody()), StandardCharsets.UTF_8))
                .contains((String) checkpoint.get("signature"));

        ResponseEntity<byte[]> csv = bytes(AUDITOR, ROUND_PATH + "/presented-report?format=csv");
        String csvText = new String(Objects.requireNonNull(csv.getBody()), StandardCharsets.UTF_8);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csvText).contains("Del;Id;Benämning;Rapportör").contains("'=Två reserverade upphandlingar")
                .contains("Loggens kontrollpunkt;" + checkpointPosition + ";" + checkpoint.get("head"))
                .doesNotContain(";=Två");
        assertThat(csv.getHeaders().getFirst("X-Report-SHA256")).isEqualTo(sha256);

        Map<String, Object> unchanged = get(COMMITTEE, ROUND_PATH + "/comparison").getBody();
        assertThat(unchanged).containsEntry("changed", false);

        // a correction after the close: a revised outcome of the goal reported by hand
        ResponseEntity<Map<String, Object>> correction = post(COORDINATOR, PLAN_PATH
                + "/goals/andel-plus-2023/outcomes", """
                {"value": 21.5, "source": "Integrationspaktens medlemsregister, rättat 2024-03-01",
                 "occurredOn": "2024-03-01"}""");
        assertThat(correction.getStatusCode().is2xxSuccessful()).as("%s", correction.getBody()).isTrue();
        @SuppressWarnings("unchecked")
        String correctionId = ((List<String>) correction.getBody().get("eventIds")).get(0);

        Map<String, Object> comparison = awaitResource(COMMITTEE, ROUND_PATH + "/comparison",
                body -> Boolean.TRUE.equals(body.get("changed")));
        Map<String, Object> goal = list(comparison, "goals").stream()
                .filter(row -> "andel-plus-2023".equals(row.get("goalId"))).findFirst().orElseThrow();
        assertThat((List<Object>) goal.get("differences")).contains("outcome", "status", "source");
        assertThat((Map<String, Object>) goal.get("presented")).containsEntry("outcome", 18);
        assertThat((Map<String, Object>) goal.get("now")).containsEntry("outcome", 21.5).containsEntry("status", "MET");
        Map<String, Object> cause = list(goal, "causes").get(0);
        assertThat(list(goal, "causes")).hasSize(1);
        assertThat(cause).containsEntry("eventId", correctionId).containsEntry("type", "GoalOutcomeReportedEvent")
                .containsEntry("recordedBy", "coordinator").containsEntry("occurredOn", "2024-03-01");
        assertThat(Instant.parse((String) cause.get("recordedAt")))
                .isAfter(Instant.parse((String) presentedReport.get("recordedAsOf")));
        assertThat(comparison).containsEntry("presentedSha256", sha256);

        // the presented report, byte for byte as before; and after the rounds read model is rebuilt from the log
        byte[] afterwards = Objects.requireNonNull(bytes(COMMITTEE, ROUND_PATH + "/presented-report").getBody());
        assertThat(afterwards).isEqualTo(presentedBytes);
        assertThat(sha256(afterwards)).isEqualTo(sha256);
        rebuild("follow-up-rounds");
        byte[] rebuilt = Objects.requireNonNull(bytes(COMMITTEE, ROUND_PATH + "/presented-report").getBody());
        assertThat(rebuilt).isEqualTo(presentedBytes);
        assertThat(get(COMMITTEE, ROUND_PATH).getBody().get("round")).isEqualTo(closedRound.get("round"));
        System.out.printf("Presented report of %s (%d bytes): SHA-256 %s; unchanged after the correction %s%n",
                ROUND, afterwards.length, sha256, correctionId);

        assertThat(post(COMMITTEE, ROUND_PATH + "/closing", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void importStockholmPlan() throws IOException {
        String yaml = new ClassPathResource("plans/stockholm-asf-2021.yaml").getContentAsString(StandardCharsets.UTF_8);
        ResponseEntity<Map<String, Object>> imported = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                yaml, MediaType.parseMediaType("application/yaml"), null);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        awaitResource(COORDINATOR, PLAN_PATH, plan -> plan.get("areas") instanceof List<?> areas && !areas.isEmpty());
    }

    private void rebuild(String group) {
        int before = ((Number) Objects.requireNonNull(get(AUDITOR, "/api/admin/projections/" + group).getBody())
                .get("activeGeneration")).intValue();
        ResponseEntity<Map<String, Object>> started = post(COORDINATOR, "/api/admin/projections/" + group
                + "/rebuilds?switchWhenCaughtUp=true", "{}");
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(AUDITOR, "/api/admin/projections/" + group).getBody(),
                        status -> status != null && ((Number) status.get("activeGeneration")).intValue() == before + 1
                                && status.get("rebuildingGeneration") == null);
    }

    private ResponseEntity<Map<String, Object>> submit(String subject, String reporter, String status,
                                                       String comment) {
        return post(COORDINATOR, ROUND_PATH + "/assessments", """
                {"subject": "%s", "reporter": "%s", "status": "%s", "comment": "%s"}"""
                .formatted(subject, reporter, status, comment));
    }

    private ResponseEntity<Map<String, Object>> review(String kind, String subject, String comment) {
        return post(COORDINATOR, ROUND_PATH + "/" + kind, comment == null
                ? "{\"subject\": \"" + subject + "\"}"
                : "{\"subject\": \"" + subject + "\", \"comment\": \"" + comment + "\"}");
    }

    private ResponseEntity<byte[]> bytes(String user, String path) {
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.GET, HttpEntity.EMPTY, byte[].class);
    }

    private void record(String path, String json) {
        assertRecorded(post(COORDINATOR, path, json));
    }

    private static void assertRecorded(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s", response.getStatusCode(),
                response.getBody()).isTrue();
    }

    private static void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String rule) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).containsEntry("rule", rule);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> status) {
        return (List<Map<String, Object>>) ((Map<String, Object>) status.get("round")).get("items");
    }

    private static String reporter(Map<String, Object> status, String subject) {
        return items(status).stream().filter(item -> subject.equals(subject(item))).findFirst()
                .map(item -> (String) item.get("reporter")).orElseThrow();
    }

    private static List<String> subjects(Map<String, Object> status, String field) {
        return list(status, field).stream().map(StockholmAnnualRoundIT::subject).toList();
    }

    private static String subject(Map<String, Object> item) {
        Map<?, ?> subject = (Map<?, ?>) item.get("subject");
        return subject.get("kind").toString().toLowerCase() + ":" + subject.get("id");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
