package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Two municipalities' plans in one installation, end to end on PostgreSQL: each plan's yearly goal report counts only
 * what lies inside its own scope, checked against an independent count of the raw events in
 * {@code domain_event_entry} inside that scope; facts recorded for one municipality never move the other's figures;
 * a fact that carries out a plan's activity counts for that plan wherever it lies; and a samordningsförbund's plan,
 * whose scope covers both municipalities and names the förbund as a party, counts both.
 *
 * <p>Municipalities and authorities carry this run's suffix, so no other test's facts lie in these scopes; the
 * facts are dated 2016, a year no other test uses.
 */
class PlanScopeIT extends ProcurementApiSupport {

    private static final int YEAR = 2016;

    private final String alfa = "Alfa kommun " + suffix;
    private final String beta = "Beta kommun " + suffix;
    private final String alfaPlan = id("alfa-plan");
    private final String betaPlan = id("beta-plan");
    private final String forbundPlan = id("forbund-plan");
    private final String alfaAuthority = "Alfa arbetsmarknadsnamnd " + suffix;
    private final String betaAuthority = "Beta upphandlingsnamnd " + suffix;
    private final String forbund = id("forbundet");

    @Test
    void eachPlanCountsWhatLiesInsideItsScopeAndNothingElse() {
        registerParty(id("alfa-amn"), alfaAuthority, alfa);
        registerParty(id("beta-un"), betaAuthority, beta);
        registerParty(forbund, "Samordningsförbundet " + suffix, null);
        adopt(alfaPlan, alfa, null);
        adopt(betaPlan, beta, null);
        adopt(forbundPlan, "Samordningsförbundet " + suffix, """
                , "scope": {"municipalities": ["%s", "%s"], "parties": ["%s"]}""".formatted(alfa, beta, forbund));

        // Alfa: two procurements divided into lots, two ASF invited
        dividedBy(id("alfa-p1"), alfaAuthority, null);
        dividedBy(id("alfa-p2"), alfaAuthority.toUpperCase(), null);
        invited(id("alfa-e1"), alfa, null);
        invited(id("alfa-e2"), alfa, null);
        Map<String, Object> alfaBefore = awaitReport(alfaPlan, report -> outcome(report, "delade") == 2
                && outcome(report, "inbjudna") == 2);

        // Beta's facts, one not in any scope, and one by Beta's authority carrying out Alfa's activity
        dividedBy(id("beta-p1"), betaAuthority, null);
        invited(id("beta-e1"), beta, null);
        dividedBy(id("okand-p1"), "Okänd nämnd " + suffix, null);
        invited(id("okand-e1"), "Gamma kommun " + suffix, null);
        dividedBy(id("beta-for-alfa"), betaAuthority, alfaPlan);

        Map<String, Object> alfaAfter = awaitReport(alfaPlan, report -> outcome(report, "delade") == 3);
        Map<String, Object> betaReport = awaitReport(betaPlan, report -> outcome(report, "delade") == 2
                && outcome(report, "inbjudna") == 1);
        Map<String, Object> both = awaitReport(forbundPlan, report -> outcome(report, "delade") == 4
                && outcome(report, "inbjudna") == 3);

        // Beta's own facts did not move Alfa's invitations; the fact carrying out Alfa's activity counts for Alfa
        assertThat(row(alfaAfter, "inbjudna")).isEqualTo(row(alfaBefore, "inbjudna"));
        assertThat(alfaAfter.get("scope")).isEqualTo(Map.of("municipalities", List.of(alfa), "parties", List.of()));
        assertThat(both.get("scope")).isEqualTo(Map.of("municipalities", List.of(alfa, beta),
                "parties", List.of(forbund)));

        // each report against an independent count of the raw events inside its scope
        assertMatchesTheRawEventsInScope(alfaAfter, alfaPlan, List.of(alfa));
        assertMatchesTheRawEventsInScope(betaReport, betaPlan, List.of(beta));
        assertMatchesTheRawEventsInScope(both, forbundPlan, List.of(alfa, beta));
    }

    private void assertMatchesTheRawEventsInScope(Map<String, Object> report, String plan,
                                                  List<String> municipalities) {
        assertThat(events(row(report, "delade"))).as("lots of %s", plan)
                .isEqualTo(lotsInScope(plan, municipalities, position(report)));
        assertThat(events(row(report, "inbjudna"))).as("invitations of %s", plan)
                .isEqualTo(invitationsInScope(plan, municipalities, position(report)));
    }

    @Test
    void refusesAScopeNamingAPartyTheRegisterDoesNotHave() {
        String plan = id("okand-part-plan");
        adopt(plan, alfa, null);
        long before = eventCount();
        ResponseEntity<Map<String, Object>> refused = post(COORDINATOR, "/api/plans/" + plan + "/scope", """
                {"scope": {"municipalities": ["%s"], "parties": ["%s"]}, "reason": "Förbundet"}"""
                .formatted(alfa, id("finns-inte")));
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody()).containsEntry("rule", "scope-party-must-be-registered");
        ResponseEntity<Map<String, Object>> empty = post(COORDINATOR, "/api/plans/" + plan + "/scope", """
                {"scope": {"municipalities": []}, "reason": "Ingen"}""");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().toString()).contains("scope municipalities must name at least one");
        assertThat(eventCount()).isEqualTo(before);

        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/scope", """
                {"scope": {"municipalities": ["%s", "%s"]}, "reason": "Planen gäller båda"}""".formatted(alfa, beta)),
                HttpStatus.OK);
        Map<String, Object> read = awaitResource(COMMITTEE, "/api/plans/" + plan,
                body -> ((List<?>) ((Map<?, ?>) body.get("scope")).get("municipalities")).size() == 2);
        assertThat(read.get("scope")).isEqualTo(Map.of("municipalities", List.of(alfa, beta), "parties", List.of()));
    }

    // ---------------------------------------------------------------------------------------------- recording

    private void registerParty(String partyId, String name, String municipality) {
        assertStatus(post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "%s", "kind": "COMMITTEE", "municipality": %s, "occurredOn": "2015-12-01"}"""
                .formatted(partyId, name, municipality == null ? "null" : "\"" + municipality + "\"")),
                HttpStatus.CREATED);
    }

    private void adopt(String plan, String municipality, String scope) {
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "%s", "adoption": {"body": "KS"},
                 "adoptedOn": "2016-01-10", "period": {"fromYear": 2016, "toYear": 2017}}"""
                .formatted(plan, municipality)), HttpStatus.CREATED);
        if (scope != null) {
            assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/scope", "{\"reason\": \"Förbundets plan\""
                    + scope + "}"), HttpStatus.OK);
        }
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "upphandling", "name": "Upphandling", "occurredOn": "2016-01-10"}"""), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "delade", "areaId": "upphandling", "kind": "ACTIVITY", "title": "Dela upphandlingar",
                 "responsibility": {"lead": "KS"}, "occurredOn": "2016-01-10"}"""), HttpStatus.CREATED);
        for (String[] goal : List.of(new String[] {"delade", "PROCUREMENTS_DIVIDED_INTO_LOTS"},
                new String[] {"inbjudna", "INTEGRATIONSPAKTEN_INVITATIONS"})) {
            assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/goals", """
                    {"goalId": "%s", "year": 2016, "kind": "COUNT", "measure": "%s", "indicator": "Antal",
                     "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"}, "decision": {"body": "KS"},
                     "occurredOn": "2016-01-10"}""".formatted(goal[0], goal[1])), HttpStatus.CREATED);
        }
    }

    private void dividedBy(String procurementId, String authorityName, String carriesOutPlan) {
        String carriesOut = carriesOutPlan == null ? ""
                : ", \"carriesOut\": {\"planId\": \"%s\", \"activityId\": \"delade\"}".formatted(carriesOutPlan);
        assertStatus(post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "ANNOUNCED", "authority": "%s", "subject": "Städ",
                 "cpvCodes": ["90910000-9"], "procedure": "ORDINARY", "occurredOn": "2016-02-01"%s}"""
                .formatted(procurementId, authorityName, carriesOut)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, base(procurementId) + "/lots", """
                {"numberOfLots": 2, "bidsMayCover": "ONE", "occurredOn": "2016-02-10"}"""), HttpStatus.OK);
    }

    private void invited(String enterpriseId, String municipality, String carriesOutPlan) {
        assertStatus(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "ASF %s",
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"], "municipality": "%s",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2016-01-15"}"""
                .formatted(enterpriseId, randomOrganisationNumber(), enterpriseId, municipality)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/enterprises/" + enterpriseId + "/integrationspakten/invitations",
                "{\"occurredOn\": \"2016-03-01\"}"), HttpStatus.OK);
    }

    // ---------------------------------------------------------------------------------------------- reading

    private Map<String, Object> awaitReport(String plan, java.util.function.Predicate<Map<String, Object>> ready) {
        String path = "/api/plans/" + plan + "/reports/yearly-goals?year=" + YEAR;
        // caught up with the whole log, so the rows reflect exactly the events up to the position it reports
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(COMMITTEE, path).getBody(), body -> body != null && body.get("rows") != null
                        && body.get("position") != null && position(body) == jdbc.queryForObject(
                        "select max(global_index) from domain_event_entry", Long.class) && ready.test(body));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> report, String goalId) {
        return ((List<Map<String, Object>>) report.get("rows")).stream()
                .filter(row -> goalId.equals(row.get("goalId"))).findFirst().orElseThrow();
    }

    private static int outcome(Map<String, Object> report, String goalId) {
        return new BigDecimal(row(report, goalId).get("outcome").toString()).intValueExact();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> events(Map<String, Object> row) {
        return ((List<Number>) row.get("events")).stream().map(Number::longValue).toList();
    }

    private static long position(Map<String, Object> report) {
        return ((Number) report.get("position")).longValue();
    }

    /**
     * The lots dated in the year, up to the position: of procurements begun by an authority that names a party whose
     * municipality is in scope (by the parties' events), or whose events carry out the plan's activity.
     */
    private List<Long> lotsInScope(String plan, List<String> municipalities, long position) {
        return jdbc.queryForList("""
                with e as (select global_index, aggregate_identifier, payload_type,
                                  convert_from(payload, 'UTF8')::jsonb as p
                           from domain_event_entry where global_index <= ?),
                     party as (select p ->> 'name' as name, p ->> 'municipality' as municipality from e
                               where payload_type like '%%$PartyRegisteredEvent'),
                     begun as (select aggregate_identifier as procurement, p ->> 'authority' as authority,
                                      p -> 'carriesOut' ->> 'planId' as plan from e
                               where payload_type like '%%$ProcurementAnnouncedEvent'
                                  or payload_type like '%%$ProcurementPlannedEvent')
                select e.global_index from e join begun on begun.procurement = e.aggregate_identifier
                where e.payload_type like '%%$ProcurementDividedIntoLotsEvent'
                  and extract(year from (e.p ->> 'occurredOn')::date) = ?
                  and (begun.plan = ? or exists (select 1 from party
                           where lower(party.name) = lower(begun.authority)
                             and party.municipality = any (?)))
                order by e.global_index""", Long.class, position, YEAR, plan,
                municipalities.toArray(String[]::new));
    }

    /** The invitations dated in the year, up to the position, of enterprises registered in a municipality in scope. */
    private List<Long> invitationsInScope(String plan, List<String> municipalities, long position) {
        return jdbc.queryForList("""
                with e as (select global_index, aggregate_identifier, payload_type,
                                  convert_from(payload, 'UTF8')::jsonb as p
                           from domain_event_entry where global_index <= ?)
                select e.global_index from e
                join e r on r.aggregate_identifier = e.aggregate_identifier
                        and r.payload_type like '%%$SocialEnterpriseRegisteredEvent'
                where e.payload_type like '%%$InvitedToIntegrationspaktenEvent'
                  and extract(year from (e.p ->> 'occurredOn')::date) = ?
                  and (r.p -> 'details' ->> 'municipality' = any (?) or e.p -> 'carriesOut' ->> 'planId' = ?)
                order by e.global_index""", Long.class, position, YEAR, municipalities.toArray(String[]::new),
                plan);
    }
}
