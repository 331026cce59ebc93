package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * The social enterprise register over HTTP on PostgreSQL: every kind of fact recorded, stored with its recording
 * user, read back; every rule refused with its code, leaving neither an event nor a register row; and a sole
 * trader's registration holding no organisation number anywhere.
 */
class EnterpriseApiIT extends PostgresApiTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String plan = "it-asf-plan-" + suffix;
    private final String enterprise = "it-asf-" + suffix;
    private final String base = "/api/enterprises/" + enterprise;
    private final String number = organisationNumber();

    @BeforeEach
    void planWithAnInvitationActivity() {
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverkande", "name": "Nätverkande", "occurredOn": "2021-03-01"}"""), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "bjuda-in-till-ip", "areaId": "natverkande", "kind": "ACTIVITY",
                 "title": "Bjuda in samtliga kända ASF till Integrationspakten",
                 "responsibility": {"lead": "Arbetsmarknadsnämnden (AMN)"}, "occurredOn": "2021-03-02"}"""),
                HttpStatus.CREATED);
    }

    @Test
    void recordsEveryKindOfEnterpriseFactAndReadsItBack() {
        String carriesOut = """
                "carriesOut": {"planId": "%s", "activityId": "bjuda-in-till-ip"}""".formatted(plan);
        ResponseEntity<Map<String, Object>> registered = exchange(COORDINATOR, HttpMethod.POST, "/api/enterprises",
                registration(enterprise, number, "EKONOMISK_FORENING", "2021-05-10"), MediaType.APPLICATION_JSON,
                "req-asf-1");
        assertStatus(registered, HttpStatus.CREATED);
        assertThat(registered.getHeaders().getLocation()).hasToString(base);

        assertStatus(post(COORDINATOR, base + "/details", """
                {"name": "Kafé Kompassen ek. för.", "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"],
                 "municipality": "Stockholm", "district": "Spånga-Tensta",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": false,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2021-06-01"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/integrationspakten/invitations", """
                {"occurredOn": "2021-09-01", %s}""".formatted(carriesOut)), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/integrationspakten/membership", """
                {"level": "plusmedlem", "occurredOn": "2021-10-01", %s}""".formatted(carriesOut)), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/integrationspakten/level", """
                {"level": "jobbpartner", "occurredOn": "2022-01-15"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/integrationspakten/leaving", """
                {"occurredOn": "2022-02-01"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/reference-group/invitations", """
                {"occurredOn": "2022-02-10"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/reference-group/membership", """
                {"occurredOn": "2022-03-01"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/business-dialogue/invitations", """
                {"dialogue": "Företagsdialog Järva", "occurredOn": "2022-03-05"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/business-advice", """
                {"provider": "Coompanion Stockholm", "hours": 2.5, "occurredOn": "2022-04-01"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/event-participations", """
                {"kind": "TENDER_SCHOOL", "eventName": "Anbudsskola vår 2022", "occurredOn": "2022-04-20"}"""),
                HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/closure", """
                {"reason": "Verksamheten avvecklad", "occurredOn": "2023-06-30"}"""), HttpStatus.OK);

        List<StoredEvent> events = storedEvents(enterprise);
        assertThat(events).extracting(StoredEvent::simpleType).containsExactly("SocialEnterpriseRegisteredEvent",
                "SocialEnterpriseDetailsChangedEvent", "InvitedToIntegrationspaktenEvent",
                "JoinedIntegrationspaktenEvent", "IntegrationspaktenLevelChangedEvent", "LeftIntegrationspaktenEvent",
                "InvitedToReferenceGroupEvent", "JoinedReferenceGroupEvent", "InvitedToBusinessDialogueEvent",
                "BusinessAdviceReceivedEvent", "EventParticipationRecordedEvent", "SocialEnterpriseClosedEvent");
        assertThat(events).allSatisfy(event -> assertThat(event.metaData())
                .contains("\"recordedBy\":\"coordinator\"", "\"recordedVia\":\"rest-api\""));
        assertThat(events.get(0).metaData()).contains("\"requestId\":\"req-asf-1\"");
        assertThat(events.get(0).payload()).contains("\"organisationNumber\":\"" + number + "\"",
                "\"legalForm\":\"EKONOMISK_FORENING\"", "\"occurredOn\":\"2021-05-10\"");
        assertThat(events.get(2).payload()).contains("\"carriesOut\":{\"planId\":\"" + plan
                + "\",\"activityId\":\"bjuda-in-till-ip\"}");
        assertThat(events.get(4).payload()).contains("\"from\":\"plusmedlem\"", "\"to\":\"jobbpartner\"");
        assertThat(events.get(9).payload()).contains("\"hours\":2.5", "\"provider\":\"Coompanion Stockholm\"");
        assertThat(registerRow(enterprise)).containsEntry("organisation_number", number)
                .containsEntry("counts_as_asf", false).containsEntry("closed_on", java.sql.Date.valueOf("2023-06-30"));

        Map<String, Object> view = awaitResource(AUDITOR, base,
                body -> ((Number) body.get("version")).intValue() == 11);
        assertThat(view).containsEntry("organisationNumber", number).containsEntry("countsAsAsf", false)
                .containsEntry("closed", true).containsEntry("closedOn", "2023-06-30")
                .containsEntry("registeredOn", "2021-05-10").containsEntry("detailsChangedOn", "2021-06-01");
        assertThat(view).extractingByKey("details", InstanceOfAssertFactories.MAP)
                .containsEntry("name", "Kafé Kompassen ek. för.").containsEntry("district", "Spånga-Tensta")
                .containsEntry("criteria", Map.of("integrationPurpose", true, "employeeParticipation", true,
                        "profitsReinvested", false, "independentOfPublicSector", true));
        assertThat(view).extractingByKey("integrationspakten", InstanceOfAssertFactories.MAP)
                .containsEntry("member", false).containsEntry("lastInvitedOn", "2021-09-01")
                .containsEntry("leftOn", "2022-02-01");
        assertThat(view).extractingByKey("referenceGroup", InstanceOfAssertFactories.MAP)
                .containsEntry("member", true).containsEntry("joinedOn", "2022-03-01");
        assertThat(view).extractingByKey("facts", InstanceOfAssertFactories.LIST).hasSize(12)
                .anySatisfy(fact -> assertThat(map(fact))
                        .containsEntry("fact", "BusinessAdviceReceived").containsEntry("occurredOn", "2022-04-01")
                        .containsEntry("summary", "Business advice from Coompanion Stockholm, 2.5 hours"));

        Map<String, Object> facts = get(AUDITOR, "/api/plans/" + plan + "/activities/bjuda-in-till-ip/facts").getBody();
        assertThat(facts).extractingByKey("enterpriseFacts", InstanceOfAssertFactories.LIST)
                .extracting(fact -> map(fact).get("fact"))
                .containsExactly("InvitedToIntegrationspakten", "JoinedIntegrationspakten");
        assertThat(get(AUDITOR, "/api/plans/" + plan + "/activities/no-such/facts").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(getList(AUDITOR, "/api/enterprises?countsAsAsf=false&district=Spånga-Tensta").getBody())
                .extracting(summary -> summary.get("enterpriseId")).contains(enterprise);
        assertThat(getList(AUDITOR, "/api/enterprises?countsAsAsf=true").getBody())
                .extracting(summary -> summary.get("enterpriseId")).doesNotContain(enterprise);
    }

    @Test
    void generatesAnEnterpriseIdWhenTheClientGivesNone() {
        ResponseEntity<Map<String, Object>> registered = post(COORDINATOR, "/api/enterprises",
                registration(null, organisationNumber(), "STIFTELSE", "2022-01-10"));
        assertStatus(registered, HttpStatus.CREATED);
        String location = registered.getHeaders().getLocation().toString();
        assertThat(location).matches("/api/enterprises/[0-9a-f-]{36}");
        assertThat(awaitResource(AUDITOR, location, body -> true)).containsEntry("registeredOn", "2022-01-10");
    }

    @Test
    void registersASoleTraderWithoutStoringAnyOrganisationNumber() {
        assertStatus(post(COORDINATOR, "/api/enterprises", registration(enterprise, null, "ENSKILD_FIRMA",
                "2022-01-10")), HttpStatus.CREATED);

        assertThat(storedEvents(enterprise)).singleElement()
                .satisfies(event -> assertThat(event.payload()).contains("\"organisationNumber\":null")
                        .doesNotContainPattern("\\d{6}-?\\d{4}"));
        assertThat(registerRow(enterprise)).containsEntry("organisation_number", null);
        assertThat(awaitResource(AUDITOR, base, body -> true)).containsEntry("organisationNumber", null)
                .extractingByKey("details", InstanceOfAssertFactories.MAP).containsEntry("legalForm", "ENSKILD_FIRMA");
        assertThat(jdbc.queryForObject("select organisation_number from enterprise_view where enterprise_id = ?",
                String.class, enterprise)).isNull();
    }

    @Test
    void refusesASoleTraderWithANumberAndStoresNothing() {
        long before = eventCount();
        assertRefused(post(COORDINATOR, "/api/enterprises", registration(enterprise, number, "ENSKILD_FIRMA",
                "2022-01-10")), HttpStatus.UNPROCESSABLE_ENTITY, "sole-trader-is-registered-without-organisation-number");
        assertBadRequest(post(COORDINATOR, "/api/enterprises", registration(enterprise, "811218-9876",
                "ENSKILD_FIRMA", "2022-01-10")), "organisationNumber");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(registerRows(enterprise)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from enterprise_register where organisation_number = ?",
                Long.class, "811218-9876")).isZero();
    }

    @Test
    void findsAnEnterpriseByOrganisationNumberWithOrWithoutHyphenOrByPartOfItsNameForEveryRole() {
        String name = "Kafé Sökbar " + suffix;
        assertStatus(post(COORDINATOR, "/api/enterprises", registration(enterprise, number, "AKTIEBOLAG",
                "2022-01-10").replace("Kafé Kompassen", name)), HttpStatus.CREATED);
        awaitResource(AUDITOR, base, body -> true);

        for (String q : List.of(number, number.replace("-", ""), number.substring(2, 9), "sökbar " + suffix,
                "KAFÉ SÖKBAR " + suffix.toUpperCase())) {
            // the test client encodes the query as a browser would
            ResponseEntity<List<Map<String, Object>>> found = getList(COMMITTEE, "/api/enterprises?q=" + q);
            assertThat(found.getStatusCode()).as(q).isEqualTo(HttpStatus.OK);
            assertThat(found.getBody()).as(q).extracting(row -> row.get("enterpriseId")).contains(enterprise);
            assertThat(found.getBody()).as(q).filteredOn(row -> enterprise.equals(row.get("enterpriseId")))
                    .singleElement().satisfies(row -> assertThat(row).containsEntry("name", name)
                            .containsEntry("organisationNumber", number));
        }
        assertThat(getList(COMMITTEE, "/api/enterprises?q=inget-sadant-" + suffix).getBody()).isEmpty();
        assertThat(getList(COMMITTEE, "/api/enterprises?q=" + suffix + "%_").getBody())
                .as("LIKE's wildcards are taken literally").isEmpty();
        // the whole register, a page at a time (the list is paged: follow the pages as a client would)
        List<Object> listed = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> rows = getList(COMMITTEE, "/api/enterprises?size=500&page=" + page).getBody();
            rows.forEach(row -> listed.add(row.get("enterpriseId")));
            if (rows.size() < 500) {
                break;
            }
        }
        assertThat(listed).contains(enterprise);
        assertThat(get(COMMITTEE, base).getStatusCode()).as("one enterprise's facts stay with the staff")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void refusesADuplicateOrganisationNumberLeavingNoEventAndNoRegisterRow() {
        assertStatus(post(COORDINATOR, "/api/enterprises", registration(enterprise, number, "AKTIEBOLAG",
                "2022-01-10")), HttpStatus.CREATED);
        long before = eventCount();
        String second = enterprise + "-2";
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, "/api/enterprises",
                registration(second, number, "AKTIEBOLAG_SVB", "2022-01-11"));
        assertRefused(response, HttpStatus.CONFLICT, "organisation-number-must-be-unique");
        assertThat(response.getBody().get("detail").toString()).contains(number, enterprise);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(storedEvents(second)).isEmpty();
        assertThat(registerRows(second)).isZero();
    }

    @Test
    void refusesAWrongCheckDigitAsABadFieldAndStoresNothing() {
        long before = eventCount();
        String wrong = number.substring(0, 10) + (char) ('0' + (number.charAt(10) - '0' + 1) % 10);
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, "/api/enterprises",
                registration(enterprise, wrong, "AKTIEBOLAG", "2022-01-10"));
        assertBadRequest(response, "organisationNumber");
        assertThat(response.getBody().get("detail").toString()).contains("wrong check digit");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(registerRows(enterprise)).isZero();
    }

    @Test
    void namesMissingCriteriaAndBadHoursAsBadFields() {
        assertBadRequest(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "Kafé", "legalForm": "AKTIEBOLAG",
                 "municipality": "Stockholm", "criteria": {"integrationPurpose": true}}""".formatted(enterprise, number)),
                "criteria.employeeParticipation", "criteria.profitsReinvested", "criteria.independentOfPublicSector");
        assertBadRequest(post(COORDINATOR, "/api/enterprises", registration(enterprise, number, "HANDELSBOLAG",
                "2022-01-10")), "legalForm");
        registerEnterprise();
        assertBadRequest(post(COORDINATOR, base + "/business-advice", """
                {"provider": "SBR", "hours": 1.125}"""), "hours");
        assertBadRequest(post(COORDINATOR, base + "/business-advice", """
                {"provider": "SBR", "hours": 0}"""), "hours");
        assertBadRequest(post(COORDINATOR, base + "/integrationspakten/invitations", """
                {"carriesOut": {"planId": "%s"}}""".formatted(plan)), "carriesOut");
    }

    @Test
    void refusesAFactCarryingOutAnActivityNoPlanHas() {
        registerEnterprise();
        long before = eventCount();
        assertRefused(post(COORDINATOR, base + "/integrationspakten/invitations", """
                {"carriesOut": {"planId": "%s", "activityId": "finns-inte"}}""".formatted(plan)),
                HttpStatus.NOT_FOUND, "carried-out-activity-must-exist");
        assertRefused(post(COORDINATOR, base + "/business-advice", """
                {"provider": "SBR", "hours": 1, "carriesOut": {"planId": "no-such-plan", "activityId": "bjuda-in-till-ip"}}"""),
                HttpStatus.NOT_FOUND, "carried-out-activity-must-exist");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesEachIntegrationspaktenRuleWithItsCodeAndRecordsNothing() {
        registerEnterprise();
        long before = eventCount();
        assertRefused(post(COORDINATOR, base + "/integrationspakten/leaving", "{}"), HttpStatus.CONFLICT,
                "can-leave-only-as-member");
        assertRefused(post(COORDINATOR, base + "/integrationspakten/level", """
                {"level": "plusmedlem"}"""), HttpStatus.CONFLICT, "level-change-needs-membership");
        ResponseEntity<Map<String, Object>> unknownLevel = post(COORDINATOR, base + "/integrationspakten/membership",
                """
                {"level": "guldmedlem"}""");
        assertRefused(unknownLevel, HttpStatus.UNPROCESSABLE_ENTITY, "level-must-be-configured");
        assertThat(unknownLevel.getBody().get("detail").toString())
                .contains("member (Medlem), plusmedlem (Plusmedlem), jobbpartner (Jobbpartner)");
        assertThat(eventCount()).isEqualTo(before);

        assertStatus(post(COORDINATOR, base + "/integrationspakten/membership", """
                {"level": "member", "occurredOn": "2022-02-01"}"""), HttpStatus.OK);
        long afterJoining = eventCount();
        assertRefused(post(COORDINATOR, base + "/integrationspakten/membership", """
                {"level": "plusmedlem"}"""), HttpStatus.CONFLICT, "can-join-integrationspakten-once");
        assertRefused(post(COORDINATOR, base + "/integrationspakten/level", """
                {"level": "member"}"""), HttpStatus.UNPROCESSABLE_ENTITY, "level-change-must-change-level");
        assertThat(eventCount()).isEqualTo(afterJoining);
    }

    @Test
    void refusesTheRegistersOtherRulesWithTheirCodesAndRecordsNothing() {
        registerEnterprise();
        assertStatus(post(COORDINATOR, base + "/reference-group/membership", """
                {"occurredOn": "2022-02-01"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/closure", """
                {"reason": "Avvecklad", "occurredOn": "2023-06-30"}"""), HttpStatus.OK);
        long before = eventCount();
        assertRefused(post(COORDINATOR, base + "/reference-group/membership", """
                {"occurredOn": "2022-03-01"}"""), HttpStatus.CONFLICT, "can-join-reference-group-once");
        assertRefused(post(COORDINATOR, base + "/closure", """
                {"reason": "Igen", "occurredOn": "2023-07-01"}"""), HttpStatus.CONFLICT, "enterprise-can-be-closed-once");
        assertRefused(post(COORDINATOR, base + "/business-dialogue/invitations", """
                {"occurredOn": "2023-07-01"}"""), HttpStatus.UNPROCESSABLE_ENTITY,
                "closed-enterprise-records-nothing-after-closing");
        assertRefused(post(COORDINATOR, base + "/event-participations", """
                {"kind": "SEMINAR", "eventName": "Seminarium", "occurredOn": "2999-01-01"}"""),
                HttpStatus.UNPROCESSABLE_ENTITY, "date-must-not-lie-in-the-future");
        assertRefused(post(COORDINATOR, base + "/details", details("AKTIEBOLAG", "2023-01-01")),
                HttpStatus.UNPROCESSABLE_ENTITY, "details-change-must-change-something");
        assertRefused(post(COORDINATOR, base + "/details", details("ENSKILD_FIRMA", "2023-01-01")),
                HttpStatus.UNPROCESSABLE_ENTITY, "sole-trader-legal-form-cannot-change");
        assertRefused(post(COORDINATOR, "/api/enterprises", registration(enterprise, organisationNumber(),
                "AKTIEBOLAG", "2022-01-10")), HttpStatus.CONFLICT, "enterprise-id-must-be-unique");
        assertRefused(post(COORDINATOR, "/api/enterprises/no-such-enterprise/integrationspakten/invitations", "{}"),
                HttpStatus.NOT_FOUND, "enterprise-must-be-registered-first");
        assertThat(eventCount()).isEqualTo(before);

        assertStatus(post(COORDINATOR, base + "/business-dialogue/invitations", """
                {"occurredOn": "2023-06-30"}"""), HttpStatus.OK);
        assertThat(get(AUDITOR, "/api/enterprises/no-such-enterprise").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAnEnterpriseIdThatAlreadyNamesAnotherRecordsHistory() {
        List<StoredEvent> planEvents = storedEvents(plan);
        long before = eventCount();
        assertRefused(post(COORDINATOR, "/api/enterprises", registration(plan, number, "AKTIEBOLAG", "2022-01-10")),
                HttpStatus.CONFLICT, "id-must-not-name-another-record");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(storedEvents(plan)).isEqualTo(planEvents);
        assertThat(registerRows(plan)).isZero();
        assertRefused(post(COORDINATOR, "/api/enterprises/" + plan + "/integrationspakten/invitations", "{}"),
                HttpStatus.CONFLICT, "id-must-not-name-another-record");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void describesTheEnterpriseAndMeetingEndpointsInOpenApi() {
        ResponseEntity<Map<String, Object>> docs = get(null, "/v3/api-docs");
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(map(docs.getBody().get("paths")).keySet()).contains("/api/enterprises",
                "/api/enterprises/{enterpriseId}/integrationspakten/membership",
                "/api/enterprises/{enterpriseId}/business-advice", "/api/meetings",
                "/api/meetings/{meetingId}/participant-corrections",
                "/api/plans/{planId}/activities/{activityId}/facts");
    }

    @Test
    void letsOnlyCoordinatorsRecord() {
        long before = eventCount();
        String body = registration(enterprise, number, "AKTIEBOLAG", "2022-01-10");
        assertThat(post(COMMITTEE, "/api/enterprises", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(AUDITOR, "/api/enterprises", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(registerRows(enterprise)).isZero();
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void registerEnterprise() {
        assertStatus(post(COORDINATOR, "/api/enterprises", registration(enterprise, number, "AKTIEBOLAG",
                "2022-01-10")), HttpStatus.CREATED);
    }

    private static String registration(String enterpriseId, String organisationNumber, String legalForm,
                                       String occurredOn) {
        return """
                {%s %s "name": "Kafé Kompassen", "legalForm": "%s", "linesOfBusiness": ["café", "catering"],
                 "municipality": "Stockholm", "district": "Rinkeby-Kista",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": ["Skoopi"], "occurredOn": "%s"}""".formatted(
                enterpriseId == null ? "" : "\"enterpriseId\": \"" + enterpriseId + "\",",
                organisationNumber == null ? "" : "\"organisationNumber\": \"" + organisationNumber + "\",",
                legalForm, occurredOn);
    }

    private static String details(String legalForm, String occurredOn) {
        return """
                {"name": "Kafé Kompassen", "legalForm": "%s", "linesOfBusiness": ["café", "catering"],
                 "municipality": "Stockholm", "district": "Rinkeby-Kista",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": ["Skoopi"], "occurredOn": "%s"}""".formatted(legalForm, occurredOn);
    }

    /** A random legal person's organisation number (third digit 2 or more) with a correct Luhn check digit. */
    static String organisationNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder();
        digits.append(random.nextInt(10)).append(random.nextInt(10)).append(2 + random.nextInt(8));
        for (int i = 0; i < 6; i++) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        digits.append((10 - sum % 10) % 10);
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    private Map<String, Object> registerRow(String enterpriseId) {
        return jdbc.queryForMap("select * from enterprise_register where enterprise_id = ?", enterpriseId);
    }

    private long registerRows(String enterpriseId) {
        return jdbc.queryForObject("select count(*) from enterprise_register where enterprise_id = ?", Long.class,
                enterpriseId);
    }

    private static void assertStatus(ResponseEntity<Map<String, Object>> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
    }

    @SuppressWarnings("unchecked")
    static void assertBadRequest(ResponseEntity<Map<String, Object>> response, String... fields) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).contains(fields);
    }

    static void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String rule) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).containsEntry("rule", rule);
        assertThat(response.getBody().get("detail").toString()).contains("nothing was recorded");
    }
}
