package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded default (H2) runs procurement's own SQL too: the fact locks, the reserved-award history and the
 * direct-award totals that the PostgreSQL tests exercise in depth.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:procurement-h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=",
        "tracker.plans.import-on-start="})
class ProcurementOnH2IT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordsReservedAndDirectAwardsAndRefusesARepeatOnH2() {
        assertThat(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()))
                .isEqualTo("H2");
        jdbc.update("insert into enterprise_register (enterprise_id, organisation_number, counts_as_asf) "
                + "values ('h2-asf', '556677-8899', true)");

        for (String id : new String[] {"h2-forsta", "h2-andra"}) {
            assertThat(post("/api/procurements", """
                    {"procurementId": "%s", "stage": "ANNOUNCED", "authority": "Socialnämnden", "subject": "Stöd",
                     "cpvCodes": ["85312000-9"], "procedure": "RESERVED_WELFARE_SERVICES", "occurredOn": "2023-02-01"}"""
                    .formatted(id)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        String award = """
                {"supplier": {"organisationNumber": "556677-8899"}, "value": 1000,
                 "contractPeriod": {"from": "2023-05-01", "to": "2024-04-30"}, "occurredOn": "%s"}""";
        assertThat(post("/api/procurements/h2-forsta/award", award.formatted("2023-04-03")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> repeat = post("/api/procurements/h2-andra/award",
                award.formatted("2023-04-04"));
        assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(repeat.getBody()).containsEntry("rule", "reserved-welfare-award-to-same-supplier-once-in-three-years");

        assertThat(post("/api/procurements", """
                {"procurementId": "h2-direkt", "stage": "PLANNED", "authority": "Socialnämnden", "subject": "Städ",
                 "cpvCodes": ["90910000-9"], "procedure": "DIRECT_AWARD", "occurredOn": "2024-01-10"}""")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/procurements/h2-direkt/award", """
                {"supplier": {"organisationNumber": "556677-8899"}, "value": 700000.01, "purchaseKind": "städ",
                 "contractPeriod": {"from": "2024-02-01", "to": "2024-12-31"}, "occurredOn": "2024-01-15"}""")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, Object> direct = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/procurements/h2-direkt"), body -> body != null && body.get("award") != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> awarded = (Map<String, Object>) direct.get("award");
        assertThat(awarded).containsEntry("supplierIsAsf", true);
        assertThat(awarded.get("directAward").toString()).contains("limitExceeded=true");

        // the lists are paged in the database, in H2's SQL too: newest begun first, then by id
        ResponseEntity<List<Map<String, Object>>> second =
                list("/api/procurements?authority=Socialnämnden&size=2&page=1");
        assertThat(second.getHeaders().getFirst("X-Total-Count")).isEqualTo("3");
        assertThat(second.getBody()).extracting(row -> row.get("procurementId")).containsExactly("h2-forsta");
        assertThat(post("/api/meetings", """
                {"meetingId": "h2-mote", "kind": "ROUND_TABLE", "title": "Rundabord", "occurredOn": "2024-02-01",
                 "organiser": "SBR", "participants": ["h2-asf"]}""").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<List<Map<String, Object>>> meetings = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> list("/api/meetings?participant=h2-asf&size=1"),
                        answer -> "1".equals(answer.getHeaders().getFirst("X-Total-Count")));
        assertThat(meetings.getBody()).extracting(row -> row.get("meetingId")).containsExactly("h2-mote");
        assertThat(list("/api/meetings?participant=h2-as").getHeaders().getFirst("X-Total-Count")).isEqualTo("0");
    }

    private ResponseEntity<List<Map<String, Object>>> list(String path) {
        return http.withBasicAuth("auditor", "auditor").exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { });
    }

    private ResponseEntity<Map<String, Object>> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("coordinator", "coordinator").exchange(path, HttpMethod.POST,
                new HttpEntity<>(json, headers), new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    private Map<String, Object> get(String path) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth("auditor", "auditor").exchange(path,
                HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() { });
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
    }
}
