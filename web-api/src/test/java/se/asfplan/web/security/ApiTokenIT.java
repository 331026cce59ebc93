package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * API tokens for integrations on PostgreSQL: the coordinator creates a named token with a role and sees it once;
 * only its SHA-256 is stored (not in the token table, not with an idempotency key); the token signs in as
 * {@code Authorization: Bearer} with its role and records under {@code token:<name>}; its last use is listed; a
 * token may not manage tokens; a revoked or unknown token is refused with 401; auditors list but do not create,
 * committees do neither.
 */
class ApiTokenIT extends PostgresApiTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aTokenIsShownOnceStoredHashedSignsInWithItsRoleAndStopsWhenRevoked() throws Exception {
        HttpHeaders key = new HttpHeaders();
        key.set("Idempotency-Key", "token-" + suffix);
        key.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> created = http.withBasicAuth(COORDINATOR, COORDINATOR).exchange(
                "/api/admin/tokens", HttpMethod.POST, new HttpEntity<>("""
                        {"name": "Nämndportalen %s", "role": "COMMITTEE"}""".formatted(suffix), key),
                new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String token = (String) created.getBody().get("token");
        String tokenId = (String) created.getBody().get("tokenId");
        assertThat(token).startsWith("asf_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/admin/tokens/" + tokenId);

        // stored as its SHA-256 only, and nowhere in clear
        assertThat(jdbc.queryForObject("select token_hash from api_token where token_id = ?", String.class, tokenId))
                .isEqualTo(sha256(token));
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ? or name = ?",
                Long.class, token, token)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where response_body like ?",
                Long.class, "%" + token + "%")).isZero();

        // the token signs in as a committee
        assertThat(bearer(token, HttpMethod.GET, "/api/plans", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bearer(token, HttpMethod.GET, "/api/meetings", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bearer(token, HttpMethod.POST, "/api/parties", "{}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // listed with its last use, never with its secret
        ResponseEntity<String> listed = http.withBasicAuth(AUDITOR, AUDITOR).getForEntity("/api/admin/tokens",
                String.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).contains("Nämndportalen " + suffix).doesNotContain(token);
        assertThat(listed.getHeaders().getFirst("X-Total-Count")).isNotNull();
        Map<String, Object> row = tokenRow(tokenId);
        assertThat(row.get("lastUsedAt")).isNotNull();
        assertThat(row).containsEntry("role", "COMMITTEE").containsEntry("createdBy", COORDINATOR)
                .containsEntry("revokedAt", null);

        // revoked: refused from now on, and revoking again changes nothing
        ResponseEntity<Map<String, Object>> revoked = post(COORDINATOR,
                "/api/admin/tokens/" + tokenId + "/revocation", "{}");
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revoked.getBody()).containsEntry("revokedBy", COORDINATOR);
        Object revokedAt = revoked.getBody().get("revokedAt");
        ResponseEntity<String> refused = bearer(token, HttpMethod.GET, "/api/plans", null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody()).contains("authentication-required");
        assertThat(post(COORDINATOR, "/api/admin/tokens/" + tokenId + "/revocation", "{}").getBody())
                .containsEntry("revokedAt", revokedAt);
        assertThat(post(COORDINATOR, "/api/admin/tokens/no-such-token/revocation", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCoordinatorsTokenRecordsUnderItsNameButManagesNoTokens() {
        String token = (String) post(COORDINATOR, "/api/admin/tokens", """
                {"name": "Ekonomisystemet %s", "role": "COORDINATOR"}""".formatted(suffix)).getBody().get("token");
        String partyId = "it-token-" + suffix;
        ResponseEntity<String> recorded = bearer(token, HttpMethod.POST, "/api/parties", """
                {"partyId": "%s", "name": "Tokennämnden %s", "kind": "COMMITTEE", "municipality": "Tokenkommun",
                 "occurredOn": "2024-01-01"}""".formatted(partyId, suffix));
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(storedEvents(partyId)).first().satisfies(event -> assertThat(event.metaData())
                .contains("token:Ekonomisystemet " + suffix));

        assertThat(bearer(token, HttpMethod.POST, "/api/admin/tokens", """
                {"name": "Ännu en", "role": "COORDINATOR"}""").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bearer(token, HttpMethod.POST, "/api/admin/tokens/x/revocation", "{}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyTheCoordinatorCreatesAndAnUnknownTokenOrABadRequestIsRefused() {
        long tokens = jdbc.queryForObject("select count(*) from api_token", Long.class);
        assertThat(post(AUDITOR, "/api/admin/tokens", "{\"name\": \"x\", \"role\": \"AUDITOR\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(COMMITTEE, "/api/admin/tokens").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(COORDINATOR, "/api/admin/tokens", "{\"name\": \"x\", \"role\": \"OPERATOR\"}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(COORDINATOR, "/api/admin/tokens", "{\"role\": \"AUDITOR\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(COORDINATOR, "/api/admin/tokens", "{\"name\": \"Anna 19811228-9874\", \"role\": \"AUDITOR\"}")
                .getStatusCode()).as("a name with a personnummer").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from api_token", Long.class)).isEqualTo(tokens);

        assertThat(bearer("asf_" + "A".repeat(43), HttpMethod.GET, "/api/plans", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearer("not-an-api-token", HttpMethod.GET, "/api/plans", null).getStatusCode())
                .as("another bearer token in basic mode").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private Map<String, Object> tokenRow(String tokenId) {
        List<Map<String, Object>> rows = getList(AUDITOR, "/api/admin/tokens?size=500").getBody();
        return rows.stream().filter(row -> tokenId.equals(row.get("tokenId"))).findFirst().orElseThrow();
    }

    private ResponseEntity<String> bearer(String token, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
