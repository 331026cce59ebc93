package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Bad input gets a 400 naming each bad field; a refused command gets 404/409/422 naming its rule; and neither
 * writes a single row to the event store.
 */
class RefusalsAndBadInputIT extends PostgresApiTest {

    private final String plan = "it-refusals-" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "/api/plans/" + plan;

    @BeforeEach
    void planWithAStartedActivity() {
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        post(COORDINATOR, base + "/areas", """
                {"areaId": "omrade", "name": "Område", "occurredOn": "2021-03-01"}""");
        post(COORDINATOR, base + "/activities", """
                {"activityId": "aktivitet", "areaId": "omrade", "kind": "ACTIVITY", "title": "Aktivitet",
                 "responsibility": {"lead": "AMN"}, "occurredOn": "2021-03-01"}""");
        assertThat(post(COORDINATOR, base + "/activities/aktivitet/start", """
                {"occurredOn": "2021-04-01"}""").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void namesEveryMissingFieldAndRecordsNothing() {
        long before = eventCount();
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, base + "/goals", """
                {"goalId": "mal", "year": 2022}""");
        assertBadRequest(response, "kind", "indicator", "target", "decision");
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void namesAFieldWhoseValueBreaksItsTypesRule() {
        assertBadRequest(post(COORDINATOR, base + "/activities", """
                {"activityId": "Bad Id!", "areaId": "omrade", "kind": "ACTIVITY", "title": "X",
                 "responsibility": {"lead": "AMN"}}"""), "activityId");
        assertBadRequest(post(COORDINATOR, base + "/activities/aktivitet/reschedule", """
                {"timeline": {"fromYear": 2023, "toYear": 2022}, "reason": "r"}"""), "timeline");
        assertBadRequest(post(COORDINATOR, base + "/goals", """
                {"goalId": "mal", "year": 2022, "kind": "COUNT", "indicator": "i",
                 "target": {"comparator": "AT_LEAST", "value": -1, "unit": "st"}, "decision": {"body": "KS"}}"""),
                "target");
    }

    @Test
    void namesUnknownFieldsWrongTypesAndBadEnumsAndDates() {
        assertBadRequest(post(COORDINATOR, base + "/areas", """
                {"areaId": "ny", "name": "Ny", "colour": "red"}"""), "colour");
        assertBadRequest(post(COORDINATOR, base + "/goals", """
                {"goalId": "mal", "year": "tjugotjugotvå", "kind": "COUNT", "indicator": "i",
                 "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"}, "decision": {"body": "KS"}}"""),
                "year");
        ResponseEntity<Map<String, Object>> badKind = post(COORDINATOR, base + "/activities", """
                {"activityId": "ny", "areaId": "omrade", "kind": "PROJECT", "title": "X",
                 "responsibility": {"lead": "AMN"}}""");
        assertBadRequest(badKind, "kind");
        assertThat(badKind.getBody().get("detail").toString()).contains("LARGER_STEP").doesNotContain("se.asfplan");
        assertBadRequest(post(COORDINATOR, base + "/activities/aktivitet/progress-reports", """
                {"note": "n", "occurredOn": "31/12/2022"}"""), "occurredOn");
        assertBadRequest(post(COORDINATOR, base + "/areas", "{not json"), "");
    }

    @Test
    void namesEveryBadFieldAtOnceNotOnlyTheFirstOne() {
        long before = eventCount();
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, base + "/goals", """
                {"goalId": "x", "year": "tjugotjugotvå", "kind": "NOPE", "colour": "red",
                 "target": {"comparator": "AT_LEAST", "value": -1, "unit": "st"}}""");
        assertBadRequest(response, "goalId", "year", "kind", "colour", "target", "indicator", "decision");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void explainsABodyThatIsNoJsonObject() {
        assertBadRequest(post(COORDINATOR, base + "/areas", "[1, 2]"), "");
        assertBadRequest(post(COORDINATOR, base + "/areas", "{\"areaId\": "), "");
    }

    @Test
    void namesAnUnknownFilterValueWithoutInternals() {
        ResponseEntity<Map<String, Object>> response = get(COMMITTEE, base + "/activities?kind=PROJECT");
        assertBadRequest(response, "kind");
        assertThat(response.getBody().get("detail").toString()).contains("must be one of", "LARGER_STEP")
                .doesNotContain("se.asfplan", "No enum constant");
    }

    @Test
    @SuppressWarnings("unchecked")
    void answersInSwedishToARequestThatPrefersSwedishAndInEnglishOtherwise() {
        org.springframework.http.HttpHeaders swedish = new org.springframework.http.HttpHeaders();
        swedish.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        swedish.set("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.5");
        var coordinator = http.withBasicAuth(COORDINATOR, COORDINATOR);
        var type = new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { };

        ResponseEntity<Map<String, Object>> refused = coordinator.exchange(base + "/activities/aktivitet/start",
                HttpMethod.POST, new org.springframework.http.HttpEntity<>("{\"occurredOn\": \"2021-04-02\"}",
                        swedish), type);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("rule", "activity-can-be-started-once");
        assertThat(refused.getBody().get("detail")).isEqualTo("Aktiviteten är redan startad. En aktivitet kan bara "
                + "startas en gång. Ingenting registrerades.");

        ResponseEntity<Map<String, Object>> invalid = coordinator.exchange(base + "/goals", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>("""
                        {"goalId": "mal", "year": 2022, "occurredOn": "31/12/2022", "kind": "SOME"}""", swedish),
                type);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) invalid.getBody().get("errors"))
                .extracting(error -> error.get("field"), error -> error.get("message"))
                .contains(org.assertj.core.groups.Tuple.tuple("occurredOn",
                        "måste vara ett datum skrivet ÅÅÅÅ-MM-DD, men var '31/12/2022'"));
        assertThat((List<Map<String, String>>) invalid.getBody().get("errors")).filteredOn(error ->
                "kind".equals(error.get("field"))).singleElement()
                .satisfies(error -> assertThat(error.get("message")).startsWith("måste vara en av ["));

        ResponseEntity<Map<String, Object>> missing = coordinator.exchange(base + "/goals", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>("{\"goalId\": \"mal\", \"year\": 2022}", swedish), type);
        assertThat((List<Map<String, String>>) missing.getBody().get("errors")).extracting(error -> error.get("field"),
                error -> error.get("message")).contains(org.assertj.core.groups.Tuple.tuple("kind", "måste anges"));
        assertThat(missing.getBody().get("detail").toString()).endsWith("Ingenting registrerades.");

        ResponseEntity<Map<String, Object>> unknownParameter = coordinator.exchange("/api/plans?yaer=2023",
                HttpMethod.GET, new org.springframework.http.HttpEntity<>(swedish), type);
        assertThat(unknownParameter.getBody().get("detail").toString()).contains("yaer", "är ingen parameter");

        ResponseEntity<Map<String, Object>> english = post(COORDINATOR, base + "/activities/aktivitet/start", """
                {"occurredOn": "2021-04-02"}""");
        assertRefused(english, HttpStatus.CONFLICT, "activity-can-be-started-once");
        assertThat(english.getBody().get("detail").toString()).doesNotContain("Aktiviteten");
    }

    @Test
    void refusesAnUnknownQueryParameterNamingIt() {
        ResponseEntity<Map<String, Object>> typo = get(COMMITTEE, base + "/activities?staus=STARTED");
        assertBadRequest(typo, "staus");
        assertThat(typo.getBody().get("detail").toString()).contains("staus", "status");
        assertBadRequest(get(COMMITTEE, "/api/plans?year=2023"), "year");
        assertBadRequest(get(COORDINATOR, "/api/enterprises?name=x&q=x"), "name");
        assertBadRequest(get(COMMITTEE, base + "/reports/activity-follow-up?lateAsOf=2022-12-31"), "lateAsOf");
        // the plan read follows the recording within moments: a known parameter is answered once the plan is there
        awaitResource(COMMITTEE, base, body -> true);
        ResponseEntity<String> known = http.withBasicAuth(COMMITTEE, COMMITTEE)
                .getForEntity(base + "/activities?status=STARTED", String.class);
        assertThat(known.getStatusCode()).as("%s", known.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(get(null, "/api/plans?year=2023").getStatusCode()).as("anonymous: 401 before anything else")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void answersAMethodNoPathTakesWith405AndTheMethodsItDoesTake() {
        for (String user : List.of(COORDINATOR, AUDITOR, COMMITTEE)) {
            for (HttpMethod method : List.of(HttpMethod.DELETE, HttpMethod.PUT, HttpMethod.PATCH)) {
                ResponseEntity<Map<String, Object>> answer = exchange(user, method, base, "{}",
                        org.springframework.http.MediaType.APPLICATION_JSON, null);
                assertThat(answer.getStatusCode()).as(user + " " + method).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
                assertThat(answer.getHeaders().getAllow()).as(user + " " + method).contains(HttpMethod.GET)
                        .doesNotContain(method);
            }
        }
        ResponseEntity<Map<String, Object>> delete = exchange(COORDINATOR, HttpMethod.DELETE,
                base + "/activities/aktivitet/start", null, null, null);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(delete.getHeaders().getAllow()).containsExactly(HttpMethod.POST);
        assertThat(exchange(null, HttpMethod.DELETE, base, null, null, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(storedEvents(plan)).hasSize(4);
    }

    @Test
    void namesAnInvalidIdInThePath() {
        ResponseEntity<Map<String, Object>> response = get(COMMITTEE, "/api/plans/Not_A_Slug");
        assertBadRequest(response, "planId");
    }

    @Test
    void refusesAGoalOutsideThePlanPeriodWithItsRule() {
        long before = eventCount();
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, base + "/goals", """
                {"goalId": "mal-2026", "year": 2026, "kind": "COUNT", "indicator": "Antal",
                 "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"}, "decision": {"body": "KS"},
                 "occurredOn": "2022-01-01"}""");
        assertRefused(response, HttpStatus.UNPROCESSABLE_ENTITY, "goal-year-must-lie-within-plan-period");
        assertThat(response.getBody().get("detail").toString()).contains("2026", "2021-2024");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesStartingAStartedActivityWithItsRule() {
        long before = eventCount();
        assertRefused(post(COORDINATOR, base + "/activities/aktivitet/start", "{}"), HttpStatus.CONFLICT,
                "activity-can-be-started-once");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesAdoptingAPlanTwice() {
        assertRefused(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan igen", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)), HttpStatus.CONFLICT,
                "plan-can-be-adopted-once");
    }

    @Test
    void refusesAPlanIdThatAlreadyNamesAnotherKindOfRecord() {
        String enterprise = "it-taken-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "name": "Kafé", "legalForm": "ENSKILD_FIRMA", "linesOfBusiness": ["café"],
                 "municipality": "Stockholm", "district": "Kista",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2022-01-10"}""".formatted(enterprise)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long before = eventCount();
        assertRefused(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(enterprise)), HttpStatus.CONFLICT,
                "id-must-not-name-another-record");
        assertRefused(post(COORDINATOR, "/api/plans/" + enterprise + "/areas", """
                {"areaId": "omrade", "name": "Område"}"""), HttpStatus.CONFLICT, "id-must-not-name-another-record");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void keepsPersonalIdentityNumbersOutOfTheLog() {
        long before = eventCount();
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, base + "/activities/aktivitet/progress-reports",
                """
                {"note": "Samtal med deltagare 19811218-9876 om praktik", "occurredOn": "2022-01-10"}""");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").toString())
                .contains("must not contain a personal identity or coordination number").doesNotContain("9876");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(post(COORDINATOR, base + "/activities/aktivitet/progress-reports", """
                {"note": "Avtal med 556016-0680 klart", "occurredOn": "2022-01-10"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(exchange(COORDINATOR, org.springframework.http.HttpMethod.POST,
                base + "/activities/aktivitet/progress-reports", """
                {"note": "Uppföljning", "occurredOn": "2022-01-11"}""",
                org.springframework.http.MediaType.APPLICATION_JSON, "8112189876").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8')"
                + " like '%8112189876%'", Long.class)).isZero();
    }

    @Test
    void refusesADateInTheFuture() {
        assertRefused(post(COORDINATOR, base + "/activities/aktivitet/progress-reports", """
                {"note": "n", "occurredOn": "2999-01-01"}"""), HttpStatus.UNPROCESSABLE_ENTITY,
                "date-must-not-lie-in-the-future");
    }

    @Test
    void refusesCommandsOnUnknownPlansAndActivities() {
        long before = eventCount();
        assertRefused(post(COORDINATOR, "/api/plans/no-such-plan/areas", """
                {"areaId": "omrade", "name": "Område"}"""), HttpStatus.NOT_FOUND, "plan-must-be-adopted-first");
        assertRefused(post(COORDINATOR, base + "/activities/no-such-activity/start", "{}"), HttpStatus.NOT_FOUND,
                "activity-must-exist");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(get(COMMITTEE, "/api/plans/no-such-plan").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void letsOnlyCoordinatorsRecordAndOnlyKnownUsersRead() {
        long before = eventCount();
        String area = """
                {"areaId": "annat", "name": "Annat"}""";
        assertThat(post(null, base + "/areas", area).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(COMMITTEE, base + "/areas", area).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(AUDITOR, base + "/areas", area).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(get(null, "/api/plans").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(getList(AUDITOR, "/api/plans").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(getList(COMMITTEE, "/api/plans").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void publishesTheOpenApiDescriptionAndSwaggerUi() {
        ResponseEntity<Map<String, Object>> docs = get(null, "/v3/api-docs");
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Map<?, ?>) docs.getBody().get("paths")).keySet().stream().map(String::valueOf).toList()).contains("/api/plans", "/api/plans/import",
                "/api/plans/{planId}/activities/{activityId}/start", "/api/plans/{planId}/goals/{goalId}/revisions");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @SuppressWarnings("unchecked")
    private static void assertBadRequest(ResponseEntity<Map<String, Object>> response, String... fields) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).contains(fields);
        assertThat(errors).allSatisfy(error -> assertThat(error.get("message")).isNotBlank()
                .doesNotContain("se.asfplan", "java.", "Exception"));
    }

    private static void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String rule) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).containsEntry("rule", rule);
        assertThat(response.getBody().get("detail").toString()).contains("nothing was recorded");
    }
}
