package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.web.api.EnterpriseApiIT.assertBadRequest;
import static se.asfplan.web.api.EnterpriseApiIT.assertRefused;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Meetings over HTTP on PostgreSQL: a held meeting and a participant correction stored with the recording user
 * and read back, drilled down from the plan activity it carries out; every rule refused with its code and nothing
 * written.
 */
class MeetingApiIT extends PostgresApiTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String plan = "it-meeting-plan-" + suffix;
    private final String meeting = "it-dialogforum-" + suffix;
    private final String base = "/api/meetings/" + meeting;
    private final String kompassen = "it-kompassen-" + suffix;
    private final String vaveriet = "it-vaveriet-" + suffix;
    private final String cykelkoket = "it-cykelkoket-" + suffix;

    @BeforeEach
    void participatingEnterprises() {
        for (String enterprise : List.of(kompassen, vaveriet, cykelkoket)) {
            assertStatus(post(COORDINATOR, "/api/enterprises", """
                    {"enterpriseId": "%s", "name": "ASF %s", "legalForm": "ENSKILD_FIRMA", "municipality": "Stockholm",
                     "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                                  "independentOfPublicSector": true}, "occurredOn": "2021-01-04"}"""
                    .formatted(enterprise, enterprise)), HttpStatus.CREATED);
        }
    }

    @Test
    void recordsAMeetingAndACorrectionAndReadsThemBack() {
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "inkop", "name": "Inköp och upphandling", "occurredOn": "2021-03-01"}"""),
                HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "dialogforum", "areaId": "inkop", "kind": "ACTIVITY",
                 "title": "Dialogforum mellan inköpare och ASF", "responsibility": {"lead": "Serviceförvaltningen"},
                 "occurredOn": "2021-03-02"}"""), HttpStatus.CREATED);

        ResponseEntity<Map<String, Object>> recorded = post(COORDINATOR, "/api/meetings", """
                {"meetingId": "%s", "kind": "DIALOGUE_FORUM", "title": "Dialogforum om livsmedel",
                 "organiser": "Serviceförvaltningen", "participants": ["%s", "%s"],
                 "occurredOn": "2022-03-15", "carriesOut": {"planId": "%s", "activityId": "dialogforum"}}"""
                .formatted(meeting, kompassen, vaveriet, plan));
        assertStatus(recorded, HttpStatus.CREATED);
        assertThat(recorded.getHeaders().getLocation()).hasToString(base);
        assertStatus(post(COORDINATOR, base + "/participant-corrections", """
                {"participants": ["%s", "%s"], "reason": "Fel företag antecknat",
                 "occurredOn": "2022-03-20"}""".formatted(kompassen, cykelkoket)), HttpStatus.OK);

        List<StoredEvent> events = storedEvents(meeting);
        assertThat(events).extracting(StoredEvent::simpleType)
                .containsExactly("MeetingHeldEvent", "MeetingParticipantsCorrectedEvent");
        assertThat(events).allSatisfy(event -> assertThat(event.metaData())
                .contains("\"recordedBy\":\"coordinator\"", "\"recordedVia\":\"rest-api\""));
        assertThat(events.get(0).payload()).contains("\"participants\":[\"" + kompassen + "\",\"" + vaveriet + "\"]",
                "\"occurredOn\":\"2022-03-15\"", "\"kind\":\"DIALOGUE_FORUM\"");

        Map<String, Object> view = awaitResource(AUDITOR, base, body -> ((Number) body.get("version")).intValue() == 1);
        assertThat(view).containsEntry("title", "Dialogforum om livsmedel").containsEntry("occurredOn", "2022-03-15")
                .containsEntry("participants", List.of(kompassen, cykelkoket))
                .containsEntry("correctedOn", "2022-03-20").containsEntry("correctionReason", "Fel företag antecknat")
                .containsEntry("carriesOut", Map.of("planId", plan, "activityId", "dialogforum"));

        // the facts under the activity come from the meetings' read model, which follows the log within moments
        assertThat(awaitResource(AUDITOR, "/api/plans/" + plan + "/activities/dialogforum/facts",
                        body -> body.get("meetings") instanceof List<?> held && !held.isEmpty()))
                .extractingByKey("meetings", InstanceOfAssertFactories.LIST).singleElement()
                .satisfies(held -> assertThat(EnterpriseApiIT.map(held)).containsEntry("meetingId", meeting));
        assertThat(getList(AUDITOR, "/api/meetings?kind=DIALOGUE_FORUM&participant=" + cykelkoket).getBody())
                .extracting(summary -> summary.get("meetingId")).contains(meeting);
        assertThat(getList(AUDITOR, "/api/meetings?participant=" + vaveriet).getBody())
                .extracting(summary -> summary.get("meetingId")).doesNotContain(meeting);
    }

    @Test
    void refusesEachMeetingRuleWithItsCodeAndRecordsNothing() {
        assertStatus(post(COORDINATOR, "/api/enterprises/" + cykelkoket + "/closure", """
                {"reason": "Avvecklad", "occurredOn": "2022-03-14"}"""), HttpStatus.OK);
        long before = eventCount();
        assertRefused(post(COORDINATOR, "/api/meetings", meetingJson(meeting, quoted(vaveriet, vaveriet),
                "2022-03-15")), HttpStatus.UNPROCESSABLE_ENTITY, "participants-must-be-distinct");
        assertRefused(post(COORDINATOR, "/api/meetings", meetingJson(meeting, quoted(vaveriet, "okant-ab-" + suffix),
                "2022-03-15")), HttpStatus.NOT_FOUND, "participant-must-be-registered");
        assertRefused(post(COORDINATOR, "/api/meetings", meetingJson(meeting, quoted(cykelkoket), "2022-03-15")),
                HttpStatus.UNPROCESSABLE_ENTITY, "participant-must-not-have-closed-before-the-meeting");
        assertRefused(post(COORDINATOR, "/api/meetings", """
                {"kind": "TENDER_SCHOOL", "title": "Anbudsskola", "organiser": "SBR", "participants": [],
                 "carriesOut": {"planId": "%s", "activityId": "finns-inte"}}""".formatted(plan)),
                HttpStatus.NOT_FOUND, "carried-out-activity-must-exist");
        assertRefused(post(COORDINATOR, "/api/meetings", meetingJson(meeting, "[]", "2999-01-01")),
                HttpStatus.UNPROCESSABLE_ENTITY, "date-must-not-lie-in-the-future");
        assertRefused(post(COORDINATOR, "/api/meetings/no-such-meeting/participant-corrections", """
                {"participants": [], "reason": "Rättelse"}"""), HttpStatus.NOT_FOUND, "meeting-must-be-recorded-first");
        assertThat(eventCount()).isEqualTo(before);

        assertStatus(post(COORDINATOR, "/api/meetings", meetingJson(meeting, quoted(vaveriet), "2022-03-15")),
                HttpStatus.CREATED);
        long afterRecording = eventCount();
        assertRefused(post(COORDINATOR, "/api/meetings", meetingJson(meeting, "[]", "2022-03-15")),
                HttpStatus.CONFLICT, "meeting-can-be-recorded-once");
        assertRefused(post(COORDINATOR, base + "/participant-corrections", """
                {"participants": ["%s"], "reason": "Rättelse"}""".formatted(vaveriet)), HttpStatus.UNPROCESSABLE_ENTITY,
                "participant-correction-must-change-participants");
        assertRefused(post(COORDINATOR, base + "/participant-corrections", """
                {"participants": [], "reason": "Rättelse", "occurredOn": "2022-03-14"}"""),
                HttpStatus.UNPROCESSABLE_ENTITY, "correction-must-not-precede-meeting");
        assertThat(eventCount()).isEqualTo(afterRecording);
    }

    @Test
    void refusesAMeetingIdThatAlreadyNamesAnotherRecordsHistory() {
        List<StoredEvent> enterpriseEvents = storedEvents(kompassen);
        assertRefused(post(COORDINATOR, "/api/meetings", meetingJson(kompassen, "[]", "2022-03-15")),
                HttpStatus.CONFLICT, "id-must-not-name-another-record");
        assertRefused(post(COORDINATOR, "/api/meetings/" + kompassen + "/participant-corrections", """
                {"participants": [], "reason": "Rättelse"}"""), HttpStatus.CONFLICT, "id-must-not-name-another-record");
        assertThat(storedEvents(kompassen)).isEqualTo(enterpriseEvents);
    }

    @Test
    void namesBadFieldsOfAMeeting() {
        long before = eventCount();
        assertBadRequest(post(COORDINATOR, "/api/meetings", """
                {"kind": "PICNIC", "title": "T", "organiser": "O"}"""), "kind");
        assertBadRequest(post(COORDINATOR, "/api/meetings", """
                {"kind": "ROUND_TABLE", "title": " ", "participants": ["Not A Slug"]}"""), "participants[0]");
        assertBadRequest(post(COORDINATOR, "/api/meetings", """
                {"kind": "ROUND_TABLE", "title": " "}"""), "title", "organiser");
        assertThat(eventCount()).isEqualTo(before);
    }

    private static String meetingJson(String meetingId, String participants, String occurredOn) {
        return """
                {"meetingId": "%s", "kind": "ROUND_TABLE", "title": "Rundabordssamtal", "organiser": "SLK",
                 "participants": %s, "occurredOn": "%s"}""".formatted(meetingId, participants, occurredOn);
    }

    private static String quoted(String... enterprises) {
        return java.util.Arrays.stream(enterprises).map(id -> "\"" + id + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static void assertStatus(ResponseEntity<Map<String, Object>> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
    }
}
