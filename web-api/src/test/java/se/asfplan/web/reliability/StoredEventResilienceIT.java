package se.asfplan.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.Tampering;

/**
 * A stored event that cannot be read never freezes more than its own record, and nothing is dropped without a trace:
 * an event made unreadable in SQL is reported (health, with its position and record), its record's commands are
 * refused with a clear problem (409 and a rule code, in Swedish when asked) while other records go on; after the
 * event is repaired the dead letters retry as the store now gives the event and the read model catches up; an
 * evicted dead letter leaves an operator event naming who and why; an event a state read model does not expect is
 * parked with the reason; an event stored under rules a later release tightened still reads; an event of a type no
 * class has is counted.
 */
class StoredEventResilienceIT extends ReliabilityTest {

    private static final String AREA_ADDED = "se.asfplan.domain.plan.PlanEvents$AreaAddedEvent";
    private static final String EVICTED = "se.asfplan.infra.axon.OperatorEvents$DeadLetterEvictedEvent";

    @Autowired
    MeterRegistry meters;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> broken = new ArrayList<>();

    /** Leaves no unreadable event and nothing parked behind, for the other tests of this application. */
    @AfterEach
    void repairAndRetry() {
        for (String eventId : broken) {
            Tampering.update(jdbc, "update domain_event_entry set payload = ? where event_identifier = ?",
                    readableArea(jdbc.queryForObject("select aggregate_identifier from domain_event_entry "
                            + "where event_identifier = ?", String.class, eventId), "repaired"), eventId);
        }
        get(AUDITOR, "/actuator/health/storedEvents");
        for (Map<String, Object> group : getList(AUDITOR, "/api/admin/dead-letters").getBody()) {
            if (((Number) group.get("parked")).longValue() > 0) {
                post(COORDINATOR, "/api/admin/dead-letters/" + group.get("group") + "/retry", "");
            }
            for (Map<String, Object> left : letters((String) group.get("group"))) {
                if (String.valueOf(left.get("aggregateId")).endsWith(suffix)) {
                    post(COORDINATOR, "/api/admin/dead-letters/" + group.get("group") + "/evictions",
                            "{\"eventId\": \"" + left.get("eventId") + "\", \"reason\": \"Städning efter test\"}");
                }
            }
        }
    }

    @Test
    void anUnreadableEventIsReportedItsRecordRefusesCommandsAndAfterTheRepairTheRetryCatchesUp() {
        String plan = "unreadable-" + suffix;
        String other = "readable-" + suffix;
        adopt(plan);
        adopt(other);
        String eventId = storeEvent(plan, 1, AREA_ADDED, "{\"planId\": \"" + plan + "\", \"areaId\": ");
        long position = jdbc.queryForObject("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, eventId);

        // the record's commands are refused with a rule, not a server error; nothing is recorded
        ResponseEntity<Map<String, Object>> refused = addArea(plan, "a2");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("rule", "stored-events-must-be-readable");
        assertThat(refused.getBody().get("detail")).asString().contains(eventId, plan);
        ResponseEntity<Map<String, Object>> swedish = addAreaInSwedish(plan, "a3");
        assertThat(swedish.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(swedish.getBody().get("detail")).asString()
                .contains("En lagrad händelse i postens historik går inte att läsa");
        assertThat(storedEvents(plan)).hasSize(2);
        // another record goes on
        assertThat(addArea(other, "o1").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // health names the event, its position and its record; the metric counts it
        Map<String, Object> health = get(AUDITOR, "/actuator/health/storedEvents").getBody();
        assertThat(health).containsEntry("status", "UNREADABLE_EVENTS");
        Map<String, Object> listed = unreadable(health).stream()
                .filter(event -> eventId.equals(event.get("eventId"))).findFirst().orElseThrow();
        assertThat(((Number) listed.get("position")).longValue()).isEqualTo(position);
        assertThat(listed).containsEntry("aggregateId", plan).containsEntry("aggregateType", "Plan")
                .containsEntry("payloadType", AREA_ADDED);
        assertThat(((Number) listed.get("sequenceNumber")).longValue()).isEqualTo(1L);
        assertThat(listed.get("cause")).asString().isNotBlank().doesNotContain("\tat ");
        assertThat(get(null, "/actuator/health").getBody()).containsEntry("status", "UNREADABLE_EVENTS");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("tracker.events.unreadable").gauge().value() >= 1.0);

        // the projections park it (read by the processors, it fails in every group that handles it)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> parkedOf("plan-view", eventId) == 1);

        // repaired in SQL: health clears, the retry reads the event as the store now has it, the view catches up
        Tampering.update(jdbc, "update domain_event_entry set payload = ? where event_identifier = ?",
                readableArea(plan, "b1"), eventId);
        Map<String, Object> healed = get(AUDITOR, "/actuator/health/storedEvents").getBody();
        assertThat(unreadable(healed)).extracting(event -> event.get("eventId")).doesNotContain(eventId);
        ResponseEntity<Map<String, Object>> retried = post(COORDINATOR, "/api/admin/dead-letters/plan-view/retry", "");
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(parkedOf("plan-view", eventId)).isZero();
        Map<String, Object> view = awaitResource(COMMITTEE, "/api/plans/" + plan,
                p -> ((Number) p.get("version")).intValue() == 1);
        assertThat(((Number) view.get("version")).intValue()).isEqualTo(1);
        assertThat(areaIds(plan)).containsExactly("b1");

        // and the record takes commands again
        assertThat(addArea(plan, "a2").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitResource(COMMITTEE, "/api/plans/" + plan, p -> ((Number) p.get("version")).intValue() == 2);
        assertThat(areaIds(plan)).containsExactly("b1", "a2");
    }

    @Test
    void anEvictedDeadLetterLeavesAnOperatorEventAndTheNextEventOfTheRecordIsParkedOutOfSequence() {
        String plan = "evicted-" + suffix;
        adopt(plan);
        String eventId = storeEvent(plan, 1, AREA_ADDED, "not json at all");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> parkedOf("plan-view", eventId) == 1);

        String body = "{\"eventId\": \"" + eventId + "\", \"reason\": \"Testhändelse som aldrig skulle ha lagrats\"}";
        assertThat(post(COMMITTEE, "/api/admin/dead-letters/plan-view/evictions", body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> blank = post(COORDINATOR, "/api/admin/dead-letters/plan-view/evictions",
                "{\"eventId\": \"" + eventId + "\", \"reason\": \" \"}");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(COORDINATOR, "/api/admin/dead-letters/plan-view/evictions",
                "{\"eventId\": \"no-such-event\", \"reason\": \"x\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(parkedOf("plan-view", eventId)).isEqualTo(1);

        ResponseEntity<Map<String, Object>> evicted = post(COORDINATOR, "/api/admin/dead-letters/plan-view/evictions",
                body);
        assertThat(evicted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(parkedOf("plan-view", eventId)).isZero();
        String operatorEventId = (String) evicted.getBody().get("operatorEventId");
        Map<String, Object> logged = jdbc.queryForMap("select payload_type, payload, meta_data from domain_event_entry "
                + "where event_identifier = ?", operatorEventId);
        assertThat(logged.get("payload_type")).isEqualTo(EVICTED);
        assertThat(new String((byte[]) logged.get("payload"), StandardCharsets.UTF_8))
                .contains("\"reason\":\"Testhändelse som aldrig skulle ha lagrats\"", "\"processingGroup\":\"plan-view\"",
                        "\"eventId\":\"" + eventId + "\"", "\"aggregateId\":\"" + plan + "\"");
        assertThat(new String((byte[]) logged.get("meta_data"), StandardCharsets.UTF_8))
                .contains("\"recordedBy\":\"coordinator\"", "\"recordedVia\":\"rest-api\"");
        assertThat(get(AUDITOR, "/api/events/" + operatorEventId).getStatusCode()).isEqualTo(HttpStatus.OK);

        // repaired, the record takes commands again; plan-view never applied event 1, so it parks event 2 with the
        // reason instead of skipping over the hole
        Tampering.update(jdbc, "update domain_event_entry set payload = ? where event_identifier = ?",
                readableArea(plan, "b1"), eventId);
        assertThat(addArea(plan, "a2").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String second = eventId(plan, 2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> parkedOf("plan-view", second) == 1);
        Map<String, Object> letter = letters("plan-view").stream()
                .filter(e -> second.equals(e.get("eventId"))).findFirst().orElseThrow();
        assertThat(letter.get("causeMessage")).asString()
                .contains("Event 2 of " + plan, "the last applied is 0", "events 1-1 are missing", "parked");
        assertThat(((Number) get(COMMITTEE, "/api/plans/" + plan).getBody().get("version")).intValue()).isZero();

        // the coordinator evicts that one too (from the command line or here); the view stays as it was
        assertThat(post(COORDINATOR, "/api/admin/dead-letters/plan-view/evictions",
                "{\"eventId\": \"" + second + "\", \"reason\": \"Följer på en borttagen händelse\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?",
                Long.class, EVICTED)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEventTodaysRulesRefuseStillReadsForCommandsAndReadModels() {
        String plan = "old-rules-" + suffix;
        adopt(plan);
        // an area id that today's rules refuse (not a slug), as an older release might have stored it
        storeEvent(plan, 1, AREA_ADDED, new String(readableArea(plan, "Gammalt Område"), StandardCharsets.UTF_8));
        assertThat(addArea(plan, "a2").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitResource(COMMITTEE, "/api/plans/" + plan, p -> ((Number) p.get("version")).intValue() == 2);
        assertThat(areaIds(plan)).containsExactly("Gammalt Område", "a2");
        assertThat(addArea(plan, "Ogiltigt Id").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anEventOfAnUnknownTypeIsCountedPerTypeInHealthAndMetrics() {
        String plan = "unknown-type-" + suffix;
        adopt(plan);
        String type = "se.asfplan.domain.plan.PlanEvents$FromANewerReleaseEvent" + suffix.replace("-", "");
        String eventId = storeEvent(plan, 1, type, "{\"planId\": \"" + plan + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> health = get(AUDITOR, "/actuator/health/storedEvents").getBody();
            @SuppressWarnings("unchecked")
            Map<String, Object> types = (Map<String, Object>) ((Map<String, Object>) health.get("details"))
                    .get("unknownTypes");
            return types.containsKey(type) && ((Number) types.get(type)).longValue() == 1;
        });
        assertThat(jdbc.queryForObject("select problem from stored_event_problem where event_identifier = ?",
                String.class, eventId)).isEqualTo("unknown-type");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                meters.find("tracker.events.unknown.type").tag("type", type.substring(type.lastIndexOf('.') + 1))
                        .gauge() != null);
        assertThat(meters.get("tracker.events.unknown").gauge().value()).isGreaterThanOrEqualTo(1.0);
        // the record is not blocked: the aggregate ignores the event, and the state read model takes its number, so
        // the record's next event applies
        assertThat(addArea(plan, "a1").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitResource(COMMITTEE, "/api/plans/" + plan, p -> ((Number) p.get("version")).intValue() == 2);
        assertThat(areaIds(plan)).containsExactly("a1");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Stores an event behind the record's last one in plain SQL, as a broken release or a hand edit might. */
    private String storeEvent(String aggregate, long sequence, String payloadType, String payload) {
        String eventId = UUID.randomUUID().toString();
        byte[] metaData = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 0", byte[].class, aggregate);
        jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, ?, 'Plan', ?, ?, null, ?, ?)""",
                eventId, aggregate, sequence, Instant.now().toString(), payloadType,
                payload.getBytes(StandardCharsets.UTF_8), metaData);
        if (AREA_ADDED.equals(payloadType) && !payload.startsWith("{\"planId\":\"")) {
            broken.add(eventId);
        }
        return eventId;
    }

    private static byte[] readableArea(String plan, String area) {
        return ("{\"planId\":\"" + plan + "\",\"areaId\":\"" + area + "\",\"name\":\"Område " + area
                + "\",\"description\":null,\"occurredOn\":\"2021-03-01\",\"number\":null}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void adopt(String plan) {
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        awaitResource(COMMITTEE, "/api/plans/" + plan, p -> ((Number) p.get("version")).intValue() == 0);
    }

    private ResponseEntity<Map<String, Object>> addArea(String plan, String area) {
        return post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "%s", "name": "Område %s", "occurredOn": "2021-03-01"}""".formatted(area, area));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Map<String, Object>> addAreaInSwedish(String plan, String area) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "sv");
        headers.setBasicAuth(COORDINATOR, COORDINATOR);
        ResponseEntity<Map> answer = http.exchange("/api/plans/" + plan + "/areas", HttpMethod.POST,
                new HttpEntity<>("""
                        {"areaId": "%s", "name": "Område %s", "occurredOn": "2021-03-01"}""".formatted(area, area),
                        headers), Map.class);
        return (ResponseEntity) answer;
    }

    private List<Object> areaIds(String plan) {
        return getList(COMMITTEE, "/api/plans/" + plan + "/areas").getBody().stream()
                .map(area -> area.get("areaId")).toList();
    }

    private String eventId(String aggregate, long sequence) {
        return jdbc.queryForObject("select event_identifier from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = ?", String.class, aggregate, sequence);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> letters(String group) {
        Map<String, Object> letters = get(AUDITOR, "/api/admin/dead-letters/" + group).getBody();
        return (List<Map<String, Object>>) letters.get("events");
    }

    private long parkedOf(String group, String eventId) {
        return letters(group).stream().filter(e -> eventId.equals(e.get("eventId"))).count();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> unreadable(Map<String, Object> health) {
        return (List<Map<String, Object>>) ((Map<String, Object>) health.get("details")).get("unreadable");
    }
}
