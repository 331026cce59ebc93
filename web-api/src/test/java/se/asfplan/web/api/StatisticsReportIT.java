package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

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

import se.asfplan.web.report.Csv;

/**
 * The register and procurement statistics over HTTP on PostgreSQL: recorded in two batches with a moment between
 * them, asked now and as recorded at that moment, in JSON and CSV, each count checked against an independent count
 * over the raw events in {@code domain_event_entry}; and the same answers after the statistics are replayed from
 * the event store. Each test uses its own districts and contracting authority, so other tests' data never meets it.
 */
class StatisticsReportIT extends ProcurementApiSupport {

    private final String districtA = "Rinkeby " + suffix;
    private final String districtB = "Farsta " + suffix;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void answersNowAndAsRecordedAtAnEarlierMomentMatchingTheRawEvents() throws InterruptedException {
        Instant between = recordTwoBatches();

        Map<String, Object> now = awaitCaughtUp("/api/reports/register?to=2023-12-31");
        assertThat(districtRow(now, districtA, null)).containsEntry("knownAsf", 2)
                .containsEntry("invitedToIntegrationspakten", 2).containsEntry("members", 1);
        assertThat(districtRow(now, districtA, "plusmedlem")).containsEntry("members", 1);
        assertThat(districtRow(now, districtA, "member")).isNull();
        assertThat(districtRow(now, districtB, null)).containsEntry("knownAsf", 1)
                .containsEntry("invitedToIntegrationspakten", 0).containsEntry("members", 0);
        assertRegisterMatchesRawEvents(now, null);

        Map<String, Object> then = get(COMMITTEE, "/api/reports/register?to=2023-12-31&asOf=" + between).getBody();
        assertThat(then).containsEntry("asOf", between.toString());
        assertThat(districtRow(then, districtA, null)).containsEntry("knownAsf", 2)
                .containsEntry("invitedToIntegrationspakten", 1).containsEntry("members", 1);
        assertThat(districtRow(then, districtA, "member")).containsEntry("members", 1);
        assertThat(districtRow(then, districtB, null)).as("not yet an ASF at that moment").isNull();
        assertRegisterMatchesRawEvents(then, between);

        Map<String, Object> procurementNow = get(AUDITOR, "/api/reports/procurement?authority=" + authority).getBody();
        assertThat(yearRow(procurementNow, 2023)).containsEntry("begun", 2).containsEntry("reserved", 1)
                .containsEntry("dividedIntoLots", 1).containsEntry("notDivided", 1).containsEntry("completed", 1)
                .containsEntry("contractsAwarded", 2).containsEntry("awardedToAsf", 1)
                .containsEntry("valueAwardedToAsf", 450000.50);
        assertThat(yearRow(procurementNow, 2024)).containsEntry("begun", 1).containsEntry("cancelled", 1);
        assertProcurementMatchesRawEvents(procurementNow, null);

        Map<String, Object> procurementThen = get(AUDITOR, "/api/reports/procurement?authority=" + authority
                + "&asOf=" + between).getBody();
        assertThat(yearRow(procurementThen, 2023)).containsEntry("begun", 2).containsEntry("completed", 0)
                .containsEntry("contractsAwarded", 1).containsEntry("awardedToAsf", 1);
        assertThat(yearRow(procurementThen, 2024)).isNull();
        assertProcurementMatchesRawEvents(procurementThen, between);

        Map<String, Object> only2024 = get(AUDITOR, "/api/reports/procurement?authority=" + authority
                + "&from=2024-01-01&to=2024-12-31").getBody();
        assertThat(rows(only2024)).extracting(row -> row.get("year")).containsOnly(2024);
    }

    @Test
    void answersInCsvWithTheGenerationTimeAndPositionInHeaders() throws InterruptedException {
        recordTwoBatches();
        long position = ((Number) awaitCaughtUp("/api/reports/register").get("position")).longValue();

        ResponseEntity<byte[]> csv = csv("/api/reports/procurement?format=csv&authority=" + authority, null);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getFirst(Csv.POSITION_HEADER)).isEqualTo(String.valueOf(position));
        assertThat(Instant.parse(csv.getHeaders().getFirst(Csv.GENERATED_AT_HEADER))).isBeforeOrEqualTo(Instant.now());
        List<String> lines = lines(csv);
        assertThat(lines.get(0)).startsWith("\uFEFFyear,authority,begun,reserved,reservedByLegalGround,"
                + "dividedIntoLots,notDivided,completed,cancelled,contractsAwarded,awardedToAsf,valueAwarded,"
                + "valueAwardedToAsf,begunEvents,");
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.get(1)).startsWith("2023,Arbetsmarknadsnämnden " + suffix + ",2,1,LOU 19 kap. 25 §: 1,1,1,1,0,2,1,"
                + "750000.50,450000.50,");
        assertThat(lines.get(2)).startsWith("2023,,2,1,");

        ResponseEntity<byte[]> register = csv("/api/reports/register?to=2023-12-31", "text/csv");
        assertThat(register.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(lines(register).get(0)).isEqualTo("\uFEFFtotal,district,level,knownAsf,invitedToIntegrationspakten,"
                + "members,knownAsfEvents,invitationEvents,membershipEvents");
        assertThat(lines(register)).anySatisfy(line -> assertThat(line).startsWith("false," + districtA + ",,2,2,1,"));
        assertThat(lines(register)).anySatisfy(line -> assertThat(line)
                .startsWith("false," + districtA + ",plusmedlem,,,1,,,"));
    }

    @Test
    void yieldsTheSameReportsAfterTheStatisticsAreReplayed() throws Exception {
        Instant between = recordTwoBatches();
        awaitCaughtUp("/api/reports/register");
        List<Map<String, Object>> registerBefore = rows(get(COMMITTEE, "/api/reports/register?to=2023-12-31").getBody());
        List<Map<String, Object>> registerThenBefore = rows(get(COMMITTEE, "/api/reports/register?to=2023-12-31&asOf="
                + between).getBody());
        List<Map<String, Object>> procurementBefore = rows(get(COMMITTEE, "/api/reports/procurement").getBody());

        StreamingEventProcessor statistics = processing.eventProcessor("statistics", StreamingEventProcessor.class)
                .orElseThrow();
        statistics.shutdownAsync().get(15, TimeUnit.SECONDS);
        statistics.resetTokens();
        statistics.start();
        awaitCaughtUp("/api/reports/register");

        assertThat(rows(get(COMMITTEE, "/api/reports/register?to=2023-12-31").getBody())).isEqualTo(registerBefore);
        assertThat(rows(get(COMMITTEE, "/api/reports/register?to=2023-12-31&asOf=" + between).getBody()))
                .isEqualTo(registerThenBefore);
        assertThat(rows(get(COMMITTEE, "/api/reports/procurement").getBody())).isEqualTo(procurementBefore);
        assertThat(districtRow(Map.of("rows", registerBefore), districtA, null)).containsEntry("knownAsf", 2);
    }

    @Test
    void refusesBadParametersNamingThem() {
        assertBadRequest("/api/reports/register?asOf=yesterday", "asOf");
        assertBadRequest("/api/reports/register?to=2023-13-01", "to");
        assertBadRequest("/api/reports/procurement?from=2023-02-01&to=2023-01-31", "from");
        assertBadRequest("/api/reports/procurement?format=xml", "format");
    }

    // ---------------------------------------------------------------------------------------------- scenario

    /** Records the first batch, waits, takes the moment, waits, records the second batch; returns the moment. */
    private Instant recordTwoBatches() throws InterruptedException {
        String e1 = id("e1");
        String e2 = id("e2");
        String e3 = id("e3");
        String n1 = randomOrganisationNumber();
        register(e1, n1, districtA, true, "2022-01-10");
        register(e2, randomOrganisationNumber(), districtA, true, "2022-01-10");
        register(e3, randomOrganisationNumber(), districtB, false, "2022-01-10");
        ok(post(COORDINATOR, "/api/enterprises/" + e1 + "/integrationspakten/invitations",
                "{\"occurredOn\": \"2022-02-01\"}"));
        ok(post(COORDINATOR, "/api/enterprises/" + e1 + "/integrationspakten/membership",
                "{\"level\": \"member\", \"occurredOn\": \"2022-03-01\"}"));

        String p1 = id("p1");
        String p2 = id("p2");
        String p3 = id("p3");
        assertStatus(post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "PLANNED", "authority": "%s", "subject": "Korta jobbspår",
                 "cpvCodes": ["80511000-9"], "procedure": "RESERVED_WELFARE_SERVICES", "occurredOn": "2023-01-10"}"""
                .formatted(p1, authority)), HttpStatus.CREATED);
        ok(post(COORDINATOR, base(p1) + "/lots", """
                {"numberOfLots": 3, "bidsMayCover": "SEVERAL", "occurredOn": "2023-01-20"}"""));
        ok(post(COORDINATOR, base(p1) + "/announcement", "{\"occurredOn\": \"2023-02-01\"}"));
        ok(award(p1, n1, "450000.50", "2023-05-01", "2026-04-30", "", "2023-04-03"));
        announced(p2, "ORDINARY", "\"80511000-9\"", "2023-02-01");
        ok(post(COORDINATOR, base(p2) + "/no-division", """
                {"reason": "En enda leverantör kan utföra uppdraget", "occurredOn": "2023-02-02"}"""));

        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);

        ok(post(COORDINATOR, "/api/enterprises/" + e2 + "/integrationspakten/invitations",
                "{\"occurredOn\": \"2022-04-01\"}"));
        ok(post(COORDINATOR, "/api/enterprises/" + e1 + "/integrationspakten/level",
                "{\"level\": \"plusmedlem\", \"occurredOn\": \"2022-05-01\"}"));
        ok(post(COORDINATOR, "/api/enterprises/" + e3 + "/details", details(districtB, true, "2022-06-01")));
        ok(award(p2, randomOrganisationNumber(), "300000", "2023-04-01", "2024-03-31", "", "2023-03-01"));
        ok(post(COORDINATOR, base(p1) + "/completion", "{\"occurredOn\": \"2023-06-01\"}"));
        announced(p3, "ORDINARY", "\"80511000-9\"", "2024-01-15");
        ok(post(COORDINATOR, base(p3) + "/cancellation", """
                {"reason": "Inga anbud", "occurredOn": "2024-02-01"}"""));
        return between;
    }

    private void register(String enterprise, String number, String district, boolean asf, String occurredOn) {
        String body = details(district, asf, occurredOn);
        assertStatus(post(COORDINATOR, "/api/enterprises", "{\"enterpriseId\": \"" + enterprise
                + "\", \"organisationNumber\": \"" + number + "\", " + body.substring(1)), HttpStatus.CREATED);
    }

    private static String details(String district, boolean asf, String occurredOn) {
        return """
                {"name": "Kafé %s", "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"],
                 "municipality": "Stockholm", "district": "%s",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": %s,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "%s"}""".formatted(district, district, asf, occurredOn);
    }

    // ---------------------------------------------------------------------------------------------- independent counts

    /**
     * Counts this test's districts straight from the raw events: per enterprise its latest details (by sequence,
     * which is business order here), no closing, its invitations, and its latest membership fact.
     */
    private void assertRegisterMatchesRawEvents(Map<String, Object> report, Instant asOf) {
        String recorded = asOf == null ? "true" : "time_stamp::timestamptz <= '" + asOf + "'::timestamptz";
        List<Map<String, Object>> expected = jdbc.queryForList("""
                with e as (
                    select aggregate_identifier as id, sequence_number as seq, global_index,
                           substring(payload_type from '\\$(.*)$') as type,
                           convert_from(payload, 'UTF8')::jsonb as p
                    from domain_event_entry
                    where aggregate_identifier like ? and %s),
                details as (
                    select distinct on (id) id, p -> 'details' ->> 'district' as district,
                           (p -> 'details' -> 'criteria' ->> 'integrationPurpose')::boolean
                           and (p -> 'details' -> 'criteria' ->> 'employeeParticipation')::boolean
                           and (p -> 'details' -> 'criteria' ->> 'profitsReinvested')::boolean
                           and (p -> 'details' -> 'criteria' ->> 'independentOfPublicSector')::boolean as asf
                    from e where type in ('SocialEnterpriseRegisteredEvent', 'SocialEnterpriseDetailsChangedEvent')
                    order by id, seq desc),
                membership as (
                    select distinct on (id) id, coalesce(p ->> 'level', p ->> 'to') as level
                    from e where type in ('JoinedIntegrationspaktenEvent', 'IntegrationspaktenLevelChangedEvent',
                                          'LeftIntegrationspaktenEvent')
                    order by id, seq desc),
                known as (
                    select d.id, d.district from details d
                    where d.asf and not exists (select 1 from e where e.id = d.id
                                                and e.type = 'SocialEnterpriseClosedEvent'))
                select k.district, count(*) as known_asf,
                       count(*) filter (where exists (select 1 from e where e.id = k.id
                                        and e.type = 'InvitedToIntegrationspaktenEvent')) as invited,
                       count(m.level) as members
                from known k left join membership m on m.id = k.id
                group by k.district""".formatted(recorded), "it-e_-" + suffix);
        assertThat(expected).isNotEmpty();
        for (Map<String, Object> counts : expected) {
            assertThat(districtRow(report, (String) counts.get("district"), null))
                    .containsEntry("knownAsf", ((Number) counts.get("known_asf")).intValue())
                    .containsEntry("invitedToIntegrationspakten", ((Number) counts.get("invited")).intValue())
                    .containsEntry("members", ((Number) counts.get("members")).intValue());
        }
        assertThat(rows(report).stream().filter(row -> !(Boolean) row.get("total")
                && row.get("level") == null && (districtA.equals(row.get("district"))
                || districtB.equals(row.get("district"))))).hasSize(expected.size());
    }

    /** Counts this test's authority straight from the raw events, per year of the begin or of the award. */
    private void assertProcurementMatchesRawEvents(Map<String, Object> report, Instant asOf) {
        String recorded = asOf == null ? "true" : "time_stamp::timestamptz <= '" + asOf + "'::timestamptz";
        List<Map<String, Object>> expected = jdbc.queryForList("""
                with e as (
                    select aggregate_identifier as id, sequence_number as seq,
                           substring(payload_type from '\\$(.*)$') as type,
                           convert_from(payload, 'UTF8')::jsonb as p
                    from domain_event_entry where %s),
                begun as (
                    select id, p ->> 'procedure' as procedure,
                           extract(year from (p ->> 'occurredOn')::date)::int as year
                    from e where seq = 0 and p ->> 'authority' = ?
                                 and type in ('ProcurementPlannedEvent', 'ProcurementAnnouncedEvent')),
                awards as (
                    select e.id, (e.p ->> 'supplierIsAsf')::boolean as asf, (e.p ->> 'value')::numeric as value,
                           extract(year from (e.p ->> 'occurredOn')::date)::int as year
                    from e join begun b on b.id = e.id where e.type = 'ContractAwardedEvent'),
                years as (select year from begun union select year from awards)
                select y.year,
                       (select count(*) from begun b where b.year = y.year) as begun,
                       (select count(*) from begun b where b.year = y.year
                        and b.procedure in ('RESERVED_FOR_EMPLOYMENT', 'RESERVED_WELFARE_SERVICES')) as reserved,
                       (select count(*) from begun b join e on e.id = b.id where b.year = y.year
                        and e.type = 'ProcurementDividedIntoLotsEvent') as divided,
                       (select count(*) from begun b join e on e.id = b.id where b.year = y.year
                        and e.type = 'ProcurementCompletedEvent') as completed,
                       (select count(*) from begun b join e on e.id = b.id where b.year = y.year
                        and e.type = 'ProcurementCancelledEvent') as cancelled,
                       (select count(*) from awards a where a.year = y.year) as awarded,
                       (select count(*) from awards a where a.year = y.year and a.asf) as awarded_to_asf,
                       (select coalesce(sum(a.value), 0) from awards a where a.year = y.year and a.asf) as asf_value
                from years y""".formatted(recorded), authority);
        assertThat(expected).isNotEmpty();
        for (Map<String, Object> counts : expected) {
            Map<String, Object> row = yearRow(report, ((Number) counts.get("year")).intValue());
            assertThat(row).as("year %s", counts.get("year"))
                    .containsEntry("begun", ((Number) counts.get("begun")).intValue())
                    .containsEntry("reserved", ((Number) counts.get("reserved")).intValue())
                    .containsEntry("dividedIntoLots", ((Number) counts.get("divided")).intValue())
                    .containsEntry("completed", ((Number) counts.get("completed")).intValue())
                    .containsEntry("cancelled", ((Number) counts.get("cancelled")).intValue())
                    .containsEntry("contractsAwarded", ((Number) counts.get("awarded")).intValue())
                    .containsEntry("awardedToAsf", ((Number) counts.get("awarded_to_asf")).intValue());
            assertThat(new BigDecimal(row.get("valueAwardedToAsf").toString()))
                    .isEqualByComparingTo((BigDecimal) counts.get("asf_value"));
        }
        assertThat(rows(report).stream().filter(row -> row.get("authority") != null)).hasSize(expected.size());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Asks until the statistics have folded every stored event, and returns that answer. */
    private Map<String, Object> awaitCaughtUp(String path) {
        // after a replay of the whole shared test history this takes longer than following one new event
        return Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(COMMITTEE, path).getBody(), body -> body != null && body.get("position") != null
                        && ((Number) body.get("position")).longValue() == jdbc.queryForObject(
                        "select max(global_index) from domain_event_entry", Long.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    private static Map<String, Object> districtRow(Map<String, Object> report, String district, String level) {
        return rows(report).stream().filter(row -> !(Boolean) row.get("total")
                        && Objects.equals(row.get("district"), district) && Objects.equals(row.get("level"), level))
                .findFirst().orElse(null);
    }

    private Map<String, Object> yearRow(Map<String, Object> report, int year) {
        return rows(report).stream().filter(row -> ((Number) row.get("year")).intValue() == year
                && authority.equals(row.get("authority"))).findFirst().orElse(null);
    }

    private ResponseEntity<byte[]> csv(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return http.withBasicAuth(COMMITTEE, COMMITTEE).exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                byte[].class);
    }

    private static List<String> lines(ResponseEntity<byte[]> csv) {
        return List.of(new String(Objects.requireNonNull(csv.getBody()), StandardCharsets.UTF_8).split("\r\n"));
    }

    private void assertBadRequest(String path, String parameter) {
        ResponseEntity<Map<String, Object>> response = get(AUDITOR, path);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody().get("detail"))).matches(parameter + "[: ].*");
    }

    private static void ok(ResponseEntity<Map<String, Object>> response) {
        assertStatus(response, HttpStatus.OK);
    }
}
