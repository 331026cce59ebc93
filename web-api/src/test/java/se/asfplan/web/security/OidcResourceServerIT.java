package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.asfplan.web.security.EndpointRoleMatrix.Caller;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The production mode: an OAuth2 resource server that accepts only JWTs of the configured issuer for the
 * configured audience, signed with the provider's keys (served here as a JWK set from a loopback HTTP server,
 * the way an OIDC provider publishes them), and maps the roles claim ({@code realm_access.roles}, as Keycloak
 * sends it) to the tracker's roles. Runs on its own schema so that its application context never shares one with
 * the other tests' context.
 */
@DirtiesContext
class OidcResourceServerIT extends PostgresApiTest {

    private static final TestTokens TOKENS = new TestTokens();
    private static final HttpServer PROVIDER = jwkSetServer();

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void oidcMode(DynamicPropertyRegistry registry) throws SQLException {
        OidcMode.configure(registry, "_oidc",
                "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/realms/asf/certs");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void everyEndpointAnswersEveryRolesTokenAsTheMatrixSays() {
        long events = eventCount();
        List<Caller> callers = EndpointRoleMatrix.withAnonymous(List.of(
                bearer("coordinator token", TOKENS.valid("anna.samordnare", "asf-samordnare"), Role.COORDINATOR),
                bearer("auditor token", TOKENS.valid("rolf.revisor", "internrevision"), Role.AUDITOR),
                bearer("committee token", TOKENS.valid("nils.namnd", "asf-namnd", "offline_access"), Role.COMMITTEE),
                bearer("token without a mapped role", TOKENS.valid("otto.okand", "offline_access"))));

        int passed = EndpointRoleMatrix.check("oidc", context, http, callers);

        assertThat(passed).isGreaterThanOrEqualTo(5 * EndpointRoleMatrix.EXPECTED.size());
        assertThat(eventCount()).as("no call of the matrix recorded anything").isEqualTo(events);
    }

    @Test
    void refusesBadTokensWith401NeverWith500() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("wrong issuer", TOKENS.signed(c -> c.issuer("https://evil.example/realms/asf")
                .claim("realm_access", Map.of("roles", List.of("asf-samordnare")))));
        bad.put("wrong audience", TOKENS.signed(c -> c.audience("another-service")
                .claim("realm_access", Map.of("roles", List.of("asf-samordnare")))));
        bad.put("expired", TOKENS.signed(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .claim("realm_access", Map.of("roles", List.of("asf-samordnare")))));
        bad.put("bad signature", TOKENS.forged(c -> c.claim("realm_access",
                Map.of("roles", List.of("asf-samordnare")))));
        bad.put("alg=none", TOKENS.unsigned(c -> c.claim("realm_access", Map.of("roles", List.of("asf-samordnare")))));
        bad.put("HS256 keyed with the public key", TOKENS.macWithPublicKey(c -> c.claim("realm_access",
                Map.of("roles", List.of("asf-samordnare")))));
        bad.put("personnummer as user name", TOKENS.valid("19811218-9876", "asf-samordnare"));
        bad.put("garbage", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln");
        for (Map.Entry<String, String> token : bad.entrySet()) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
                ResponseEntity<String> response = send(method, "/api/plans", token.getValue(), "{}", null);
                assertThat(response.getStatusCode()).as(token.getKey() + " " + method).isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(token.getKey())
                        .startsWith("Bearer").contains("invalid_token").doesNotContain("9876");
                assertThat(response.getHeaders().getContentType()).as(token.getKey())
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(response.getBody()).as(token.getKey())
                        .contains("\"status\":401", "problems/authentication-required", "bearer token")
                        .doesNotContain("9876", "Exception", "org.springframework");
            }
        }
        // the local users' HTTP Basic is off in this mode
        ResponseEntity<String> basic = http.withBasicAuth(COORDINATOR, COORDINATOR).getForEntity("/api/plans",
                String.class);
        assertThat(basic.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(basic.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void recordsTheTokensUserWithCorrelationAndRequestIdInEveryEventsMetadata() {
        String plan = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
        String anna = TOKENS.valid("anna.samordnare", "asf-samordnare");
        assertThat(send(HttpMethod.POST, "/api/plans", anna, """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan), "req-oidc-1").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        // a token without preferred_username is recorded under its subject
        String bySubject = TOKENS.signed(c -> c.subject("svc-7f3a").claim("realm_access",
                Map.of("roles", List.of("asf-samordnare"))));
        assertThat(send(HttpMethod.POST, "/api/plans/" + plan + "/areas", bySubject, """
                {"areaId": "omrade", "name": "Område", "occurredOn": "2021-03-01"}""", "req-oidc-2").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        // an auditor's token records nothing
        assertThat(send(HttpMethod.POST, "/api/plans/" + plan + "/areas", TOKENS.valid("rolf", "asf-revisor"), """
                {"areaId": "annat", "name": "Annat"}""", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        List<StoredEvent> events = storedEvents(plan);
        assertThat(events).extracting(StoredEvent::simpleType).containsExactly("PlanAdoptedEvent", "AreaAddedEvent");
        assertThat(events.get(0).metaData()).contains("\"recordedBy\":\"anna.samordnare\"",
                "\"recordedVia\":\"rest-api\"", "\"requestId\":\"req-oidc-1\"", "\"correlationId\":\"");
        assertThat(events.get(1).metaData()).contains("\"recordedBy\":\"svc-7f3a\"", "\"requestId\":\"req-oidc-2\"",
                "\"correlationId\":\"");
    }

    @Test
    void anApiTokenSignsInBesideTheProvidersTokens() throws Exception {
        String coordinator = TOKENS.valid("anna.samordnare", "asf-samordnare");
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/admin/tokens", coordinator,
                "{\"name\": \"Rapportportalen\", \"role\": \"COMMITTEE\"}", null);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        com.fasterxml.jackson.databind.JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(created.getBody());
        String token = answer.path("token").asText();
        assertThat(token).startsWith("asf_");

        // the resource server leaves the API token to its own filter; the provider's tokens still work beside it
        assertThat(send(HttpMethod.GET, "/api/plans", token, null, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.GET, "/api/meetings", token, null, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.GET, "/api/meetings", coordinator, null, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.POST, "/api/admin/tokens/" + answer.path("tokenId").asText() + "/revocation",
                coordinator, "{}", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> revoked = send(HttpMethod.GET, "/api/plans", token, null, null);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(revoked.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String token, String json, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (requestId != null) {
            headers.set("X-Request-Id", requestId);
        }
        if (method == HttpMethod.POST) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(method == HttpMethod.POST ? json : null, headers),
                String.class);
    }

    private static Caller bearer(String label, String token, Role... roles) {
        return new Caller(label, Set.of(roles), headers -> headers.setBearerAuth(token));
    }

    private static HttpServer jwkSetServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = TOKENS.jwkSet().getBytes(StandardCharsets.UTF_8);
            server.createContext("/realms/asf/certs", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
