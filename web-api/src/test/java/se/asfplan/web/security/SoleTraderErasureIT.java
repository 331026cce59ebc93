package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.domain.shared.PersonalNames;
import se.asfplan.projections.enterprise.EnterpriseRegisterProjection;
import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.web.support.PostgresApiTest;

/**
 * Crypto-shredding on PostgreSQL, end to end: a sole trader's name is stored only encrypted, read back in clear
 * everywhere; once erased (closed, on a gallring decision) it is gone from every read (the enterprise API and its
 * search, the facts under an activity, the history and event API, the register pages and the enterprise page, the
 * activity page, the committee report and its CSV and xlsx) and from a rebuilt register, while every stored event row
 * stays byte for byte as it was and the erasure is recorded without the name.
 */
class SoleTraderErasureIT extends PostgresApiTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String plan = "it-shred-plan-" + suffix;
    private final String enterprise = "it-shred-" + suffix;
    /** Distinctive, ASCII only, so that it is found in any page or file that shows it. */
    private final String surname = "Shredsson" + suffix.replaceAll("[^a-z]", "x");
    private final String name = "Anna " + surname + " Harsalong";
    private final String base = "/api/enterprises/" + enterprise;

    @LocalServerPort
    int port;

    @Autowired
    ProjectionRebuilds rebuilds;

    /** The event API's address of the registration, once it is stored. */
    private String registrationEvent;

    @Test
    void anErasedSoleTradersNameIsGoneFromEveryReadWhileTheLogStaysByteIdentical() throws Exception {
        planWithAnActivity();
        String carriesOut = "\"carriesOut\": {\"planId\": \"%s\", \"activityId\": \"anbudsskola\"}".formatted(plan);
        assertStatus(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "name": "%s", "legalForm": "ENSKILD_FIRMA", "linesOfBusiness": ["frisör"],
                 "municipality": "Stockholm", "district": "Rinkeby-Kista",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2022-01-10", %s}""".formatted(enterprise, name, carriesOut)),
                HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, base + "/event-participations", """
                {"kind": "TENDER_SCHOOL", "eventName": "Anbudsskola vår 2022", "occurredOn": "2022-04-20", %s}"""
                .formatted(carriesOut)), HttpStatus.OK);
        assertStatus(post(COORDINATOR, base + "/closure", """
                {"reason": "Verksamheten avvecklad", "occurredOn": "2023-06-30"}"""), HttpStatus.OK);

        // stored encrypted, under a key kept outside the event table
        List<StoredEvent> stored = storedEvents(enterprise);
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0).payload()).doesNotContain(surname).contains("\"keyId\":\"enterprise:" + enterprise
                + "\"", "\"ciphertext\":", "\"legalForm\":\"ENSKILD_FIRMA\"");
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where subject = ? and key_material is "
                + "not null and destroyed_at is null", Long.class, "enterprise:" + enterprise)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') "
                + "like ? or convert_from(meta_data, 'UTF8') like ?", Long.class, "%" + surname + "%",
                "%" + surname + "%")).isZero();

        registrationEvent = "/api/events/" + ((Number) rows().get(0).get("global_index")).longValue();

        // read back in clear
        Map<String, Object> view = awaitResource(AUDITOR, base, body -> ((Number) body.get("version")).intValue() == 2);
        assertThat(view).containsEntry("nameErased", false)
                .extractingByKey("details", InstanceOfAssertFactories.MAP).containsEntry("name", name);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String site = "http://localhost:" + port;
        PageRoleMatrix.Session session = PageRoleMatrix.signIn(client, site, COORDINATOR, Role.COORDINATOR);
        List<String> reads = reads();
        List<String> showingTheName = new ArrayList<>();
        for (String read : reads) {
            if (read(client, site, session, read).contains(surname)) {
                showingTheName.add(read);
            }
        }
        assertThat(showingTheName).as("reads that show the name before the erasure").contains(base,
                "/api/enterprises?q=" + surname, registrationEvent,
                "/api/plans/" + plan + "/activities/anbudsskola/facts", "/foretag?q=" + surname,
                "/foretag/" + enterprise);

        // erasure is refused while the enterprise is open (another sole trader) and for a legal person
        assertThat(post(COORDINATOR, "/api/enterprises/" + enterprise + "x/name-erasure", erasure()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        List<Map<String, Object>> before = rows();
        ResponseEntity<Map<String, Object>> erased = post(COORDINATOR, base + "/name-erasure", erasure());
        assertStatus(erased, HttpStatus.OK);

        // the log: every earlier row byte-identical, the erasure recorded without the name
        List<Map<String, Object>> after = rows();
        assertThat(after).hasSize(before.size() + 1);
        for (int i = 0; i < before.size(); i++) {
            Map<String, Object> was = before.get(i);
            Map<String, Object> is = after.get(i);
            assertThat(is.keySet()).isEqualTo(was.keySet());
            for (String column : was.keySet()) {
                Object then = was.get(column);
                Object now = is.get(column);
                if (then instanceof byte[] bytes) {
                    assertThat((byte[]) now).as(column + " of row " + i).isEqualTo(bytes);
                } else {
                    assertThat(now).as(column + " of row " + i).isEqualTo(then);
                }
            }
        }
        StoredEvent erasure = storedEvents(enterprise).get(3);
        assertThat(erasure.simpleType()).isEqualTo("SoleTraderNameErasedEvent");
        assertThat(erasure.payload()).doesNotContain(surname).contains("KS 2024/123");
        assertThat(erasure.metaData()).contains("\"recordedBy\":\"coordinator\"");
        assertThat(jdbc.queryForMap("select key_material, destroyed_at from personal_data_key where subject = ?",
                "enterprise:" + enterprise)).containsEntry("key_material", null)
                .hasEntrySatisfying("destroyed_at", at -> assertThat(at).isNotNull());

        // every read: the name is gone, the marker in its place
        Map<String, Object> erasedView = awaitResource(AUDITOR, base,
                body -> Boolean.TRUE.equals(body.get("nameErased")));
        assertThat(erasedView).extractingByKey("details", InstanceOfAssertFactories.MAP)
                .containsEntry("name", PersonalNames.ERASED);
        assertThat(getList(COORDINATOR, "/api/enterprises?q=" + surname).getBody()).isEmpty();
        // (the committee does not see sole traders in the register at all: ReadPolicy)
        assertThat(getAllPages(AUDITOR, "/api/enterprises"))
                .anySatisfy(summary -> assertThat(summary).containsEntry("enterpriseId", enterprise)
                        .containsEntry("name", PersonalNames.ERASED).containsEntry("nameErased", true));
        List<String> stillShowing = new ArrayList<>();
        for (String read : reads()) {
            // the search page shows the words searched for in its search box: what the user typed, not the register
            String body = read(client, site, session, read).replace("value=\"" + surname + "\"", "");
            if (body.contains(surname)) {
                stillShowing.add(read);
            }
        }
        assertThat(stillShowing).as("reads that still show the erased name").isEmpty();
        assertThat(read(client, site, session, "/foretag/" + enterprise)).contains(PersonalNames.ERASED);
        assertThat(read(client, site, session, registrationEvent))
                .contains(PersonalNames.ERASED);
        assertThat(jdbc.queryForList("select name from enterprise_view where enterprise_id = ?", String.class,
                enterprise)).isNotEmpty().containsOnly(PersonalNames.ERASED);

        // a rebuild of the register reads the name from the log as erased: the key is gone
        int active = rebuilds.status(EnterpriseRegisterProjection.PROCESSING_GROUP).activeGeneration();
        assertStatus(post(COORDINATOR, "/api/admin/projections/" + EnterpriseRegisterProjection.PROCESSING_GROUP
                + "/rebuilds", ""), HttpStatus.ACCEPTED);
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                rebuilds.status(EnterpriseRegisterProjection.PROCESSING_GROUP).activeGeneration() > active);
        assertThat(awaitResource(AUDITOR, base, body -> Boolean.TRUE.equals(body.get("nameErased"))))
                .extractingByKey("details", InstanceOfAssertFactories.MAP).containsEntry("name", PersonalNames.ERASED);
        assertThat(jdbc.queryForList("select name from enterprise_view where enterprise_id = ? and generation > ?",
                String.class, enterprise, active)).isNotEmpty().containsOnly(PersonalNames.ERASED);

        // the log still verifies: the erasure destroyed a key and recorded an event, it changed no stored row
        ResponseEntity<Map<String, Object>> verification = post(AUDITOR, "/api/log/verifications", "{}");
        assertStatus(verification, HttpStatus.ACCEPTED);
        String location = Objects.requireNonNull(verification.getHeaders().getLocation()).toString();
        Map<String, Object> verified = Awaitility.await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300)).until(() -> get(AUDITOR, location).getBody(),
                        body -> body != null && !List.of("QUEUED", "RUNNING").contains(body.get("state")));
        assertThat(verified.get("state")).as("%s", verified).isEqualTo("PASSED");

        // the record still loads from its events: a late fact from before the closing is recorded
        assertStatus(post(COORDINATOR, base + "/integrationspakten/invitations", """
                {"occurredOn": "2023-01-10"}"""), HttpStatus.OK);
        // and the erasure is refused a second time, and a details change after it
        ResponseEntity<Map<String, Object>> again = post(COORDINATOR, base + "/name-erasure", erasure());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("rule", "name-can-be-erased-once");
        ResponseEntity<Map<String, Object>> renamed = post(COORDINATOR, base + "/details", """
                {"name": "%s", "legalForm": "ENSKILD_FIRMA", "municipality": "Stockholm",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": "2023-01-01"}""".formatted(name));
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(renamed.getBody()).containsEntry("rule", "erased-name-cannot-change");
    }

    @Test
    void refusesToEraseALegalPersonsNameOrAnOpenSoleTradersAndDestroysNoKey() {
        String company = "it-shred-ab-" + suffix;
        assertStatus(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "Kafé %s AB", "legalForm": "AKTIEBOLAG",
                 "municipality": "Stockholm",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": "2022-01-10"}"""
                .formatted(company, organisationNumber(), suffix)), HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> legalPerson = post(COORDINATOR, "/api/enterprises/" + company
                + "/name-erasure", erasure());
        assertThat(legalPerson.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(legalPerson.getBody()).containsEntry("rule", "only-a-sole-traders-name-can-be-erased");

        assertStatus(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "name": "%s", "legalForm": "ENSKILD_FIRMA", "municipality": "Stockholm",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": "2022-01-10"}"""
                .formatted(enterprise, name)), HttpStatus.CREATED);
        long events = eventCount();
        ResponseEntity<Map<String, Object>> open = post(COORDINATOR, base + "/name-erasure", erasure());
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(open.getBody()).containsEntry("rule", "name-can-be-erased-only-after-closing");
        ResponseEntity<Map<String, Object>> blank = post(COORDINATOR, base + "/name-erasure",
                "{\"gallringDecision\": \" \", \"reason\": \"Gallras\"}");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where subject = ? and destroyed_at is "
                + "null", Long.class, "enterprise:" + enterprise)).isEqualTo(1);
        assertThat(exchange(COMMITTEE, HttpMethod.POST, base + "/name-erasure", erasure(),
                org.springframework.http.MediaType.APPLICATION_JSON, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static String erasure() {
        return """
                {"gallringDecision": "KS 2024/123", "reason": "Gallras enligt dokumenthanteringsplanen"}""";
    }

    /** Every read that could show the name: API, search, facts, history, pages, report and its exports. */
    private List<String> reads() {
        return List.of(base, "/api/enterprises", "/api/enterprises?q=" + surname,
                "/api/history/enterprise/" + enterprise, registrationEvent,
                "/granskning/handelser/" + registrationEvent.substring("/api/events/".length()),
                "/api/plans/" + plan + "/activities/anbudsskola/facts",
                "/api/plans/" + plan + "/reports/activity-follow-up",
                "/foretag", "/foretag?q=" + surname, "/foretag/" + enterprise,
                "/planer/" + plan + "/aktiviteter/anbudsskola",
                "/granskning/historik/enterprise/" + enterprise,
                "/planer/" + plan + "/rapport/2022", "/planer/" + plan + "/rapport/2022.csv",
                "/planer/" + plan + "/rapport/2022.xlsx");
    }

    /**
     * The body of a read as text, whether API (Basic) or page (signed-in session); an xlsx file's XML parts
     * unpacked. A read that fails is an assertion error: an erased name must not make a read fail.
     */
    private String read(HttpClient client, String site, PageRoleMatrix.Session session, String path)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site + path));
        if (path.startsWith("/api/")) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((COORDINATOR + ":" + COORDINATOR).getBytes(StandardCharsets.UTF_8)));
        } else {
            request.header("Cookie", session.cookie());
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        if (path.endsWith(".xlsx")) {
            StringBuilder text = new StringBuilder();
            java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
            try {
                java.nio.file.Files.write(file, response.body());
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            } finally {
                java.nio.file.Files.delete(file);
            }
            return text.toString();
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The enterprise's rows of domain_event_entry, every column as stored. */
    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("select * from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", enterprise);
    }

    private void planWithAnActivity() {
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "upphandling", "name": "Upphandling", "occurredOn": "2021-03-01"}"""), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "anbudsskola", "areaId": "upphandling", "kind": "ACTIVITY",
                 "title": "Anbudsskolor för ASF",
                 "responsibility": {"lead": "Arbetsmarknadsnämnden (AMN)"}, "occurredOn": "2021-03-02"}"""),
                HttpStatus.CREATED);
    }

    private static void assertStatus(ResponseEntity<?> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    }

    private static String organisationNumber() {
        int[] digits = new int[10];
        digits[0] = 5;
        digits[1] = 5;
        digits[2] = 9;
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 3; i < 9; i++) {
            digits[i] = random.nextInt(10);
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = digits[i] * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        digits[9] = (10 - sum % 10) % 10;
        StringBuilder number = new StringBuilder();
        Arrays.stream(digits).forEach(number::append);
        return number.substring(0, 6) + "-" + number.substring(6);
    }
}
