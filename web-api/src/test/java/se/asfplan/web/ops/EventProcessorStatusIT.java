package se.asfplan.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * The node's view of its event-processor segments (used by scripts/two-nodes-check) agrees with the token store:
 * as the only node, it processes exactly the segments token_entry names it the owner of, under the owner name the
 * token store uses, for every processing group.
 */
class EventProcessorStatusIT extends PostgresApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void listsTheSegmentsThisNodeOwnsInTheTokenStore() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ResponseEntity<Map<String, Object>> answer = get(AUDITOR, "/api/ops/event-processors");
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            String node = (String) answer.getBody().get("node");
            List<Map<String, Object>> processors = (List<Map<String, Object>>) answer.getBody().get("processors");

            Set<String> reported = new TreeSet<>();
            for (Map<String, Object> processor : processors) {
                assertThat(processor.get("running")).isEqualTo(true);
                assertThat(processor.get("error")).isEqualTo(false);
                assertThat((List<Object>) processor.get("failedSegments")).isEmpty();
                for (Map<String, Object> segment : (List<Map<String, Object>>) processor.get("segments")) {
                    reported.add(processor.get("name") + "/" + segment.get("segment"));
                }
            }
            Set<String> owned = jdbc.queryForList(
                            "select processor_name || '/' || segment from token_entry where owner = ?", String.class,
                            node).stream()
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> everySegment = jdbc.queryForList(
                            "select processor_name || '/' || segment from token_entry", String.class).stream()
                    .filter(segment -> !segment.contains("@"))
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(processors).extracting(processor -> processor.get("name"))
                    .contains("plan-view", "enterprise-register", "meetings", "procurements", "statistics",
                            "activity-followup", "goal-report");
            assertThat(reported).isNotEmpty().isEqualTo(owned).isEqualTo(everySegment);
        });
    }

    @Test
    void needsAUser() {
        assertThat(get(null, "/api/ops/event-processors").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
