package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A coordinator records every kind of procurement event over HTTP; each is stored with its recording user and read
 * back through the API, and whether a supplier is an ASF comes from the enterprise register.
 */
class ProcurementLifecycleIT extends ProcurementApiSupport {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void recordsAProcurementsWholeLifeAndReadsItBack() {
        String carriesOut = planActivity();
        String plan = carriesOut.split("\"")[3];
        String asf = registeredAsf();
        String unregistered = randomOrganisationNumber();
        String procurement = id("jobbspar");
        String base = base(procurement);

        ResponseEntity<Map<String, Object>> planned = post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "PLANNED", "authority": "%s", "subject": "Korta jobbspår",
                 "cpvCodes": ["80511000-9", "85312000-9"], "procedure": "RESERVED_WELFARE_SERVICES",
                 "occurredOn": "2023-01-10", "carriesOut": %s}""".formatted(procurement, authority, carriesOut));
        assertStatus(planned, HttpStatus.CREATED);
        assertThat(planned.getHeaders().getLocation()).hasToString(base);

        assertStatus(post(COORDINATOR, base + "/lots", """
                {"numberOfLots": 3, "bidsMayCover": "SEVERAL", "occurredOn": "2023-01-20"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/announcement", """
                {"occurredOn": "2023-02-01"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/tenders", """
                {"supplier": {"organisationNumber": "%s"}, "occurredOn": "2023-03-01"}""".formatted(asf)),
                HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/tenders", """
                {"supplier": {"organisationNumber": "%s"}, "occurredOn": "2023-03-02"}""".formatted(unregistered)),
                HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/tenders", """
                {"supplier": {"soleTrader": true}, "occurredOn": "2023-03-03"}"""), HttpStatus.OK);
        assertStatus(award(procurement, asf, "450000.50", "2023-05-01", "2026-04-30", "", "2023-04-03"),
                HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/completion", """
                {"occurredOn": "2024-04-02", "carriesOut": %s}""".formatted(carriesOut)),
                HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/evaluations", """
                {"text": "Två av tre deltagare fick arbete", "occurredOn": "2024-06-01"}"""), HttpStatus.OK);

        List<StoredEvent> events = storedEvents(procurement);
        assertThat(events).extracting(StoredEvent::simpleType).containsExactly("ProcurementPlannedEvent",
                "ProcurementDividedIntoLotsEvent", "ProcurementAnnouncedEvent", "TenderReceivedEvent",
                "TenderReceivedEvent", "TenderReceivedEvent", "ContractAwardedEvent", "ProcurementCompletedEvent",
                "ProcurementEvaluatedEvent");
        assertThat(events).allSatisfy(event -> assertThat(event.metaData())
                .contains("\"recordedBy\":\"coordinator\"", "\"recordedVia\":\"rest-api\""));
        assertThat(events.get(0).payload()).contains("\"legalGround\":{\"id\":\"lou-19-25\",\"citation\":\"LOU 19 kap. 25 §\"}",
                "\"carriesOut\":{\"planId\":\"" + plan + "\",\"activityId\":\"reserverad-upphandling\"}");
        assertThat(events.get(5).payload()).contains("\"supplier\":{\"organisationNumber\":null,\"soleTrader\":true}");
        assertThat(events.get(6).payload()).contains("\"supplierIsAsf\":true", "\"value\":450000.50");
        assertThat(jdbc.queryForObject("select count(*) from reserved_welfare_award where procurement_id = ?",
                Integer.class, procurement)).isEqualTo(1);

        Map<String, Object> view = awaitResource(AUDITOR, base, body -> ((Number) body.get("version")).intValue() == 8);
        assertThat(view).containsEntry("authority", authority).containsEntry("status", "COMPLETED")
                .containsEntry("procedure", "RESERVED_WELFARE_SERVICES")
                .containsEntry("legalGround", Map.of("id", "lou-19-25", "citation", "LOU 19 kap. 25 §"))
                .containsEntry("cpvCodes", List.of("80511000-9", "85312000-9"))
                .containsEntry("begunOn", "2023-01-10").containsEntry("plannedOn", "2023-01-10")
                .containsEntry("announcedOn", "2023-02-01").containsEntry("completedOn", "2024-04-02");
        assertThat(view).extractingByKey("lots").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("divided", true).containsEntry("numberOfLots", 3).containsEntry("bidsMayCover", "SEVERAL");
        assertThat(((List<?>) view.get("tenders")).stream().<Object>map(t -> ((Map<?, ?>) t).get("supplierIsAsf")).toList())
                .containsExactly(true, false, false);
        assertThat(view).extractingByKey("award").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("supplierIsAsf", true).containsEntry("value", 450000.50)
                .containsEntry("awardedOn", "2023-04-03")
                .containsEntry("contractPeriod", Map.of("from", "2023-05-01", "to", "2026-04-30"));
        assertThat((List<?>) view.get("evaluations")).singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("text", "Två av tre deltagare fick arbete").containsEntry("evaluatedOn", "2024-06-01");
        assertThat((List<?>) view.get("lifecycle")).hasSize(9).first().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("event", "ProcurementPlannedEvent")
                .containsEntry("carriesOut", Map.of("planId", plan, "activityId", "reserverad-upphandling"));
    }

    @Test
    void recordsTheDecisionNotToDivideAndACancellation() {
        String procurement = id("stad");
        String base = base(procurement);
        announced(procurement, "ORDINARY", "\"90910000-9\"", "2024-02-01");
        assertStatus(post(COORDINATOR, base + "/no-division", """
                {"reason": "Tjänsten utförs i en enda lokal", "occurredOn": "2024-02-01"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/cancellation", """
                {"reason": "Inga anbud kom in", "occurredOn": "2024-03-15"}"""), HttpStatus.OK);

        assertThat(storedEvents(procurement)).extracting(StoredEvent::simpleType).containsExactly(
                "ProcurementAnnouncedEvent", "ProcurementNotDividedEvent", "ProcurementCancelledEvent");
        Map<String, Object> view = awaitResource(AUDITOR, base, body -> "CANCELLED".equals(body.get("status")));
        assertThat(view).containsEntry("cancelledOn", "2024-03-15").containsEntry("cancellationReason", "Inga anbud kom in")
                .containsEntry("plannedOn", null).containsEntry("award", null);
        assertThat(view).extractingByKey("lots").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("divided", false).containsEntry("reasonNotDivided", "Tjänsten utförs i en enda lokal");
    }

    @Test
    void recordsAReservationForEmploymentWithItsEvidence() {
        String asf = registeredAsf();
        String procurement = id("sysselsattning");
        announced(procurement, "RESERVED_FOR_EMPLOYMENT", "\"90910000-9\"", "2024-02-01");
        assertStatus(award(procurement, asf, "200000", "2024-04-01", "2025-03-31", """
                , "employment": {"sharePercent": 30, "tenderDate": "2024-03-01", "evidenceReference": "Intyg AMN 2024/7"}""",
                "2024-03-20"), HttpStatus.OK);

        Map<String, Object> view = awaitResource(AUDITOR, base(procurement), body -> body.get("award") != null);
        assertThat(view).containsEntry("legalGround", Map.of("id", "lou-4-18", "citation", "LOU 4 kap. 18 §"));
        assertThat(view).extractingByKey("award").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("employment", Map.of("sharePercent", 30.0, "tenderDate", "2024-03-01",
                        "evidenceReference", "Intyg AMN 2024/7"));
    }

    @Test
    void addsUpDirectAwardsOfOneKindAndFlagsTheSumAboveTheLimit() {
        String first = id("direkt-1");
        String second = id("direkt-2");
        String unregistered = randomOrganisationNumber();
        assertStatus(begin(first, "PLANNED", "DIRECT_AWARD", "\"90910000-9\"", "2024-01-15"), HttpStatus.CREATED);
        assertStatus(award(first, unregistered, "600000", "2024-02-01", "2024-12-31",
                ", \"purchaseKind\": \"Städtjänster\"", "2024-01-20"), HttpStatus.OK);
        assertStatus(begin(second, "PLANNED", "DIRECT_AWARD", "\"90910000-9\"", "2024-05-15"), HttpStatus.CREATED);
        assertStatus(award(second, unregistered, "100000.01", "2024-06-01", "2024-12-31",
                ", \"purchaseKind\": \"städtjänster\"", "2024-05-20"), HttpStatus.OK);

        Map<String, Object> view = awaitResource(AUDITOR, base(second), body -> body.get("award") != null);
        assertThat(view).extractingByKey("award").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("supplierIsAsf", false)
                .containsEntry("directAward", Map.of("purchaseKind", "städtjänster", "financialYear", 2024,
                        "yearToDateTotal", 700000.01, "limit", 700000.00, "limitExceeded", true));

        awaitResource(AUDITOR, base(first), body -> body.get("award") != null);
        List<Map<String, Object>> listed = getList(AUDITOR, "/api/procurements?authority=" + authority
                + "&procedure=DIRECT_AWARD&year=2024").getBody();
        assertThat(listed).extracting(summary -> summary.get("procurementId")).containsExactly(second, first);
        assertThat(listed.get(0)).containsEntry("directAwardLimitExceeded", true);
        assertThat(getList(AUDITOR, "/api/procurements?authority=" + authority + "&year=2023").getBody()).isEmpty();
    }

    @Test
    void rebuildsTheSameReadModelFromTheEventsAlone() {
        String procurement = id("aterspelning");
        announced(procurement, "ORDINARY", "\"90910000-9\"", "2024-02-01");
        assertStatus(post(COORDINATOR, base(procurement) + "/tenders", """
                {"supplier": {"organisationNumber": "%s"}, "occurredOn": "2024-02-10"}""".formatted(registeredAsf())),
                HttpStatus.OK);
        assertStatus(post(COORDINATOR, base(procurement) + "/cancellation", """
                {"reason": "Budgeten drogs in", "occurredOn": "2024-03-01"}"""), HttpStatus.OK);
        Map<String, Object> before = awaitResource(AUDITOR, base(procurement),
                body -> "CANCELLED".equals(body.get("status")));

        StreamingEventProcessor processor = processing.eventProcessor("procurements", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutdownAsync().join();
        processor.resetTokens();
        assertThat(get(AUDITOR, base(procurement)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        processor.start();

        assertThat(awaitResource(AUDITOR, base(procurement), body -> "CANCELLED".equals(body.get("status")),
                java.time.Duration.ofMinutes(3))).isEqualTo(before);
    }

    @Test
    void showsTheProcurementStepsAmongTheFactsThatCarryOutAPlanActivity() {
        String carriesOut = planActivity();
        String plan = carriesOut.split("\"")[3];
        String procurement = id("fakta");
        assertStatus(post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "ANNOUNCED", "authority": "%s", "subject": "Korta jobbspår",
                 "cpvCodes": ["80511000-9"], "procedure": "RESERVED_WELFARE_SERVICES", "occurredOn": "2023-02-01",
                 "carriesOut": %s}""".formatted(procurement, authority, carriesOut)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, base(procurement) + "/cancellation", """
                {"reason": "Inga anbud", "occurredOn": "2023-03-01", "carriesOut": %s}""".formatted(carriesOut)),
                HttpStatus.OK);

        String facts = "/api/plans/" + plan + "/activities/reserverad-upphandling/facts";
        Map<String, Object> carried = awaitResource(AUDITOR, facts,
                body -> ((List<?>) body.get("procurementSteps")).size() == 2);
        assertThat((List<?>) carried.get("procurementSteps")).first().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("procurementId", procurement).containsEntry("authority", authority)
                .containsEntry("procedure", "RESERVED_WELFARE_SERVICES")
                .containsEntry("event", "ProcurementAnnouncedEvent").containsEntry("occurredOn", "2023-02-01");
    }

    @Test
    void generatesAnIdWhenTheClientGivesNone() {
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, "/api/procurements", """
                {"stage": "PLANNED", "authority": "%s", "subject": "Catering", "cpvCodes": ["55520000-1"],
                 "procedure": "ORDINARY"}""".formatted(authority));
        assertStatus(response, HttpStatus.CREATED);
        String location = response.getHeaders().getLocation().toString();
        assertThat(location).matches("/api/procurements/procurement-[0-9a-f]{8}");
        assertThat(awaitResource(AUDITOR, location, body -> true)).containsEntry("status", "PLANNED");
    }
}
