package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

import se.asfplan.web.support.Tampering;

/**
 * The evict action of {@code /drift}, in a schema of its own: the evicted event leaves the live plan view one event
 * behind what a rebuild would show (as the runbook says), which the rebuild comparisons of the shared schema must not
 * meet.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${TEST_DATABASE_BASE_URL:jdbc:postgresql://127.0.0.1:5432/test}"
                + "?currentSchema=${TEST_DATABASE_SCHEMA:asf_tracker_it}_evict",
        "spring.flyway.schemas=${TEST_DATABASE_SCHEMA:asf_tracker_it}_evict"})
class DeadLetterEvictionBrowserIT extends BrowserTest {

    /**
     * An event that cannot be read is parked; the coordinator follows its "Ta bort ur kön" link on /drift, gives the
     * reason and evicts it, which the log keeps as an operator event.
     */
    @Test
    void theCoordinatorEvictsAParkedEventWithAReason() throws Exception {
        String plan = "drift-evict-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)).getStatusCode().value())
                .isEqualTo(201);
        String eventId = java.util.UUID.randomUUID().toString();
        jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload, meta_data)
                select ?, aggregate_identifier, 1, type, time_stamp, ?, ?, meta_data
                from domain_event_entry where aggregate_identifier = ? and sequence_number = 0""",
                eventId, "se.asfplan.domain.plan.PlanEvents$AreaAddedEvent", "{broken".getBytes(), plan);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                String.valueOf(get(AUDITOR, "/api/admin/dead-letters/plan-view").getBody()).contains(eventId));
        try {
            signIn(COORDINATOR);
            open("/drift");
            assertThat(text(By.tagName("main"))).contains(eventId);
            assertAccessible();
            // the event is parked in every group that handles it; this one evicts it from plan-view
            browser.findElement(By.cssSelector("a[href*='dead-letter-evict'][href*='group=plan-view'][href*='"
                    + eventId + "']")).click();
            fill(By.name("reason"), "Trasig testhändelse, rättas inte");
            assertThat(waitFor(By.name("eventId")).getAttribute("value")).isEqualTo(eventId);
            assertThat(text(By.tagName("main"))).contains("plan-view");
            assertAccessible();
            screenshot("operations-evict");
            browser.findElement(By.cssSelector("main form[method=post] button[type=submit]")).click();
            assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
            assertThat(String.valueOf(get(AUDITOR, "/api/admin/dead-letters/plan-view").getBody()))
                    .doesNotContain(eventId);
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like "
                    + "'%DeadLetterEvictedEvent' and convert_from(payload, 'UTF8') like ?", Long.class,
                    "%" + eventId + "%Trasig testhändelse%")).isEqualTo(1L);
        } finally {
            // leave no unreadable event behind for the other browser tests
            Tampering.update(jdbc, "update domain_event_entry set payload = ? where event_identifier = ?", ("{\"planId\":\""
                    + plan + "\",\"areaId\":\"b1\",\"name\":\"B1\",\"description\":null,"
                    + "\"occurredOn\":\"2021-03-01\",\"number\":null}").getBytes(), eventId);
            get(AUDITOR, "/actuator/health/storedEvents");
            for (var group : getList(AUDITOR, "/api/admin/dead-letters").getBody()) {
                if (((Number) group.get("parked")).longValue() > 0) {
                    post(COORDINATOR, "/api/admin/dead-letters/" + group.get("group") + "/retry", "");
                }
            }
        }
    }
}
