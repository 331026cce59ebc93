package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The goal measures of issue 10 over HTTP on PostgreSQL: reserved contracts awarded (a cancelled procurement's award
 * out, from the moment the cancellation is recorded), reserved procurements announced and begun, awards to an ASF in
 * any procedure, and the ASF members of Integrationspakten at year end, at any level and per level. Goals set with a
 * measure's former name read as the renamed measure. The facts lie in 2019, which no other test dates anything in,
 * and the plan covers this test's own municipality only (its authority registered there, its enterprises lying
 * there), so the procurement counts are checked against an independent query over this test's raw events in
 * {@code domain_event_entry} up to the position the report reflects, and the membership counts by its enterprises.
 */
class GoalMeasuresIT extends ProcurementApiSupport {

    private static final String EMPLOYMENT = """
            , "employment": {"sharePercent": 40, "tenderDate": "%s", "evidenceReference": "Intyg AMN 2019/%s"}""";

    private final String plan = id("matt");
    private final String goals = "/api/plans/" + plan + "/goals";
    private final String report = "/api/plans/" + plan + "/reports/yearly-goals?year=2019";

    @Test
    void countsReservedContractsAnnouncementsAndMembersAsRecordedNowAndEarlier() throws InterruptedException {
        adoptPlanWithGoals();
        String asf = registeredAsf();
        String r1 = id("r1");
        String r2 = id("r2");
        String o1 = id("o1");
        String r3 = id("r3");
        String r4 = id("r4");
        String r5 = id("r5");
        // r1: planned, announced and awarded to an ASF in 2019
        assertStatus(begin(r1, "PLANNED", "RESERVED_FOR_EMPLOYMENT", "\"80511000-9\"", "2019-01-10"),
                HttpStatus.CREATED);
        ok(post(COORDINATOR, base(r1) + "/announcement", "{\"occurredOn\": \"2019-02-01\"}"));
        ok(award(r1, asf, "200000", "2019-05-01", "2020-04-30", EMPLOYMENT.formatted("2019-03-01", "1"),
                "2019-04-01"));
        // r2: announced without planning, awarded to a supplier not in the register, cancelled in the second batch
        announced(r2, "RESERVED_FOR_EMPLOYMENT", "\"80511000-9\"", "2019-02-15");
        ok(award(r2, randomOrganisationNumber(), "150000", "2019-06-01", "2020-05-31",
                EMPLOYMENT.formatted("2019-04-01", "2"), "2019-05-01"));
        // o1: an ordinary procurement awarded to an ASF: no reserved contract, but an award to an ASF
        announced(o1, "ORDINARY", "\"80511000-9\"", "2019-03-01");
        ok(award(o1, asf, "300000", "2019-07-01", "2020-06-30", "", "2019-06-01"));
        // r3: announced and cancelled before any award; r4: only planned
        announced(r3, "RESERVED_FOR_EMPLOYMENT", "\"80511000-9\"", "2019-03-10");
        ok(post(COORDINATOR, base(r3) + "/cancellation", """
                {"reason": "Inga anbud", "occurredOn": "2019-04-10"}"""));
        assertStatus(begin(r4, "PLANNED", "RESERVED_FOR_EMPLOYMENT", "\"80511000-9\"", "2019-11-01"),
                HttpStatus.CREATED);
        // r5: announced in 2018, awarded in 2020: in neither count of 2019
        announced(r5, "RESERVED_FOR_EMPLOYMENT", "\"80511000-9\"", "2018-12-20");
        ok(award(r5, randomOrganisationNumber(), "100000", "2020-02-01", "2021-01-31",
                EMPLOYMENT.formatted("2019-12-01", "5"), "2020-01-15"));

        String member = enterprise("medlem", "2018-06-01");
        String plus = enterprise("plus", "2018-06-01");
        String left = enterprise("lamnade", "2018-06-01");
        String wrong = enterprise("fel", "2018-06-01");
        ok(post(COORDINATOR, membership(member), "{\"level\": \"member\", \"occurredOn\": \"2019-03-01\"}"));
        ok(post(COORDINATOR, membership(plus), "{\"level\": \"member\", \"occurredOn\": \"2019-03-01\"}"));
        ok(post(COORDINATOR, "/api/enterprises/" + plus + "/integrationspakten/level",
                "{\"level\": \"plusmedlem\", \"occurredOn\": \"2019-08-01\"}"));
        ok(post(COORDINATOR, membership(left), "{\"level\": \"jobbpartner\", \"occurredOn\": \"2019-02-01\"}"));
        ok(post(COORDINATOR, "/api/enterprises/" + left + "/integrationspakten/leaving",
                "{\"occurredOn\": \"2019-10-01\"}"));
        ok(post(COORDINATOR, membership(wrong), "{\"level\": \"jobbpartner\", \"occurredOn\": \"2019-05-01\"}"));

        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);

        ok(post(COORDINATOR, base(r2) + "/cancellation", """
                {"reason": "Tilldelningen upphävdes efter överprövning", "occurredOn": "2019-09-01"}"""));
        long wrongJoin = positionsOf(wrong, "JoinedIntegrationspaktenEvent").get(0);
        ok(post(COORDINATOR, "/api/enterprises/" + wrong + "/retractions", """
                {"eventId": "%s", "reason": "Fel företag"}""".formatted(eventId(wrongJoin))));

        Map<String, Object> now = awaitCaughtUp(report);
        Map<String, Object> then = get(COMMITTEE, report + "&asOf=" + between).getBody();

        // reserved contracts: r1 now; r1 and r2 as recorded before r2's cancellation
        Map<String, Object> contracts = row(now, "kontrakt-2019");
        assertThat(contracts).containsEntry("measure", "RESERVED_CONTRACTS_AWARDED");
        assertReservedAwardsMatchRawEvents(contracts, position(now), null);
        assertThat(events(contracts)).containsAll(positionsOf(r1, "ContractAwardedEvent"))
                .doesNotContainAnyElementsOf(positionsOf(r2, "ContractAwardedEvent"))
                .doesNotContainAnyElementsOf(positionsOf(o1, "ContractAwardedEvent"))
                .doesNotContainAnyElementsOf(positionsOf(r5, "ContractAwardedEvent"));
        Map<String, Object> contractsThen = row(then, "kontrakt-2019");
        assertReservedAwardsMatchRawEvents(contractsThen, position(then), between);
        assertThat(events(contractsThen)).containsAll(positionsOf(r1, "ContractAwardedEvent"))
                .containsAll(positionsOf(r2, "ContractAwardedEvent"));

        // reserved procurements announced: r1 (after planning), r2 and r3 (announced first), not r4 nor r5
        Map<String, Object> announcedRow = row(now, "annonserade-2019");
        assertAnnouncementsMatchRawEvents(announcedRow, position(now));
        assertThat(events(announcedRow)).containsAll(positionsOf(r1, "ProcurementAnnouncedEvent"))
                .containsAll(positionsOf(r2, "ProcurementAnnouncedEvent"))
                .containsAll(positionsOf(r3, "ProcurementAnnouncedEvent"))
                .doesNotContainAnyElementsOf(positionsOf(r4, "ProcurementPlannedEvent"))
                .doesNotContainAnyElementsOf(positionsOf(r5, "ProcurementAnnouncedEvent"));

        // set with the former names, read as the renamed measures
        Map<String, Object> begun = row(now, "borjade-2019");
        assertThat(begun).containsEntry("measure", "RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED");
        assertThat(events(begun)).containsAll(positionsOf(r1, "ProcurementPlannedEvent"))
                .containsAll(positionsOf(r2, "ProcurementAnnouncedEvent"))
                .containsAll(positionsOf(r3, "ProcurementAnnouncedEvent"))
                .containsAll(positionsOf(r4, "ProcurementPlannedEvent"))
                .doesNotContainAnyElementsOf(positionsOf(r1, "ProcurementAnnouncedEvent"));
        assertThat(outcome(begun)).isEqualByComparingTo(BigDecimal.valueOf(events(begun).size()));
        Map<String, Object> toAsf = row(now, "asf-avtal-2019");
        assertThat(toAsf).containsEntry("measure", "CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE");
        assertThat(events(toAsf)).containsAll(positionsOf(r1, "ContractAwardedEvent"))
                .containsAll(positionsOf(o1, "ContractAwardedEvent"))
                .doesNotContainAnyElementsOf(positionsOf(r2, "ContractAwardedEvent"));
        assertThat(jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'measure' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%$GoalSetEvent'""", String.class, plan))
                .contains("RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED", "CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE")
                .doesNotContain("RESERVED_PROCUREMENTS_BEGUN", "CONTRACTS_AWARDED_TO_ASF");

        // members on 31 December 2019: the member and the Plusmedlem; not the one who left, nor the retracted join
        List<Long> memberJoined = positionsOf(member, "JoinedIntegrationspaktenEvent");
        List<Long> plusChanged = positionsOf(plus, "IntegrationspaktenLevelChangedEvent");
        List<Long> mine = List.of(memberJoined.get(0), plusChanged.get(0));
        Map<String, Object> members = row(now, "medlemmar-2019");
        // the retraction of the wrong join changed the figure, so it is listed with it (it counts no member itself)
        List<Long> retraction = positionsOf(wrong, "EnterpriseFactRetractedEvent");
        assertThat(events(members)).containsAll(mine).containsAll(retraction)
                .doesNotContainAnyElementsOf(positionsOf(left, "JoinedIntegrationspaktenEvent"))
                .doesNotContainAnyElementsOf(positionsOf(wrong, "JoinedIntegrationspaktenEvent"));
        List<Long> counted = new java.util.ArrayList<>(events(members));
        counted.removeAll(retraction);
        assertThat(outcome(members)).isEqualByComparingTo(BigDecimal.valueOf(counted.size()));
        assertThat(events(row(now, "nivan-medlem-2019"))).contains(memberJoined.get(0))
                .doesNotContain(plusChanged.get(0));
        assertThat(events(row(now, "plusmedlemmar-2019"))).contains(plusChanged.get(0))
                .doesNotContain(memberJoined.get(0));
        assertThat(events(row(now, "jobbpartner-2019"))).doesNotContainAnyElementsOf(
                positionsOf(wrong, "JoinedIntegrationspaktenEvent"));
        // before the retraction was recorded, the wrong join counted as a Jobbpartner
        assertThat(events(row(then, "jobbpartner-2019"))).containsAll(positionsOf(wrong,
                "JoinedIntegrationspaktenEvent"));
        assertThat(events(row(then, "medlemmar-2019"))).containsAll(mine)
                .containsAll(positionsOf(wrong, "JoinedIntegrationspaktenEvent"));
    }

    @Test
    void refusesAMemberCountForACoverageGoalWithItsRule() {
        adoptPlanWithGoals();

        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, goals, """
                {"goalId": "fel-2019", "year": 2019, "kind": "COVERAGE", "measure": "INTEGRATIONSPAKTEN_ASF_MEMBERS",
                 "indicator": "Andel medlemmar", "target": {"comparator": "AT_LEAST", "value": 100, "unit": "%"},
                 "decision": {"body": "KS"}, "occurredOn": "2019-01-10"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody()).containsEntry("rule", "goal-measure-must-fit-its-kind");
    }

    // ---------------------------------------------------------------------------------------------- scenario

    private void adoptPlanWithGoals() {
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan med nya mått", "municipality": "%s",
                 "adoption": {"body": "KS"}, "adoptedOn": "2018-12-01", "period": {"fromYear": 2019, "toYear": 2020}}"""
                .formatted(plan, municipality)), HttpStatus.CREATED);
        registerAuthorityInMunicipality();
        setGoal("kontrakt-2019", "RESERVED_CONTRACTS_AWARDED", "Reserverade kontrakt");
        setGoal("annonserade-2019", "RESERVED_PROCUREMENTS_ANNOUNCED", "Annonserade reserverade upphandlingar");
        setGoal("borjade-2019", "RESERVED_PROCUREMENTS_BEGUN", "Påbörjade reserverade upphandlingar");
        setGoal("asf-avtal-2019", "CONTRACTS_AWARDED_TO_ASF", "Avtal med ASF");
        setGoal("medlemmar-2019", "INTEGRATIONSPAKTEN_ASF_MEMBERS", "ASF i Integrationspakten");
        setGoal("nivan-medlem-2019", "INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER", "ASF som medlemmar");
        setGoal("plusmedlemmar-2019", "INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM", "ASF som Plusmedlemmar");
        setGoal("jobbpartner-2019", "INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER", "ASF som Jobbpartners");
    }

    private void setGoal(String goalId, String measure, String indicator) {
        assertStatus(post(COORDINATOR, goals, """
                {"goalId": "%s", "year": 2019, "kind": "COUNT", "measure": "%s", "indicator": "%s",
                 "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"},
                 "decision": {"body": "KS"}, "occurredOn": "2019-01-05"}""".formatted(goalId, measure, indicator)),
                HttpStatus.CREATED);
    }

    /** Registers a known ASF with its own enterprise id, returning the id. */
    private String enterprise(String name, String on) {
        String enterpriseId = id(name);
        assertStatus(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "ASF %s",
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"], "municipality": "%s",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "%s"}""".formatted(enterpriseId, randomOrganisationNumber(),
                name, municipality, on)), HttpStatus.CREATED);
        return enterpriseId;
    }

    private static String membership(String enterpriseId) {
        return "/api/enterprises/" + enterpriseId + "/integrationspakten/membership";
    }

    private static void ok(ResponseEntity<Map<String, Object>> response) {
        assertStatus(response, HttpStatus.OK);
    }

    // ---------------------------------------------------------------------------------------------- raw events

    /**
     * This test's raw events (its plan's scope holds no other test's) up to {@code position}, recorded by {@code asOf}
     * (null: all), as a SQL common table expression
     * {@code e}, with the identifiers of the facts retracted by then in {@code retracted}.
     */
    private String rawEvents(long position, Instant asOf) {
        String recorded = "global_index <= " + position + " and aggregate_identifier like '%-" + suffix + "'"
                + (asOf == null ? "" : " and time_stamp::timestamptz <= '" + asOf + "'::timestamptz");
        return """
                with e as (
                    select aggregate_identifier as id, sequence_number as seq, global_index, event_identifier,
                           substring(payload_type from '\\$(.*)$') as type,
                           convert_from(payload, 'UTF8')::jsonb as p
                    from domain_event_entry where %s),
                retracted as (select p ->> 'retractedEventId' as event_id from e
                              where type like '%%FactRetractedEvent'),
                reserved as (
                    select id from e where seq = 0 and type in ('ProcurementPlannedEvent', 'ProcurementAnnouncedEvent')
                                      and p ->> 'procedure' in ('RESERVED_FOR_EMPLOYMENT', 'RESERVED_WELFARE_SERVICES'))
                """.formatted(recorded);
    }

    /**
     * Awards dated in 2019 in a procurement begun as reserved, whose procurement has no cancellation, none retracted,
     * all as recorded by {@code asOf} up to the report's position.
     */
    private void assertReservedAwardsMatchRawEvents(Map<String, Object> row, long position, Instant asOf) {
        List<Long> expected = jdbc.queryForList(rawEvents(position, asOf) + """
                select global_index from e
                where type = 'ContractAwardedEvent' and extract(year from (p ->> 'occurredOn')::date) = 2019
                  and id in (select id from reserved)
                  and id not in (select id from e where type = 'ProcurementCancelledEvent')
                  and event_identifier not in (select event_id from retracted where event_id is not null)
                order by global_index""", Long.class);
        assertThat(expected).isNotEmpty();
        assertThat(events(row)).isEqualTo(expected);
        assertThat(outcome(row)).isEqualByComparingTo(BigDecimal.valueOf(expected.size()));
    }

    /** Announcements dated in 2019 of procurements begun as reserved, up to the report's position. */
    private void assertAnnouncementsMatchRawEvents(Map<String, Object> row, long position) {
        List<Long> expected = jdbc.queryForList(rawEvents(position, null) + """
                select global_index from e
                where type = 'ProcurementAnnouncedEvent' and extract(year from (p ->> 'occurredOn')::date) = 2019
                  and id in (select id from reserved)
                  and event_identifier not in (select event_id from retracted where event_id is not null)
                order by global_index""", Long.class);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events(row)).isEqualTo(expected);
        assertThat(outcome(row)).isEqualByComparingTo(BigDecimal.valueOf(expected.size()));
    }

    private List<Long> positionsOf(String aggregateId, String type) {
        return jdbc.queryForList("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ? order by global_index", Long.class, aggregateId, "%$" + type);
    }

    private String eventId(long position) {
        return jdbc.queryForObject("select event_identifier from domain_event_entry where global_index = ?",
                String.class, position);
    }

    private Map<String, Object> awaitCaughtUp(String path) {
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(COMMITTEE, path).getBody(), body -> body != null && body.get("position") != null
                        && ((Number) body.get("position")).longValue() == jdbc.queryForObject(
                        "select max(global_index) from domain_event_entry", Long.class));
    }

    private static long position(Map<String, Object> report) {
        return ((Number) report.get("position")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> report, String goalId) {
        return ((List<Map<String, Object>>) report.get("rows")).stream()
                .filter(row -> goalId.equals(row.get("goalId"))).findFirst().orElseThrow();
    }

    private static BigDecimal outcome(Map<String, Object> row) {
        return new BigDecimal(row.get("outcome").toString());
    }

    private static List<Long> events(Map<String, Object> row) {
        return ((List<?>) row.get("events")).stream().map(event -> ((Number) event).longValue()).toList();
    }
}
