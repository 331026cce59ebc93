package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.report.Csv;

/**
 * The yearly goal report over HTTP on PostgreSQL: a plan with goals of several kinds and measures, the facts they
 * measure recorded over HTTP in two batches with a moment between them, and the report asked now and as recorded
 * at that moment, in JSON and CSV. The measures count every recorded event of their type, also other tests', so
 * each count and each list of events is checked against an independent query over the raw events in
 * {@code domain_event_entry}, not against a fixed number.
 */
class YearlyGoalReportIT extends ProcurementApiSupport {

    private final String plan = id("goalplan");
    private final String goals = "/api/plans/" + plan + "/goals";

    @Test
    void answersEachGoalWithItsOutcomeStatusAndEventsNowAndAsRecordedEarlier() throws InterruptedException {
        Instant between = recordTwoBatches();

        Map<String, Object> now = awaitCaughtUp("/api/plans/" + plan + "/reports/yearly-goals?year=2023");
        assertThat(rows(now)).extracting(row -> row.get("goalId")).containsExactly("aktivitetsplan-2023",
                "andel-plus-2023", "delade-2023", "inbjudna-2023");

        Map<String, Object> divided = row(now, "delade-2023");
        assertThat(divided).containsEntry("kind", "COUNT").containsEntry("measure", "PROCUREMENTS_DIVIDED_INTO_LOTS");
        assertThat(target(divided)).containsEntry("comparator", "AT_LEAST").containsEntry("value", 5);
        assertThat(history(divided)).extracting(version -> target(version).get("value")).containsExactly(1, 5);
        assertCountMatchesRawEvents(divided, "ProcurementDividedIntoLotsEvent", position(now), null, 5);
        assertThat(events(divided)).containsAll(positionsOf(id("p1"), "ProcurementDividedIntoLotsEvent"))
                .containsAll(positionsOf(id("p2"), "ProcurementDividedIntoLotsEvent"));

        Map<String, Object> invited = row(now, "inbjudna-2023");
        assertCountMatchesRawEvents(invited, "InvitedToIntegrationspaktenEvent", position(now), null, 1);
        assertThat(events(invited)).containsAll(positionsOf(id("e1"), "InvitedToIntegrationspaktenEvent"));

        Map<String, Object> milestone = row(now, "aktivitetsplan-2023");
        assertThat(milestone).containsEntry("kind", "MILESTONE").containsEntry("outcome", 1)
                .containsEntry("status", "MET");
        assertThat(events(milestone)).isEqualTo(positionsOf(plan, "ActivityCompletedEvent"));

        Map<String, Object> share = row(now, "andel-plus-2023");
        List<Long> reports = positionsOf(plan, "GoalOutcomeReportedEvent");
        assertThat(reports).hasSize(2);
        assertThat(share).containsEntry("kind", "SHARE").containsEntry("measure", null)
                .containsEntry("outcome", 21.5).containsEntry("source", "Enkät till Plusmedlemmar 2024")
                .containsEntry("status", "MET");
        assertThat(events(share)).containsExactly(reports.get(1));
        assertThat(share.get("eventIds")).isEqualTo(List.of(eventId(reports.get(1))));

        Map<String, Object> then = get(COMMITTEE, "/api/plans/" + plan + "/reports/yearly-goals?year=2023&asOf="
                + between).getBody();
        assertThat(then).containsEntry("asOf", between.toString());
        Map<String, Object> dividedThen = row(then, "delade-2023");
        assertThat(target(dividedThen)).containsEntry("value", 1);
        assertThat(history(dividedThen)).hasSize(1);
        assertCountMatchesRawEvents(dividedThen, "ProcurementDividedIntoLotsEvent", position(then), between, 1);
        assertThat(events(dividedThen)).doesNotContainAnyElementsOf(positionsOf(id("p2"),
                "ProcurementDividedIntoLotsEvent"));
        assertThat(row(then, "andel-plus-2023")).containsEntry("outcome", 18).containsEntry("status", "NOT_MET");
        assertThat(events(row(then, "andel-plus-2023"))).containsExactly(reports.get(0));
        assertThat(row(then, "aktivitetsplan-2023")).containsEntry("outcome", 0).containsEntry("status", "NOT_MET");

        assertThat(rows(get(COMMITTEE, "/api/plans/" + plan + "/reports/yearly-goals?year=2024").getBody()))
                .isEmpty();
    }

    @Test
    void answersInCsvWithTheGenerationTimeAndPositionInHeaders() throws InterruptedException {
        recordTwoBatches();
        long position = ((Number) awaitCaughtUp("/api/plans/" + plan + "/reports/yearly-goals?year=2023")
                .get("position")).longValue();

        ResponseEntity<byte[]> csv = csv("/api/plans/" + plan + "/reports/yearly-goals?year=2023&format=csv");

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getFirst(Csv.POSITION_HEADER)).isEqualTo(String.valueOf(position));
        assertThat(Instant.parse(csv.getHeaders().getFirst(Csv.GENERATED_AT_HEADER))).isBeforeOrEqualTo(Instant.now());
        List<String> lines = List.of(new String(Objects.requireNonNull(csv.getBody()), StandardCharsets.UTF_8)
                .split("\r\n"));
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.get(0)).isEqualTo("\uFEFFgoalId,year,kind,measure,indicator,activityId,comparator,target,"
                + "unit,targetHistory,outcome,previousOutcome,source,status,events,eventIds");
        assertThat(lines.get(1)).startsWith("aktivitetsplan-2023,2023,MILESTONE,ACTIVITY_COMPLETED,"
                + "Aktivitetsplan framtagen,aktivitetsplan,EXACTLY,1,plan,EXACTLY 1 plan (2023-01-10),1,,,MET,"
                + positionsOf(plan, "ActivityCompletedEvent").get(0) + ",");
        assertThat(lines.get(2)).startsWith("andel-plus-2023,2023,SHARE,,Andel ASF bland Plusmedlemmar,,AT_LEAST,20,%,"
                + "AT_LEAST 20 % (2023-01-10),21.5,,Enkät till Plusmedlemmar 2024,MET,"
                + positionsOf(plan, "GoalOutcomeReportedEvent").get(1) + ",");
    }

    @Test
    void yieldsTheSameReportAfterTheGoalReportIsRebuilt() throws Exception {
        Instant between = recordTwoBatches();
        String path = "/api/plans/" + plan + "/reports/yearly-goals?year=2023";
        awaitCaughtUp(path);
        List<Map<String, Object>> before = rows(get(COMMITTEE, path).getBody());
        List<Map<String, Object>> thenBefore = rows(get(COMMITTEE, path + "&asOf=" + between).getBody());
        String admin = "/api/admin/projections/goal-report";
        int active = ((Number) get(AUDITOR, admin).getBody().get("activeGeneration")).intValue();

        assertStatus(post(COORDINATOR, admin + "/rebuilds", ""), HttpStatus.ACCEPTED);
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(AUDITOR, admin).getBody(), status -> status != null
                        && ((Number) status.get("activeGeneration")).intValue() == active + 1
                        && status.get("rebuildingGeneration") == null);
        awaitCaughtUp(path);

        assertThat(rows(get(COMMITTEE, path).getBody())).isEqualTo(before);
        assertThat(rows(get(COMMITTEE, path + "&asOf=" + between).getBody())).isEqualTo(thenBefore);
        assertThat(before).hasSize(4);
    }

    @Test
    void refusesBadParametersNamingThem() {
        String path = "/api/plans/" + plan + "/reports/yearly-goals";
        assertBadRequest(path + "?year=tjugotjugotre", "year");
        assertBadRequest(path + "?year=1800", "year");
        assertBadRequest(path + "?year=2023&asOf=yesterday", "asOf");
        assertBadRequest(path + "?year=2023&format=xml", "format");
    }

    @Test
    void answersAnUnknownPlanWithNotFound() {
        assertThat(get(COMMITTEE, "/api/plans/no-such-plan/reports/yearly-goals?year=2023").getStatusCode())
                .isEqualTo(org.springframework.http.HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAReportedOutcomeForAGoalMeasuredByEventsWithItsRule() {
        adoptPlanWithGoals();
        long before = eventCount();

        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, goals + "/delade-2023/outcomes", """
                {"value": 4, "source": "Egen räkning", "occurredOn": "2024-01-15"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody()).containsEntry("rule", "outcome-can-be-reported-only-for-manual-or-share-goals");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesAGoalWhoseMeasureDoesNotFitItsKindWithItsRule() {
        adoptPlanWithGoals();

        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, goals, """
                {"goalId": "fel-2023", "year": 2023, "kind": "COVERAGE", "measure": "EVENT_PARTICIPATIONS",
                 "indicator": "Andel inbjudna", "target": {"comparator": "AT_LEAST", "value": 100, "unit": "%"},
                 "decision": {"body": "KS"}, "occurredOn": "2023-01-10"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody()).containsEntry("rule", "goal-measure-must-fit-its-kind");
    }

    // ---------------------------------------------------------------------------------------------- scenario

    private void adoptPlanWithGoals() {
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan med årsmål", "municipality": "Testkommun", "adoption": {"body": "KS"},
                 "adoptedOn": "2021-03-01", "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)),
                HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "Nätverkande", "occurredOn": "2021-03-01"}"""), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "aktivitetsplan", "areaId": "natverk", "kind": "ACTIVITY",
                 "title": "Ta fram en stadsövergripande aktivitetsplan", "responsibility": {"lead": "SLK"},
                 "occurredOn": "2021-03-01"}"""), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities/aktivitetsplan/start",
                "{\"occurredOn\": \"2023-01-05\"}"), HttpStatus.OK);
        setGoal("delade-2023", "COUNT", "\"PROCUREMENTS_DIVIDED_INTO_LOTS\"", "Upphandlingar delade i delkontrakt",
                "AT_LEAST", 1, "st", null);
        setGoal("inbjudna-2023", "COUNT", "\"INTEGRATIONSPAKTEN_INVITATIONS\"", "ASF inbjudna till Integrationspakten",
                "AT_LEAST", 1, "st", null);
        setGoal("aktivitetsplan-2023", "MILESTONE", "\"ACTIVITY_COMPLETED\"", "Aktivitetsplan framtagen", "EXACTLY",
                1, "plan", "aktivitetsplan");
        setGoal("andel-plus-2023", "SHARE", "null", "Andel ASF bland Plusmedlemmar", "AT_LEAST", 20, "%", null);
    }

    private void setGoal(String goalId, String kind, String measure, String indicator, String comparator, int value,
                         String unit, String activityId) {
        assertStatus(post(COORDINATOR, goals, """
                {"goalId": "%s", "year": 2023, "kind": "%s", "measure": %s, "indicator": "%s",
                 "target": {"comparator": "%s", "value": %d, "unit": "%s"}, "activityId": %s,
                 "decision": {"body": "KS"}, "occurredOn": "2023-01-10"}""".formatted(goalId, kind, measure,
                indicator, comparator, value, unit, activityId == null ? "null" : "\"" + activityId + "\"")),
                HttpStatus.CREATED);
    }

    /** Records the first batch, takes a moment, records the second batch; returns the moment. */
    private Instant recordTwoBatches() throws InterruptedException {
        adoptPlanWithGoals();
        String e1 = id("e1");
        assertStatus(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "Kafé Målet",
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"], "municipality": "Stockholm",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2023-01-10"}""".formatted(e1, randomOrganisationNumber())),
                HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/enterprises/" + e1 + "/integrationspakten/invitations",
                "{\"occurredOn\": \"2023-02-01\"}"), HttpStatus.OK);
        String p1 = id("p1");
        assertStatus(begin(p1, "PLANNED", "RESERVED_WELFARE_SERVICES", "\"80511000-9\"", "2023-01-10"),
                HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, base(p1) + "/lots", """
                {"numberOfLots": 3, "bidsMayCover": "SEVERAL", "occurredOn": "2023-01-20"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, goals + "/andel-plus-2023/outcomes", """
                {"value": 18, "source": "Utkast från Integrationspakten", "occurredOn": "2024-01-15"}"""),
                HttpStatus.OK);

        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);

        String p2 = id("p2");
        announced(p2, "ORDINARY", "\"80511000-9\"", "2023-03-01");
        assertStatus(post(COORDINATOR, base(p2) + "/lots", """
                {"numberOfLots": 2, "bidsMayCover": "ONE", "occurredOn": "2023-03-10"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, goals + "/delade-2023/revisions", """
                {"target": {"comparator": "AT_LEAST", "value": 5, "unit": "st"}, "reason": "Höjd ambition",
                 "decision": {"body": "KS"}, "occurredOn": "2023-04-01"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities/aktivitetsplan/complete", """
                {"note": "Antagen av KS", "occurredOn": "2023-11-30"}"""), HttpStatus.OK);
        assertStatus(post(COORDINATOR, goals + "/andel-plus-2023/outcomes", """
                {"value": 21.5, "source": "Enkät till Plusmedlemmar 2024", "occurredOn": "2024-02-01"}"""),
                HttpStatus.OK);
        return between;
    }

    // ---------------------------------------------------------------------------------------------- raw events

    /**
     * The row's outcome and events equal the events of that type dated in 2023, recorded by {@code asOf} and not
     * retracted by then, counted straight from {@code domain_event_entry} up to the position the report reflects
     * (an event appended after the report was read is not in it, and must not be expected); its status follows from
     * the count and the target value.
     */
    private void assertCountMatchesRawEvents(Map<String, Object> row, String type, long position, Instant asOf,
                                             int target) {
        String recorded = "global_index <= " + position
                + (asOf == null ? "" : " and time_stamp::timestamptz <= '" + asOf + "'::timestamptz");
        // other tests' retractions (recorded by asOf) take their facts out of every count
        List<Long> expected = jdbc.queryForList("""
                select global_index from domain_event_entry
                where payload_type like ? and %s
                  and extract(year from (convert_from(payload, 'UTF8')::jsonb ->> 'occurredOn')::date) = 2023
                  and event_identifier not in (
                      select convert_from(payload, 'UTF8')::jsonb ->> 'retractedEventId' from domain_event_entry
                      where payload_type like '%%FactRetractedEvent' and %s)
                  %s
                order by global_index""".formatted(recorded, recorded, knownAsfOnTheDay(recorded)), Long.class,
                "%$" + type);
        assertThat(expected).isNotEmpty();
        assertThat(new BigDecimal(row.get("outcome").toString())).isEqualByComparingTo(
                BigDecimal.valueOf(expected.size()));
        assertThat(events(row)).isEqualTo(expected);
        assertThat(row).containsEntry("status", expected.size() >= target ? "MET" : "NOT_MET");
    }

    private static long position(Map<String, Object> report) {
        return ((Number) report.get("position")).longValue();
    }

    /**
     * A condition on an event of {@code domain_event_entry} in the outer query: when it is an enterprise's, the
     * enterprise was a known ASF on its business date (its latest details by then, in business order, meet all four
     * criteria, and it was not closed on or before that day), by the facts recorded by then ({@code recorded},
     * which the subqueries apply to their own rows). Other tests' random histories close an enterprise back-dated to
     * the day of an invitation.
     */
    private static String knownAsfOnTheDay(String recorded) {
        String day = "(convert_from(domain_event_entry.payload, 'UTF8')::jsonb ->> 'occurredOn')::date";
        return """
                and (not exists (select 1 from domain_event_entry r
                                 where r.aggregate_identifier = domain_event_entry.aggregate_identifier
                                   and r.payload_type like '%%$SocialEnterpriseRegisteredEvent')
                     or (not exists (select 1 from domain_event_entry c
                                     where c.aggregate_identifier = domain_event_entry.aggregate_identifier
                                       and c.payload_type like '%%$SocialEnterpriseClosedEvent' and %1$s
                                       and (convert_from(c.payload, 'UTF8')::jsonb ->> 'occurredOn')::date <= %2$s)
                         and coalesce((select (d.p -> 'details' -> 'criteria' ->> 'integrationPurpose')::boolean
                                              and (d.p -> 'details' -> 'criteria' ->> 'employeeParticipation')::boolean
                                              and (d.p -> 'details' -> 'criteria' ->> 'profitsReinvested')::boolean
                                              and (d.p -> 'details' -> 'criteria'
                                                   ->> 'independentOfPublicSector')::boolean
                                       from (select convert_from(dd.payload, 'UTF8')::jsonb as p,
                                                    dd.global_index as gi
                                             from domain_event_entry dd
                                             where dd.aggregate_identifier = domain_event_entry.aggregate_identifier
                                               and (dd.payload_type like '%%$SocialEnterpriseRegisteredEvent'
                                                    or dd.payload_type like '%%$SocialEnterpriseDetailsChangedEvent')
                                               and %1$s) d
                                       where (d.p ->> 'occurredOn')::date <= %2$s
                                       order by (d.p ->> 'occurredOn')::date desc, d.gi desc limit 1), false)))"""
                .formatted(recorded, day);
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
        // the goal report follows every test's events: after the long histories of other tests it may trail a while
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(COMMITTEE, path).getBody(), body -> body != null && body.get("position") != null
                        && ((Number) body.get("position")).longValue() == jdbc.queryForObject(
                        "select max(global_index) from domain_event_entry", Long.class));
    }

    private void assertBadRequest(String path, String parameter) {
        ResponseEntity<Map<String, Object>> response = get(AUDITOR, path);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody().get("detail"))).matches(parameter + "[: ].*");
    }

    private ResponseEntity<byte[]> csv(String path) {
        return http.withBasicAuth(COMMITTEE, COMMITTEE).exchange(path, HttpMethod.GET,
                new HttpEntity<>(new HttpHeaders()), byte[].class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    private static Map<String, Object> row(Map<String, Object> report, String goalId) {
        return rows(report).stream().filter(row -> goalId.equals(row.get("goalId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(Map<String, Object> rowOrVersion) {
        return (Map<String, Object>) rowOrVersion.get("target");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> history(Map<String, Object> row) {
        return (List<Map<String, Object>>) row.get("targetHistory");
    }

    private static List<Long> events(Map<String, Object> row) {
        return ((List<?>) row.get("events")).stream().map(event -> ((Number) event).longValue()).toList();
    }
}
