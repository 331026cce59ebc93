package se.asfplan.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A projection handler that fails on one plan's events: those events are parked in the processor's dead-letter
 * queue with the later events of the same plan, every other plan's events keep flowing, health and metrics show
 * the parked count, and after the cause is removed a retry completes the read model with every event once.
 */
class DeadLetterIT extends ReliabilityTest {

    @Autowired
    FailingPlanViewHandler.Handler failing;
    @Autowired
    MeterRegistry meters;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String healthy = "dlq-ok-" + suffix;
    private final String broken = "dlq-broken-" + suffix;

    @AfterEach
    void fix() {
        failing.fixed();
    }

    @Test
    void aFailingEventIsParkedWithItsPlansLaterEventsOthersFlowAndARetryCompletesTheReadModel() {
        failing.failFor(broken);
        adopt(healthy);
        adopt(broken);
        addArea(healthy, "a1");
        addArea(broken, "b1");
        addArea(broken, "b2");
        addArea(healthy, "a2");

        // the healthy plan flows on
        awaitResource(COMMITTEE, "/api/plans/" + healthy, plan -> eventsApplied(plan) == 3);
        assertThat(areaIds(healthy)).containsExactly("a1", "a2");

        // the broken plan's failing event and the one behind it are parked, with cause and no stack trace
        Map<String, Object> group = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> planViewLetters(), g -> g != null && parked(g) == 2);
        List<Map<String, Object>> events = events(group);
        assertThat(events).extracting(e -> e.get("aggregateId")).containsOnly(broken);
        assertThat(events).extracting(e -> e.get("type")).containsOnly("AreaAddedEvent");
        assertThat(events).extracting(e -> ((Number) e.get("sequenceNumber")).longValue()).containsExactly(1L, 2L);
        assertThat(events.get(0).get("causeMessage")).asString().contains("Area b1 cannot be shown");
        assertThat(events.get(0).get("causeType")).isEqualTo(IllegalStateException.class.getName());
        assertThat(events.toString()).doesNotContain("\tat ", "Exception:");
        assertThat(events.get(0).get("eventId")).isEqualTo(eventId(broken, 1));
        assertThat(areaIds(broken)).doesNotContain("b2");

        // the group's list is paged like every list: the count is of all, the events of the page asked for
        ResponseEntity<Map<String, Object>> secondPage = get(AUDITOR, "/api/admin/dead-letters/plan-view?page=1&size=1");
        assertThat(secondPage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(secondPage.getHeaders().getFirst("X-Total-Count")).isEqualTo("2");
        assertThat(secondPage.getHeaders().getFirst("Link")).contains("rel=\"first\"", "rel=\"prev\"");
        assertThat(secondPage.getBody()).containsEntry("parked", 2);
        assertThat((List<?>) secondPage.getBody().get("events")).singleElement()
                .satisfies(e -> assertThat(((Map<?, ?>) e).get("eventId")).isEqualTo(eventId(broken, 2)));
        assertThat(get(AUDITOR, "/api/admin/dead-letters/plan-view?size=501").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // health and metrics show it
        ResponseEntity<Map<String, Object>> health = get(AUDITOR, "/actuator/health/projections");
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "PARKED");
        Map<String, Object> planView = processorDetails(health.getBody(), "plan-view");
        assertThat(planView).containsEntry("parked", 2).containsKeys("position", "head", "lag");
        // anonymous callers and committees see the overall status alone: no details, no description, no
        // components, and no component's own path
        for (String caller : java.util.Arrays.asList(null, COMMITTEE)) {
            assertThat(get(caller, "/actuator/health/projections").getStatusCode())
                    .as("health of projections for " + caller).isEqualTo(HttpStatus.NOT_FOUND);
            Map<String, Object> overall = get(caller, "/actuator/health").getBody();
            assertThat(overall).as("health for " + caller).containsEntry("status", "PARKED");
            assertThat(overall.keySet()).as("health for " + caller).isSubsetOf("status", "groups");
        }
        assertThat(meters.get("tracker.projection.parked").tag("group", "plan-view").gauge().value()).isEqualTo(2.0);

        // only the coordinator retries; while the cause remains, the events stay parked
        assertThat(post(COMMITTEE, "/api/admin/dead-letters/plan-view/retry", "").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> stillFailing = post(COORDINATOR, "/api/admin/dead-letters/plan-view/retry", "");
        assertThat(stillFailing.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stillFailing.getBody()).containsEntry("parkedBefore", 2).containsEntry("parkedAfter", 2);
        assertThat(failing.handledCount(eventId(broken, 1))).isZero();

        // fixed: the retry handles both, in order, once
        failing.fixed();
        ResponseEntity<Map<String, Object>> retried = post(COORDINATOR, "/api/admin/dead-letters/plan-view/retry", "");
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody()).containsEntry("parkedBefore", 2).containsEntry("parkedAfter", 0);
        Map<String, Object> repaired = awaitResource(COMMITTEE, "/api/plans/" + broken, plan -> eventsApplied(plan) == 3);
        assertThat(eventsApplied(repaired)).isEqualTo(3);
        assertThat(areaIds(broken)).containsExactly("b1", "b2");
        assertThat(failing.handledCount(eventId(broken, 1))).isEqualTo(1);
        assertThat(failing.handledCount(eventId(broken, 2))).isEqualTo(1);
        assertThat(failing.handledCount(eventId(healthy, 1))).isEqualTo(1);
        assertThat(parked(planViewLetters())).isZero();
        assertThat(get(AUDITOR, "/actuator/health/projections").getBody()).containsEntry("status", "UP");
        assertThat(meters.get("tracker.projection.parked").tag("group", "plan-view").gauge().value()).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                meters.get("tracker.projection.lag").tag("group", "plan-view").gauge().value() == 0.0);
    }

    /**
     * On PostgreSQL a failed statement aborts the batch's transaction; the handler's savepoint
     * ({@code SavepointPerEventHandler}) undoes just that handler, so the event is parked and the batch goes on.
     */
    @Test
    void aHandlerFailingInTheDatabaseIsParkedTooAndDoesNotAbortTheBatch() {
        String broken = "dlq-sql-" + suffix;
        failing.failInTheDatabaseFor(broken);
        adopt(broken);
        adopt(healthy);
        addArea(broken, "c1");
        addArea(healthy, "a1");
        addArea(broken, "c2");

        awaitResource(COMMITTEE, "/api/plans/" + healthy, plan -> eventsApplied(plan) == 2);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> parkedOf(broken), parked -> parked == 2);
        Map<String, Object> letter = events(planViewLetters()).stream()
                .filter(e -> broken.equals(e.get("aggregateId"))).findFirst().orElseThrow();
        assertThat(letter.get("causeMessage")).asString().containsIgnoringCase("division by zero");
        assertThat(areaIds(broken)).doesNotContain("c2");

        failing.fixed();
        assertThat(post(COORDINATOR, "/api/admin/dead-letters/plan-view/retry", "").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        awaitResource(COMMITTEE, "/api/plans/" + broken, plan -> eventsApplied(plan) == 3);
        assertThat(areaIds(broken)).containsExactly("c1", "c2");
        assertThat(failing.handledCount(eventId(broken, 1))).isEqualTo(1);
        assertThat(failing.handledCount(eventId(broken, 2))).isEqualTo(1);
        assertThat(parkedOf(broken)).isZero();
    }

    @Test
    void anUnknownGroupIsNotFound() {
        assertThat(post(COORDINATOR, "/api/admin/dead-letters/no-such-group/retry", "").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(AUDITOR, "/api/admin/dead-letters/no-such-group").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyProjectionGroupHasADeadLetterQueue() {
        List<Map<String, Object>> groups = getListOfGroups();
        assertThat(groups).extracting(g -> g.get("group")).contains("plan-view", "enterprise-register", "meetings",
                "procurements", "statistics", "activity-followup", "goal-report", "participation", "party-register");
    }

    private List<Map<String, Object>> getListOfGroups() {
        return getList(AUDITOR, "/api/admin/dead-letters").getBody();
    }

    private void adopt(String plan) {
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private long parkedOf(String aggregate) {
        return events(planViewLetters()).stream().filter(e -> aggregate.equals(e.get("aggregateId"))).count();
    }

    private void addArea(String plan, String area) {
        assertThat(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "%s", "name": "Område %s", "occurredOn": "2021-03-01"}""".formatted(area, area))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private List<Object> areaIds(String plan) {
        return getList(COMMITTEE, "/api/plans/" + plan + "/areas").getBody().stream()
                .map(area -> area.get("areaId")).toList();
    }

    private String eventId(String aggregate, long sequence) {
        return jdbc.queryForObject("select event_identifier from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = ?", String.class, aggregate, sequence);
    }

    /** The number of the plan's events the view has applied (its version is the last one's sequence number). */
    private static int eventsApplied(Map<String, Object> plan) {
        return ((Number) plan.get("version")).intValue() + 1;
    }

    private Map<String, Object> planViewLetters() {
        List<Map<String, Object>> groups = getListOfGroups();
        return groups == null ? null : groups.stream().filter(g -> "plan-view".equals(g.get("group")))
                .findFirst().orElse(null);
    }

    private static long parked(Map<String, Object> group) {
        return ((Number) group.get("parked")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> group) {
        return (List<Map<String, Object>>) group.get("events");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> processorDetails(Map<String, Object> health, String processor) {
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        return ((Map<String, Map<String, Object>>) details.get("processors")).get(processor);
    }
}
