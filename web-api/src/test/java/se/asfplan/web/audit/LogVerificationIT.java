package se.asfplan.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import se.asfplan.infra.chain.EventChainCheckpoints;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The log's verification over HTTP on PostgreSQL: an auditor starts one (202 and a Location to poll), polls it until
 * it has passed, also against a checkpoint it downloaded, whose Ed25519 signature checks with the downloaded public
 * key; a bad checkpoint is a 400 naming the field; health shows the last verification; the export and the CSV of a
 * kind's history are streamed; nothing is recorded by any of it.
 */
class LogVerificationIT extends PostgresApiTest {

    @Autowired
    EventChainCheckpoints checkpoints;

    @Test
    void anAuditorVerifiesTheLogAgainstADownloadedSignedCheckpoint() throws Exception {
        String plan = "verifiering-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Verifieringsplanen", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2024-01-10",
                 "period": {"fromYear": 2024, "toYear": 2026}}""".formatted(plan)).getStatusCode().value())
                .isEqualTo(201);
        checkpoints.checkpointIfDue(true);
        long events = eventCount();

        var list = getList(AUDITOR, "/api/log/checkpoints");
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> last = list.getBody().get(list.getBody().size() - 1);
        String pem = http.withBasicAuth(AUDITOR, AUDITOR).getForObject("/api/log/public-key", String.class);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        var key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""))));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(("asf-plan-tracker event-chain checkpoint v1\nposition=" + last.get("position") + "\nhead="
                + last.get("head") + "\ncreatedAt=" + last.get("createdAt") + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(signature.verify(Base64.getDecoder().decode((String) last.get("signature"))))
                .as("the checkpoint's signature checks with the public key").isTrue();

        var started = exchange(AUDITOR, HttpMethod.POST, "/api/log/verifications", """
                {"checkpoint": {"position": %s, "head": "%s"}}""".formatted(last.get("position"), last.get("head")),
                MediaType.APPLICATION_JSON, null);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/api/log/verifications/");
        Map<String, Object> done = Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> get(AUDITOR, location).getBody(), body -> !List.of("QUEUED", "RUNNING")
                        .contains(body.get("state")));
        assertThat(done.get("state")).as(done.toString()).isEqualTo("PASSED");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) done.get("result");
        assertThat(result.get("breakCount")).isEqualTo(0);
        assertThat(result.get("breaks")).asList().isEmpty();
        assertThat(result.get("suppliedCheckpoint")).asString().contains("matches=true");
        assertThat(((Number) done.get("percent")).doubleValue()).isEqualTo(100.0);

        var health = get(AUDITOR, "/actuator/health/eventChain");
        assertThat(health.getBody()).containsEntry("status", "UP");
        assertThat(health.getBody().get("details").toString()).contains("state=PASSED", "startedBy=auditor");

        var bad = exchange(AUDITOR, HttpMethod.POST, "/api/log/verifications",
                "{\"checkpoint\": {\"position\": 3, \"head\": \"ABC\"}}", MediaType.APPLICATION_JSON, null);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("checkpoint.head must be 64 lowercase hex digits");

        String export = http.withBasicAuth(AUDITOR, AUDITOR).getForObject("/api/log/export", String.class);
        List<String> lines = export.lines().toList();
        assertThat(lines.get(0)).contains("\"format\":\"asf-plan-tracker/event-log/v1\"");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"aggregateId\":\"" + plan + "\"",
                "\"link\":\""));
        var check = se.asfplan.infra.chain.EventLogExport.check(new java.io.ByteArrayInputStream(
                export.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(check.problems()).isEmpty();

        var csv = http.withBasicAuth(AUDITOR, AUDITOR).getForEntity("/api/log/history/plan.csv", byte[].class);
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFPost;Plan;Id;Position;Händelse-id;Händelse;Typ;Verksamhetsdag");
        assertThat(text).contains("plan;;" + plan + ";", ";coordinator;rest-api;");
        assertThat(get(AUDITOR, "/api/log/history/nonsense.csv").getStatusCode().value()).isEqualTo(400);
        assertThat(get(COMMITTEE, "/api/log/checkpoints").getStatusCode().value()).isEqualTo(403);
        assertThat(eventCount()).as("verifying and exporting record nothing").isEqualTo(events);
    }
}
