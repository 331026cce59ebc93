package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.browser.OrganisationNumbers;
import se.asfplan.web.security.EndpointRoleMatrix.Access;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The role matrix by content: a sole trader (named as its owner would be) and a company take part in a meeting and
 * record facts that carry out a plan's activity; then every API read a committee may make
 * ({@link EndpointRoleMatrix#EXPECTED} entries for every role), in JSON and in CSV where it has one, and the pages a
 * committee opens about the activity and the register, are called as the committee with this plan's ids filled in.
 * None may name the sole trader or a participant (its name or id): the company's name and id appear in the register
 * list alone, whose legal persons' names are public. The activity's facts answer the committee counts, with "&lt;5"
 * for one to four enterprises; the coordinator reads the same facts with their names.
 */
class CommitteeReadPolicyIT extends PostgresApiTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String plan = "it-policy-" + suffix;
    private final String soleTrader = "it-policy-anna-" + suffix;
    private final String soleTraderName = "Anna Hemligsson Städ " + suffix;
    private final String company = "it-policy-kafe-" + suffix;
    private final String companyName = "Synligt Kafé " + suffix;
    private final String meeting = "it-policy-mote-" + suffix;

    @LocalServerPort
    int port;

    @Test
    void aCommitteeReadsNoEnterpriseOrParticipantItMayNotSeeInAnyAnswer() throws Exception {
        record();
        String facts = "/api/plans/" + plan + "/activities/anbudsskolor/facts";
        Map<String, Object> full = awaitResource(COORDINATOR, facts, body -> body.toString().contains(soleTraderName)
                && ((List<?>) body.get("meetings")).size() == 1 && ((List<?>) body.get("enterpriseFacts")).size() == 2);
        assertThat(full).containsEntry("complete", true);
        assertThat(full.get("counts")).isEqualTo(Map.of("enterpriseFacts", "2", "enterprises", "2", "meetings", 1,
                "procurementSteps", 0));
        assertThat(full.toString()).contains(companyName, company, soleTrader);

        Map<String, Object> committee = get(COMMITTEE, facts).getBody();
        assertThat(committee).containsEntry("complete", false);
        assertThat(committee.get("counts")).isEqualTo(Map.of("enterpriseFacts", "<5", "enterprises", "<5",
                "meetings", 1, "procurementSteps", 0));
        assertThat((List<?>) committee.get("enterpriseFacts")).isEmpty();
        assertThat((List<?>) committee.get("meetings")).isEmpty();

        Map<String, String> leaks = new TreeMap<>();
        int read = 0;
        for (String path : committeeReads()) {
            ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(basic(COMMITTEE)),
                    String.class);
            assertThat(answer.getStatusCode().value()).as(path).isNotIn(401, 403);
            assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " answered " + answer.getStatusCode()
                    + ": " + answer.getBody()).isTrue();
            read++;
            String body = answer.getBody() == null ? "" : answer.getBody();
            boolean registerList = path.startsWith("/api/enterprises");
            for (String secret : secrets(registerList)) {
                if (body.contains(secret)) {
                    leaks.put(path, secret);
                }
            }
        }
        assertThat(leaks).as("committee answers naming an enterprise or participant it may not see").isEmpty();
        assertThat(read).isGreaterThanOrEqualTo(25);

        // the register list: the company, not the sole trader; the coordinator sees both
        assertThat(http.exchange("/api/enterprises?q=" + suffix, HttpMethod.GET, new HttpEntity<>(basic(COMMITTEE)),
                String.class).getBody()).contains(companyName).doesNotContain(soleTraderName);
        assertThat(http.exchange("/api/enterprises?q=" + suffix, HttpMethod.GET,
                new HttpEntity<>(basic(COORDINATOR)), String.class).getBody()).contains(companyName, soleTraderName);
    }

    @Test
    void theCommitteesPagesNameNoEnterpriseOrParticipantAndHideSmallCounts() throws Exception {
        record();
        awaitResource(COORDINATOR, "/api/plans/" + plan + "/activities/anbudsskolor/facts",
                body -> ((List<?>) body.get("meetings")).size() == 1
                        && ((List<?>) body.get("enterpriseFacts")).size() == 2);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        PageRoleMatrix.Session session = PageRoleMatrix.signIn(client, base, COMMITTEE, Role.COMMITTEE);
        PageRoleMatrix.Session staff = PageRoleMatrix.signIn(client, base, COORDINATOR, Role.COORDINATOR);

        String activity = page(client, base, session, "/planer/" + plan + "/aktiviteter/anbudsskolor");
        assertThat(activity).contains("&lt;5 registrerade händelser hos &lt;5 företag, 1 möten");
        for (String secret : secrets(false)) {
            assertThat(activity).as("the activity page for the committee").doesNotContain(secret);
        }
        assertThat(page(client, base, staff, "/planer/" + plan + "/aktiviteter/anbudsskolor"))
                .as("the activity page for the coordinator").contains(soleTraderName);

        String register = page(client, base, session, "/foretag?q=" + suffix);
        assertThat(register).contains(companyName).doesNotContain(soleTraderName, soleTrader);
        assertThat(page(client, base, staff, "/foretag?q=" + suffix)).contains(companyName, soleTraderName);
        for (String path : List.of("/planer/" + plan, "/planer/" + plan + "/mal", "/planer/" + plan + "/rapport/2024",
                "/statistik", "/parter")) {
            String body = page(client, base, session, path);
            for (String secret : secrets(false)) {
                assertThat(body).as(path + " for the committee").doesNotContain(secret);
            }
        }
    }

    /** What the committee must not read: the sole trader always; the company (a participant) outside the list. */
    private List<String> secrets(boolean registerList) {
        List<String> secrets = new ArrayList<>(List.of(soleTraderName, soleTrader));
        if (!registerList) {
            secrets.add(companyName);
            secrets.add(company);
        }
        return secrets;
    }

    /** Every API read the matrix grants every role, with this test's ids, JSON and CSV. */
    private List<String> committeeReads() {
        String decision = String.valueOf(((Map<?, ?>) getList(COORDINATOR, "/api/plans/" + plan + "/decisions")
                .getBody().get(0)).get("decisionId"));
        String party = "it-policy-amn-" + suffix;
        String round = closedRound();
        List<String> paths = new ArrayList<>();
        EndpointRoleMatrix.EXPECTED.forEach((key, access) -> {
            if (access != Access.READERS || !key.startsWith("GET ")) {
                return;
            }
            String path = key.substring(4).replace("{planId}", plan).replace("{activityId}", "anbudsskolor")
                    .replace("{areaId}", "natverk").replace("{goalId}", "skolor-2024")
                    .replace("{decisionId}", decision).replace("{partyId}", party).replace("{roundId}", round);
            if (path.contains("recurring-goals/")) {
                return; // this plan has no recurring goal
            }
            if (path.endsWith("/yearly-goals")) {
                path += "?year=2024";
            }
            paths.add(path);
            if (path.contains("/reports/")) {
                paths.add(path + (path.contains("?") ? "&" : "?") + "format=csv");
            }
        });
        paths.add("/api/enterprises?q=" + suffix);
        paths.add("/api/reports/participation?from=2024-01-01&to=2024-12-31&format=csv");
        return paths;
    }

    /**
     * A follow-up round of the plan, reported,
     * approved and closed, so that the rounds' reads, its presented report and comparison included, answer.
     */
    private String closedRound() {
        String round = "policy-" + suffix;
        String path = "/api/plans/" + plan + "/rounds";
        if (get(COORDINATOR, path + "/" + round).getStatusCode() == HttpStatus.OK) {
            return round;
        }
        assertThat(post(COORDINATOR, path, """
                {"roundId": "%s", "name": "Årsredovisning 2024", "kind": "ANNUAL", "cutOffDate": "2024-12-31",
                 "deadline": "2025-01-31", "subjects": ["activity:anbudsskolor"], "occurredOn": "2025-01-02"}"""
                .formatted(round)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(COORDINATOR, path + "/" + round + "/assessments", """
                {"subject": "activity:anbudsskolor", "reporter": "Policynämnden %s", "status": "ON_TRACK",
                 "comment": "Enligt plan"}""".formatted(suffix)).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(post(COORDINATOR, path + "/" + round + "/approvals", "{\"subject\": \"activity:anbudsskolor\"}")
                .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(post(COORDINATOR, path + "/" + round + "/closing", "{\"occurredOn\": \"2025-02-01\"}")
                .getStatusCode().is2xxSuccessful()).isTrue();
        awaitResource(COMMITTEE, path + "/" + round, body -> ((Map<?, ?>) body.get("round")).get("closedOn") != null);
        return round;
    }

    private void record() {
        assertThat(post(COORDINATOR, "/api/parties", """
                {"partyId": "it-policy-amn-%s", "name": "Policynämnden %s", "kind": "COMMITTEE",
                 "municipality": "Policykommun %s", "occurredOn": "2015-01-01"}""".formatted(suffix, suffix, suffix))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan för läsregeln", "municipality": "Policykommun %s",
                 "adoption": {"body": "KS"}, "adoptedOn": "2023-03-01", "period": {"fromYear": 2023, "toYear": 2025}}"""
                .formatted(plan, suffix)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "Nätverkande", "occurredOn": "2023-03-01"}""").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "anbudsskolor", "areaId": "natverk", "kind": "ACTIVITY", "title": "Anbudsskolor",
                 "responsibility": {"lead": "Policynämnden %s"}, "occurredOn": "2023-03-01"}""".formatted(suffix))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(COORDINATOR, "/api/plans/" + plan + "/goals", """
                {"goalId": "skolor-2024", "year": 2024, "kind": "COUNT", "measure": "EVENT_PARTICIPATIONS",
                 "indicator": "Deltagande i anbudsskolor",
                 "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"}, "decision": {"body": "KS"},
                 "occurredOn": "2024-01-10"}""").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String carriesOut = "{\"planId\": \"" + plan + "\", \"activityId\": \"anbudsskolor\"}";
        assertThat(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "name": "%s", "legalForm": "ENSKILD_FIRMA", "municipality": "Policykommun %s",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": "2023-06-01"}"""
                .formatted(soleTrader, soleTraderName, suffix)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "%s", "legalForm": "EKONOMISK_FORENING",
                 "municipality": "Policykommun %s",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": "2023-06-01"}"""
                .formatted(company, OrganisationNumbers.valid(), companyName, suffix)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(COORDINATOR, "/api/enterprises/" + soleTrader + "/event-participations", """
                {"kind": "TENDER_SCHOOL", "eventName": "Anbudsskola våren 2024", "occurredOn": "2024-04-02",
                 "carriesOut": %s}""".formatted(carriesOut)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(COORDINATOR, "/api/enterprises/" + company + "/integrationspakten/invitations", """
                {"occurredOn": "2024-03-01", "carriesOut": %s}""".formatted(carriesOut)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post(COORDINATOR, "/api/meetings", """
                {"meetingId": "%s", "kind": "TENDER_SCHOOL", "title": "Anbudsskola i april",
                 "organiser": "Serviceförvaltningen", "participants": ["%s", "%s"], "occurredOn": "2024-04-02",
                 "carriesOut": %s}""".formatted(meeting, soleTrader, company, carriesOut)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private static HttpHeaders basic(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        return headers;
    }

    private static String page(HttpClient client, String base, PageRoleMatrix.Session session, String path)
            throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", session.cookie()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
