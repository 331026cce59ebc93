package se.asfplan.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * End-to-end over real HTTP against the application on the PostgreSQL test database. Helpers send JSON as a
 * given user, read the event store's rows directly, and wait for the projections to catch up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CleanDatabase.class)
public abstract class PostgresApiTest {

    protected static final String COORDINATOR = "coordinator";
    protected static final String COMMITTEE = "committee";
    protected static final String AUDITOR = "auditor";

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeEach
    void databaseIsPostgres() {
        String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("PostgreSQL");
    }

    protected ResponseEntity<Map<String, Object>> post(String user, String path, String json) {
        return exchange(user, HttpMethod.POST, path, json, MediaType.APPLICATION_JSON, null);
    }

    protected ResponseEntity<Map<String, Object>> exchange(String user, HttpMethod method, String path, Object body,
                                                           MediaType contentType, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.setContentType(contentType);
        }
        if (requestId != null) {
            headers.set("X-Request-Id", requestId);
        }
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
        return client.exchange(path, method, new HttpEntity<>(body, headers),
                new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    protected ResponseEntity<Map<String, Object>> get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null, null, null);
    }

    protected ResponseEntity<List<Map<String, Object>>> getList(String user, String path) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
        return client.exchange(path, HttpMethod.GET, HttpEntity.EMPTY,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { });
    }

    /**
     * Every item of a paged list (the shared schema holds many tests' records): page after page at the largest size
     * until {@code X-Total-Count} items are read.
     */
    protected List<Map<String, Object>> getAllPages(String user, String path) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            ResponseEntity<List<Map<String, Object>>> answer = getList(user, path + separator + "size=500&page=" + page);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(org.springframework.http.HttpStatus.OK);
            List<Map<String, Object>> items = answer.getBody();
            all.addAll(items);
            long total = Long.parseLong(answer.getHeaders().getFirst("X-Total-Count"));
            if (items.isEmpty() || all.size() >= total) {
                return all;
            }
        }
    }

    /** Reads the resource until it satisfies the condition: projections follow the event store within moments. */
    protected Map<String, Object> awaitResource(String user, String path, Predicate<Map<String, Object>> condition) {
        return awaitResource(user, path, condition, Duration.ofSeconds(15));
    }

    /**
     * Reads the resource until it satisfies the condition within the given time: after a processor replays the whole
     * shared test history (every test's events), that takes longer than following one new event.
     */
    protected Map<String, Object> awaitResource(String user, String path, Predicate<Map<String, Object>> condition,
                                                Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    ResponseEntity<Map<String, Object>> response = get(user, path);
                    return response.getStatusCode().is2xxSuccessful() ? response.getBody() : null;
                }, body -> body != null && condition.test(body));
    }

    /** The stored events of one aggregate, in order: payload type, JSON payload, JSON metadata. */
    protected List<StoredEvent> storedEvents(String aggregateId) {
        return jdbc.query("""
                select sequence_number, payload_type, time_stamp, convert_from(payload, 'UTF8') as payload,
                       convert_from(meta_data, 'UTF8') as meta_data
                from domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                (rs, row) -> new StoredEvent(rs.getLong("sequence_number"), rs.getString("payload_type"),
                        rs.getString("time_stamp"), rs.getString("payload"), rs.getString("meta_data")), aggregateId);
    }

    protected long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** One row of domain_event_entry, payload and metadata decoded from BYTEA. */
    public record StoredEvent(long sequence, String payloadType, String timestamp, String payload, String metaData) {

        public String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('$') + 1);
        }
    }
}
