package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every procurement rule refused over HTTP: 404, 409 or 422 naming the rule and, where there is one, its legal
 * reference, and not a row written, neither an event nor a cross-procurement fact. Malformed input is a 400 naming
 * the field.
 */
class ProcurementRefusalsIT extends ProcurementApiSupport {

    private static final String LISTED = "\"80511000-9\"";
    private static final String CLEANING = "\"90910000-9\"";

    /** Sends the request and checks the refusal, and that no event and no procurement fact was written. */
    private void assertRefused(Supplier<ResponseEntity<Map<String, Object>>> request, HttpStatus status, String rule,
                               String legalReference) {
        long events = eventCount();
        long facts = factCount();
        ResponseEntity<Map<String, Object>> response = request.get();
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).containsEntry("rule", rule);
        if (legalReference == null) {
            assertThat(response.getBody()).doesNotContainKey("legalReference");
        } else {
            assertThat(response.getBody()).containsEntry("legalReference", legalReference);
        }
        assertThat(response.getBody().get("detail").toString()).endsWith("nothing was recorded");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(factCount()).isEqualTo(facts);
    }

    private long factCount() {
        return jdbc.queryForObject("select (select count(*) from reserved_welfare_award) "
                + "+ (select count(*) from direct_award_entry)", Long.class);
    }

    private void assertBadRequest(ResponseEntity<Map<String, Object>> response, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").toString()).contains(field);
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    @Test
    void refusesLifecycleStepsOutOfOrder() {
        String asf = registeredAsf();
        String p = id("ordning");
        assertStatus(begin(p, "PLANNED", "ORDINARY", CLEANING, "2024-01-10"), HttpStatus.CREATED);

        assertRefused(() -> begin(p, "PLANNED", "ORDINARY", CLEANING, "2024-01-11"), HttpStatus.CONFLICT,
                "procurement-can-be-begun-once", null);
        assertRefused(() -> begin(p, "ANNOUNCED", "ORDINARY", CLEANING, "2024-01-11"),
                HttpStatus.UNPROCESSABLE_ENTITY, "procurement-details-are-given-when-begun", null);
        assertRefused(() -> post(COORDINATOR, base(p) + "/tenders", """
                {"supplier": {"organisationNumber": "%s"}, "occurredOn": "2024-01-12"}""".formatted(asf)),
                HttpStatus.CONFLICT, "procurement-must-be-announced-first", null);
        assertRefused(() -> award(p, asf, "1000", "2024-02-01", "2024-12-31", "", "2024-01-12"),
                HttpStatus.CONFLICT, "procurement-must-be-announced-first", null);
        assertRefused(() -> post(COORDINATOR, base(p) + "/announcement", """
                {"occurredOn": "2024-01-09"}"""), HttpStatus.UNPROCESSABLE_ENTITY,
                "date-must-not-precede-earlier-step", null);
        assertRefused(() -> post(COORDINATOR, base(p) + "/announcement", """
                {"occurredOn": "2999-01-01"}"""), HttpStatus.UNPROCESSABLE_ENTITY,
                "date-must-not-lie-in-the-future", null);

        assertStatus(post(COORDINATOR, base(p) + "/announcement", "{\"occurredOn\": \"2024-01-15\"}"), HttpStatus.OK);
        assertRefused(() -> post(COORDINATOR, base(p) + "/announcement", "{\"occurredOn\": \"2024-01-16\"}"),
                HttpStatus.CONFLICT, "procurement-can-be-announced-once", null);
        assertRefused(() -> post(COORDINATOR, base(p) + "/completion", "{\"occurredOn\": \"2024-01-16\"}"),
                HttpStatus.CONFLICT, "contract-must-be-awarded-before-completion", null);
        assertRefused(() -> post(COORDINATOR, base(p) + "/evaluations", """
                {"text": "Utvärdering", "occurredOn": "2024-01-16"}"""), HttpStatus.CONFLICT,
                "procurement-must-be-completed-before-evaluation", null);

        assertStatus(award(p, asf, "1000", "2024-02-01", "2024-12-31", "", "2024-01-20"), HttpStatus.OK);
        assertRefused(() -> award(p, asf, "1000", "2024-02-01", "2024-12-31", "", "2024-01-21"),
                HttpStatus.CONFLICT, "contract-can-be-awarded-once", null);
        assertRefused(() -> post(COORDINATOR, base(p) + "/tenders", """
                {"supplier": {"organisationNumber": "%s"}, "occurredOn": "2024-01-21"}""".formatted(asf)),
                HttpStatus.CONFLICT, "tenders-must-precede-award", null);
        assertRefused(() -> post(COORDINATOR, base(p) + "/lots", """
                {"numberOfLots": 2, "bidsMayCover": "ALL", "occurredOn": "2024-01-21"}"""), HttpStatus.CONFLICT,
                "division-into-lots-is-decided-before-award", "LOU 4 kap. 13-15 §§");

        assertStatus(post(COORDINATOR, base(p) + "/completion", "{\"occurredOn\": \"2024-12-31\"}"), HttpStatus.OK);
        assertRefused(() -> post(COORDINATOR, base(p) + "/cancellation", """
                {"reason": "För sent", "occurredOn": "2025-01-02"}"""), HttpStatus.CONFLICT,
                "completed-procurement-can-only-be-evaluated", null);
    }

    @Test
    void refusesEverythingAfterCancellationAndCommandsForUnknownProcurements() {
        String p = id("avbruten");
        announced(p, "ORDINARY", CLEANING, "2024-01-10");
        assertStatus(post(COORDINATOR, base(p) + "/cancellation", """
                {"reason": "Behovet försvann", "occurredOn": "2024-02-01"}"""), HttpStatus.OK);
        assertRefused(() -> post(COORDINATOR, base(p) + "/no-division", """
                {"reason": "Odelbar", "occurredOn": "2024-02-02"}"""), HttpStatus.CONFLICT,
                "cancelled-procurement-cannot-change", null);
        assertRefused(() -> post(COORDINATOR, base(id("finns-inte")) + "/completion", "{}"), HttpStatus.NOT_FOUND,
                "procurement-must-exist", null);
        assertRefused(() -> post(COORDINATOR, base(id("finns-inte")) + "/announcement", "{}"), HttpStatus.NOT_FOUND,
                "procurement-must-exist", null);
    }

    @Test
    void refusesAProcurementUnderTheIdOfAPlan() {
        String taken = id("plan");
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun", "adoption": {"body": "KS"},
                 "adoptedOn": "2021-03-01", "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(taken)),
                HttpStatus.CREATED);
        assertRefused(() -> begin(taken, "PLANNED", "ORDINARY", CLEANING, "2024-01-10"), HttpStatus.CONFLICT,
                "id-must-not-name-another-record", null);
        assertRefused(() -> post(COORDINATOR, base(taken) + "/cancellation", """
                {"reason": "Fel id", "occurredOn": "2024-01-10"}"""), HttpStatus.CONFLICT,
                "id-must-not-name-another-record", null);
        assertThat(storedEvents(taken)).extracting(StoredEvent::simpleType).containsExactly("PlanAdoptedEvent");
    }

    @Test
    void refusesAStepThatNamesAnActivityNoPlanHas() {
        String unknown = planActivity().replace("reserverad-upphandling", "finns-inte");
        assertRefused(() -> post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "PLANNED", "authority": "%s", "subject": "Städ",
                 "cpvCodes": [%s], "procedure": "ORDINARY", "occurredOn": "2024-01-10", "carriesOut": %s}"""
                        .formatted(id("okand-aktivitet"), authority, CLEANING, unknown)),
                HttpStatus.NOT_FOUND, "carried-out-activity-must-exist", null);
    }

    @Test
    void refusesLotDecisionsTwiceAndNotDividingWithoutReasons() {
        String p = id("delar");
        announced(p, "ORDINARY", CLEANING, "2024-01-10");
        assertRefused(() -> post(COORDINATOR, base(p) + "/no-division", """
                {"occurredOn": "2024-01-10"}"""), HttpStatus.UNPROCESSABLE_ENTITY,
                "reasons-must-be-stated-for-not-dividing", "LOU 4 kap. 15 §");
        assertStatus(post(COORDINATOR, base(p) + "/lots", """
                {"numberOfLots": 2, "bidsMayCover": "ONE", "occurredOn": "2024-01-10"}"""), HttpStatus.OK);
        assertRefused(() -> post(COORDINATOR, base(p) + "/no-division", """
                {"reason": "Ändrat oss", "occurredOn": "2024-01-11"}"""), HttpStatus.CONFLICT,
                "division-into-lots-is-decided-once", "LOU 4 kap. 13-15 §§");
    }

    // ------------------------------------------------------------------------------------------- reservations

    @Test
    void refusesReservedWelfareServicesOutsideTheirGround() {
        assertRefused(() -> begin(id("ej-listad"), "ANNOUNCED", "RESERVED_WELFARE_SERVICES", CLEANING, "2022-01-31"),
                HttpStatus.UNPROCESSABLE_ENTITY, "reserved-welfare-services-must-be-listed-cpv-codes",
                "LOU 19 kap. 6 a §, 25 §, 25 a §");
        assertRefused(() -> post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "ANNOUNCED", "authority": "%s", "subject": "Skyddat boende",
                 "cpvCodes": [%s], "procedure": "RESERVED_WELFARE_SERVICES",
                 "reservedForIdeaBasedOrganisations": true, "occurredOn": "2022-12-31"}"""
                        .formatted(id("ideburen"), authority, LISTED)),
                HttpStatus.UNPROCESSABLE_ENTITY, "reserved-welfare-ground-must-apply-on-begun-date",
                "LOU 19 kap. 6 a §, 25 §, 25 a §");
    }

    @Test
    void refusesAReservedWelfareContractLongerThanThreeYears() {
        String asf = registeredAsf();
        String p = id("lang");
        announced(p, "RESERVED_WELFARE_SERVICES", LISTED, "2023-02-01");
        assertRefused(() -> award(p, asf, "1000", "2023-05-01", "2026-05-01", "", "2023-04-03"),
                HttpStatus.UNPROCESSABLE_ENTITY, "reserved-welfare-contract-runs-at-most-three-years",
                "LOU 19 kap. 6 a §, 25 §");
        assertStatus(award(p, asf, "1000", "2023-05-01", "2026-04-30", "", "2023-04-03"), HttpStatus.OK);
    }

    @Test
    void aCancelledReservedAwardBarsNoLaterAward() {
        String asf = registeredAsf();
        String first = id("avbruten");
        announced(first, "RESERVED_WELFARE_SERVICES", LISTED, "2023-02-01");
        assertStatus(award(first, asf, "1000", "2023-05-01", "2024-04-30", "", "2023-04-03"), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base(first) + "/cancellation", """
                {"reason": "Avbruten efter överprövning", "occurredOn": "2023-04-20"}"""), HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from reserved_welfare_award where procurement_id = ?",
                Long.class, first)).isZero();

        String second = id("ny");
        announced(second, "RESERVED_WELFARE_SERVICES", LISTED, "2023-06-01");
        assertStatus(award(second, asf, "1000", "2023-09-01", "2024-08-31", "", "2023-08-01"), HttpStatus.OK);
    }

    @Test
    void refusesASecondReservedAwardToTheSameSupplierWithinThreeYears() {
        String asf = registeredAsf();
        String first = id("forsta");
        announced(first, "RESERVED_WELFARE_SERVICES", LISTED, "2023-02-01");
        assertStatus(award(first, asf, "1000", "2023-05-01", "2024-04-30", "", "2023-04-03"), HttpStatus.OK);

        String second = id("andra");
        announced(second, "RESERVED_WELFARE_SERVICES", LISTED, "2026-03-01");
        assertRefused(() -> award(second, asf, "1000", "2026-05-01", "2027-04-30", "", "2026-04-02"),
                HttpStatus.UNPROCESSABLE_ENTITY, "reserved-welfare-award-to-same-supplier-once-in-three-years",
                "LOU 19 kap. 6 a §, 25 §");
        assertStatus(award(second, asf, "1000", "2026-05-01", "2027-04-30", "", "2026-04-03"), HttpStatus.OK);
        assertThat(jdbc.queryForList("select awarded_on from reserved_welfare_award where authority = ? "
                + "order by awarded_on", java.sql.Date.class, authority))
                .extracting(java.sql.Date::toString).containsExactly("2023-04-03", "2026-04-03");
    }

    @Test
    void barsASecondReservedAwardOnlyForTheServicesConcerned() {
        String asf = registeredAsf();
        String training = id("utbildning");
        announced(training, "RESERVED_WELFARE_SERVICES", LISTED, "2023-02-01");
        assertStatus(award(training, asf, "1000", "2023-05-01", "2024-04-30", "", "2023-04-03"), HttpStatus.OK);
        assertThat(jdbc.queryForList("select cpv_code from reserved_welfare_award_service where procurement_id = ?",
                String.class, training)).containsExactly("80511000-9");

        String tutoring = id("handledning");
        announced(tutoring, "RESERVED_WELFARE_SERVICES", "\"80590000-6\"", "2024-02-01");
        assertStatus(award(tutoring, asf, "1000", "2024-05-01", "2025-04-30", "", "2024-04-03"), HttpStatus.OK);

        String trainingAgain = id("utbildning-igen");
        announced(trainingAgain, "RESERVED_WELFARE_SERVICES", "\"85312000-9\", \"80511000-9\"", "2025-02-01");
        assertRefused(() -> award(trainingAgain, asf, "1000", "2025-05-01", "2026-04-30", "", "2025-04-03"),
                HttpStatus.UNPROCESSABLE_ENTITY, "reserved-welfare-award-to-same-supplier-once-in-three-years",
                "LOU 19 kap. 6 a §, 25 §");
        assertThat(jdbc.queryForList("select procurement_id from reserved_welfare_award where organisation_number = ? "
                + "order by awarded_on", String.class, asf)).containsExactly(training, tutoring);
    }

    @Test
    void refusesAnEmploymentReservationBelowThirtyPercentOrWithoutEvidence() {
        String asf = registeredAsf();
        String p = id("fyra-arton");
        announced(p, "RESERVED_FOR_EMPLOYMENT", CLEANING, "2024-02-01");
        assertRefused(() -> award(p, asf, "1000", "2024-04-01", "2025-03-31", """
                , "employment": {"sharePercent": 29.99, "tenderDate": "2024-03-01", "evidenceReference": "Intyg"}""",
                "2024-03-20"), HttpStatus.UNPROCESSABLE_ENTITY, "employment-reservation-requires-thirty-percent",
                "LOU 4 kap. 18 §");
        assertRefused(() -> award(p, asf, "1000", "2024-04-01", "2025-03-31", """
                , "employment": {"sharePercent": 30, "tenderDate": "2024-03-01"}""",
                "2024-03-20"), HttpStatus.UNPROCESSABLE_ENTITY, "employment-reservation-requires-evidence",
                "LOU 4 kap. 18 §");
    }

    @Test
    void refusesDirectAwardsWithoutKindOrOutsideConfiguredYears() {
        String asf = registeredAsf();
        String p = id("direkt");
        assertStatus(begin(p, "PLANNED", "DIRECT_AWARD", CLEANING, "2023-12-01"), HttpStatus.CREATED);
        assertRefused(() -> award(p, asf, "1000", "2024-01-01", "2024-12-31", "", "2023-12-05"),
                HttpStatus.UNPROCESSABLE_ENTITY, "direct-award-requires-purchase-kind", "LOU 19 a kap.");
        assertRefused(() -> award(p, asf, "1000", "2025-01-01", "2025-12-31", ", \"purchaseKind\": \"städ\"",
                "2025-01-02"), HttpStatus.UNPROCESSABLE_ENTITY, "direct-award-limit-must-be-configured",
                "LOU 19 a kap.");
    }

    // ------------------------------------------------------------------------------------------- malformed input

    @Test
    void namesTheBadFieldAndRecordsNothing() {
        long before = eventCount();
        assertBadRequest(begin(id("cpv"), "PLANNED", "ORDINARY", "\"853230009\"", "2024-01-10"), "cpvCodes");
        assertBadRequest(begin(id("tom"), "PLANNED", "ORDINARY", "", "2024-01-10"), "cpvCodes");
        assertBadRequest(begin(id("metod"), "PLANNED", "AUCTION", CLEANING, "2024-01-10"), "procedure");
        String p = id("fel");
        announced(p, "ORDINARY", CLEANING, "2024-01-10");
        long afterBegin = eventCount();
        assertThat(afterBegin).isEqualTo(before + 1);
        assertBadRequest(post(COORDINATOR, base(p) + "/lots", """
                {"numberOfLots": 1, "bidsMayCover": "ALL"}"""), "numberOfLots");
        assertBadRequest(post(COORDINATOR, base(p) + "/tenders", """
                {"supplier": {"organisationNumber": "811218-9876"}}"""), "supplier.organisationNumber");
        assertBadRequest(post(COORDINATOR, base(p) + "/tenders", """
                {"supplier": {"organisationNumber": "556677-8899", "soleTrader": true}}"""), "supplier");
        assertBadRequest(award(p, "556677-8899", "100.001", "2024-02-01", "2024-12-31", "", "2024-01-20"), "value");
        assertBadRequest(award(p, "556677-8899", "100", "2024-02-01", "2023-12-31", "", "2024-01-20"),
                "contractPeriod");
        assertThat(eventCount()).isEqualTo(afterBegin);
        assertThat(get(AUDITOR, "/api/procurements?procedure=AUCTION").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(AUDITOR, base(id("finns-inte"))).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(COMMITTEE, "/api/procurements", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
