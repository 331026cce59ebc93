package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import se.asfplan.infra.idempotency.IdempotentRequest;
import se.asfplan.infra.idempotency.IdempotentRequests;
import se.asfplan.infra.idempotency.Outcome;
import se.asfplan.infra.idempotency.StoredResponse;
import se.asfplan.web.support.PostgresApiTest;

/**
 * Retries and races over real HTTP on PostgreSQL: an {@code Idempotency-Key} makes a retried POST answer its first
 * answer and record nothing more (also when the retries race each other), an {@code If-Match} version lets exactly
 * one of many concurrent writers through, and no race is ever answered with a 5xx.
 */
class IdempotencyAndConcurrencyIT extends PostgresApiTest {

    private static final int WRITERS = 50;

    @LocalServerPort
    private int port;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private IdempotentRequests idempotentRequests;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String plan = "it-idem-" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "/api/plans/" + plan;
    private final String progress = base + "/activities/kartlagg/progress-reports";

    @BeforeEach
    void planWithAStartedActivity() throws Exception {
        assertThat(send(post(base.replace("/" + plan, ""), """
                {"planId": "%s", "title": "Handlingsplan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen", "reference": "KS 2021/17"},
                 "adoptedOn": "2021-03-01", "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)))
                .statusCode()).isEqualTo(201);
        assertThat(send(post(base + "/areas", """
                {"areaId": "natverkande", "name": "Nätverkande", "occurredOn": "2021-03-01"}""")).statusCode())
                .isEqualTo(201);
        assertThat(send(post(base + "/activities", """
                {"activityId": "kartlagg", "areaId": "natverkande", "kind": "ACTIVITY", "title": "Kartlägg ASF",
                 "responsibility": {"lead": "Stadsledningskontoret"}, "occurredOn": "2021-03-02"}""")).statusCode())
                .isEqualTo(201);
        assertThat(send(post(base + "/activities/kartlagg/start", """
                {"occurredOn": "2021-04-01"}""")).statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------- idempotency

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndRecordsNothingMore() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = eventCount();
        HttpResponse<String> first = send(post(progress, report("Tio inbjudna")).header("Idempotency-Key", key));
        long afterFirst = eventCount();
        HttpResponse<String> retry = send(post(progress, report("Tio inbjudna")).header("Idempotency-Key", key));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(afterFirst).isEqualTo(before + 1);
        assertThat(eventCount()).isEqualTo(afterFirst);
        assertThat(retry.statusCode()).isEqualTo(first.statusCode());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag")).hasValue("\"4\"");
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(body(first)).containsEntry("recorded", "ActivityProgressReportedEvent").containsEntry("version", 4);
    }

    @Test
    void aRetriedCreationWithAGeneratedIdAnswersTheSameRecord() throws Exception {
        String key = UUID.randomUUID().toString();
        String registration = """
                {"name": "Kafé Kompassen", "legalForm": "ENSKILD_FIRMA", "linesOfBusiness": ["café"],
                 "municipality": "Stockholm", "district": "Rinkeby-Kista",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": "2022-01-10"}""";
        long before = eventCount();
        HttpResponse<String> first = send(post("/api/enterprises", registration).header("Idempotency-Key", key));
        HttpResponse<String> retry = send(post("/api/enterprises", registration).header("Idempotency-Key", key));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).matches("/api/enterprises/[0-9a-f-]{36}"));
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aRetriedImportOfAPlanWithStructureRecordsItsEventsOnce() throws Exception {
        String file = new ClassPathResource("plans/exempelkommun-2018-2020.json")
                .getContentAsString(StandardCharsets.UTF_8).replace("exempelkommun-2018-2020", plan + "-import");
        String key = UUID.randomUUID().toString();
        long before = eventCount();
        HttpResponse<String> first = send(post("/api/plans/import", file).header("Idempotency-Key", key));
        long recorded = eventCount() - before;
        HttpResponse<String> retry = send(post("/api/plans/import", file).header("Idempotency-Key", key));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(recorded).as("adoption, 2 areas, 5 activities and 4 goals").isGreaterThanOrEqualTo(12);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(eventCount()).isEqualTo(before + recorded);
        assertThat(storedEvents(plan + "-import")).hasSize((int) recorded);
    }

    @Test
    void tenConcurrentRequestsWithOneKeyRecordOneSetOfEvents() throws Exception {
        String file = new ClassPathResource("plans/exempelkommun-2018-2020.json")
                .getContentAsString(StandardCharsets.UTF_8).replace("exempelkommun-2018-2020", plan + "-race");
        String key = UUID.randomUUID().toString();
        long before = eventCount();

        List<HttpResponse<String>> answers = race(10, i -> post("/api/plans/import", file).header("Idempotency-Key", key));

        Map<Integer, Long> statuses = statuses(answers);
        System.out.println("10 concurrent imports with one Idempotency-Key answered " + statuses + "; "
                + (eventCount() - before) + " events recorded");
        assertThat(statuses).isEqualTo(Map.of(201, 10L));
        assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.get(0).body());
        assertThat(answers).filteredOn(a -> a.headers().firstValue("Idempotency-Replayed").isEmpty()).hasSize(1);
        long recorded = eventCount() - before;
        assertThat(recorded).isGreaterThanOrEqualTo(12);
        assertThat(storedEvents(plan + "-race")).hasSize((int) recorded)
                .extracting(StoredEvent::sequence).containsExactlyElementsOf(LongStream.range(0, recorded).boxed().toList());
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(send(post(progress, report("Första")).header("Idempotency-Key", key)).statusCode()).isEqualTo(200);
        long before = eventCount();

        HttpResponse<String> otherBody = send(post(progress, report("Andra")).header("Idempotency-Key", key));
        HttpResponse<String> otherPath = send(post(base + "/activities/kartlagg/complete", """
                {"occurredOn": "2021-05-01"}""").header("Idempotency-Key", key));
        HttpResponse<String> otherVersion = send(post(progress, report("Första")).header("Idempotency-Key", key)
                .header("If-Match", "\"4\""));

        for (HttpResponse<String> refused : List.of(otherBody, otherPath, otherVersion)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(refused)).containsEntry("rule", "idempotency-key-reused-with-different-request")
                    .containsEntry("status", 422);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theSameKeyFromAnotherUserIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] body = report("Första").getBytes(StandardCharsets.UTF_8);
        String fingerprint = IdempotentRequest.fingerprint("POST\n" + progress, body);
        Outcome first = idempotentRequests.handle(new IdempotentRequest(key, "anna", fingerprint),
                () -> new StoredResponse(200, "application/json", null, null, "{}"));
        Outcome sameUser = idempotentRequests.handle(new IdempotentRequest(key, "anna", fingerprint),
                () -> { throw new AssertionError("a retry must not run"); });
        Outcome otherUser = idempotentRequests.handle(new IdempotentRequest(key, "bertil", fingerprint),
                () -> { throw new AssertionError("another user's request with the key must not run"); });

        assertThat(first).isInstanceOf(Outcome.Recorded.class);
        assertThat(sameUser).isEqualTo(new Outcome.Replayed(new StoredResponse(200, "application/json", null, null,
                "{}")));
        assertThat(otherUser).isInstanceOf(Outcome.KeyReusedForAnotherRequest.class);
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = eventCount();
        HttpResponse<String> refused = send(post(progress, report("För tidigt", "2021-03-15"))
                .header("Idempotency-Key", key));
        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        assertThat(eventCount()).isEqualTo(before);

        HttpResponse<String> corrected = send(post(progress, report("I tid", "2021-05-15"))
                .header("Idempotency-Key", key));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = ?", Long.class,
                key)).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidKeyWithoutRecording() throws Exception {
        long before = eventCount();
        for (String key : List.of("x".repeat(201), "nyckel 19121212-1212", "retry-19121212-1212")) {
            HttpResponse<String> refused = send(post(progress, report("Nyckel")).header("Idempotency-Key", key));
            assertThat(refused.statusCode()).as(key).isEqualTo(400);
            assertThat(refused.body()).contains("Idempotency-Key").doesNotContain("1212-1212\"");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anIdempotentRequestHoldsNoMoreThanTheBodyLimitInMemory() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = eventCount();
        HttpResponse<String> tooLarge = send(post(progress, "{\"note\": \"" + "x".repeat(4 * 1024 * 1024) + "\"}")
                .header("Idempotency-Key", key));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = ?", Long.class,
                key)).isZero();
    }

    // ------------------------------------------------------------------------------------------- expected version

    @Test
    void anExpectedVersionRecordsOnlyOnTheRecordAtThatVersion() throws Exception {
        HttpResponse<String> current = send(post(progress, report("Första")).header("If-Match", "\"3\""));
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"4\"");
        long before = eventCount();

        HttpResponse<String> stale = send(post(progress, report("Andra")).header("If-Match", "\"3\""));
        HttpResponse<String> ahead = send(post(progress, report("Andra")).header("If-Match", "\"9\""));

        for (HttpResponse<String> conflict : List.of(stale, ahead)) {
            assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
            assertThat(body(conflict)).containsEntry("rule", "expected-version-must-match")
                    .containsEntry("currentVersion", 4);
            assertThat(conflict.headers().firstValue("ETag")).hasValue("\"4\"");
        }
        assertThat(eventCount()).isEqualTo(before);
        HttpResponse<String> malformed = send(post(progress, report("Andra")).header("If-Match", "\"fem\""));
        assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.body()).contains("If-Match");
    }

    @Test
    void anExpectedVersionHoldsForEveryKindOfRecord() throws Exception {
        HttpResponse<String> registered = send(post("/api/enterprises", """
                {"name": "Kafé Kompassen", "legalForm": "ENSKILD_FIRMA", "linesOfBusiness": ["café"],
                 "municipality": "Stockholm", "district": "Rinkeby-Kista",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": "2022-01-10"}"""));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.headers().firstValue("ETag")).hasValue("\"0\"");
        String enterprise = registered.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> stale = send(post(enterprise + "/closure", """
                {"reason": "Upphört", "occurredOn": "2023-01-10"}""").header("If-Match", "\"3\""));

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(body(stale)).containsEntry("rule", "expected-version-must-match").containsEntry("currentVersion", 0);
    }

    @Test
    void ofFiftyConcurrentWritersAtOneVersionExactlyOneRecords() throws Exception {
        long before = eventCount();
        List<HttpResponse<String>> answers = race(WRITERS, i -> post(progress, report("Skribent " + i))
                .header("If-Match", "\"3\""));

        Map<Integer, Long> statuses = statuses(answers);
        System.out.println(WRITERS + " concurrent writers with If-Match \"3\" answered " + statuses + "; "
                + (eventCount() - before) + " event(s) recorded");
        assertThat(statuses).isEqualTo(Map.of(200, 1L, 409, (long) WRITERS - 1));
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409)
                .allSatisfy(a -> assertThat(body(a).get("type").toString()).contains("problems/"));
    }

    @Test
    void ofFiftyConcurrentWritersWithKeysAtOneVersionExactlyOneRecords() throws Exception {
        long before = eventCount();
        List<HttpResponse<String>> answers = race(WRITERS, i -> post(progress, report("Skribent " + i))
                .header("If-Match", "\"3\"").header("Idempotency-Key", UUID.randomUUID().toString()));

        Map<Integer, Long> statuses = statuses(answers);
        System.out.println(WRITERS + " concurrent writers with If-Match \"3\" and their own Idempotency-Keys answered "
                + statuses + "; " + (eventCount() - before) + " event(s) recorded");
        assertThat(statuses).isEqualTo(Map.of(200, 1L, 409, (long) WRITERS - 1));
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where response_status = 200 "
                + "and response_body like ?", Long.class, "%ActivityProgressReportedEvent%" )).isGreaterThanOrEqualTo(1);
    }

    @Test
    void fiftyConcurrentWritersWithoutAVersionAreRecordedOrRefusedNeverFailed() throws Exception {
        for (boolean withKeys : new boolean[] {false, true}) {
            long before = eventCount();
            List<HttpResponse<String>> answers = race(WRITERS, i -> {
                HttpRequest.Builder request = post(progress, report("Ohämmad " + withKeys + " " + i));
                return withKeys ? request.header("Idempotency-Key", UUID.randomUUID().toString()) : request;
            });

            Map<Integer, Long> statuses = statuses(answers);
            long recorded = eventCount() - before;
            System.out.println(WRITERS + " concurrent writers without a version" + (withKeys ? " (own keys)" : "")
                    + " answered " + statuses + "; " + recorded + " event(s) recorded");
            assertThat(statuses.keySet()).isSubsetOf(200, 409);
            assertThat(recorded).isEqualTo(statuses.getOrDefault(200, 0L));
            List<StoredEvent> events = storedEvents(plan);
            assertThat(events).extracting(StoredEvent::sequence)
                    .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
            long notes = answers.stream().filter(a -> a.statusCode() == 200).count();
            assertThat(events.stream().filter(e -> e.payload().contains("Ohämmad " + withKeys + " ")).count())
                    .isEqualTo(notes);
        }
    }

    // ------------------------------------------------------------------------------------------- reads and answers

    @Test
    void aReadsVersionAndETagAreTheVersionAnIfMatchAccepts() throws Exception {
        awaitResource(COORDINATOR, base, plan -> plan.get("version").equals(3));
        HttpResponse<String> read = send(get(base));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        Object version = body(read).get("version");

        assertThat(version).as("adoption 0, area 1, activity 2, start 3").isEqualTo(3);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"3\"");
        HttpResponse<String> change = send(post(progress, report("Efter läsning"))
                .header("If-Match", read.headers().firstValue("ETag").orElseThrow()));
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        assertThat(change.headers().firstValue("ETag")).hasValue("\"4\"");
        Map<String, Object> reread = awaitResource(COORDINATOR, base, plan -> plan.get("version").equals(4));
        assertThat(reread).containsEntry("version", 4);
        HttpResponse<String> fromTheOldRead = send(post(progress, report("Gammal läsning"))
                .header("If-Match", "\"" + version + "\""));
        assertThat(fromTheOldRead.statusCode()).isEqualTo(409);
    }

    @Test
    void anAnswerNamesTheEventsItRecordedAlsoWhenReplayed() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = send(post(progress, report("Med händelse-id")).header("Idempotency-Key", key));
        HttpResponse<String> retry = send(post(progress, report("Med händelse-id")).header("Idempotency-Key", key));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String recordedEventId = jdbc.queryForObject("select event_identifier from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 4", String.class, plan);
        assertThat(body(first)).containsEntry("eventIds", List.of(recordedEventId));
        assertThat(body(retry)).containsEntry("eventIds", List.of(recordedEventId));

        HttpResponse<String> retraction = send(post(base + "/retractions", """
                {"eventId": "%s", "reason": "Fel aktivitet", "occurredOn": "2021-06-02"}""".formatted(recordedEventId)));
        assertThat(retraction.statusCode()).as(retraction.body()).isEqualTo(200);
        assertThat(body(retraction).get("eventIds")).asList().hasSize(1).doesNotContain(recordedEventId);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private HttpRequest.Builder get(String path) {
        String credentials = Base64.getEncoder().encodeToString((COORDINATOR + ":" + COORDINATOR)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials).GET();
    }

    private static String report(String note) {
        return report(note, "2021-06-01");
    }

    private static String report(String note, String occurredOn) {
        return """
                {"note": "%s", "occurredOn": "%s"}""".formatted(note, occurredOn);
    }

    private HttpRequest.Builder post(String path, String body) {
        String credentials = Base64.getEncoder().encodeToString((COORDINATOR + ":" + COORDINATOR)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends the requests from as many threads, released together, and answers their responses. */
    private List<HttpResponse<String>> race(int writers, IntFunction<HttpRequest.Builder> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch ready = new CountDownLatch(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                HttpRequest built = request.apply(i).build();
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                }));
            }
            ready.await();
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
        Map<Integer, Long> statuses = new TreeMap<>();
        answers.forEach(answer -> statuses.merge(answer.statusCode(), 1L, Long::sum));
        return statuses;
    }

    private Map<String, Object> body(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
