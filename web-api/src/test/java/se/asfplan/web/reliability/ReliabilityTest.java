package se.asfplan.web.reliability;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import se.asfplan.web.support.PostgresApiTest;

/**
 * The reliability tests' application: test-only handlers (a gap probe, a handler that fails on demand, a settable
 * clock) and a short gap timeout. It runs in a schema of its own ({@code <test schema>_reliab}), so that its
 * processors never compete for tokens with the shared test application's processors in the same JVM.
 */
@Import({AppendProbe.class, FailingPlanViewHandler.class, SettableClock.Configuration.class})
@TestPropertySource(properties = {
        "tracker.event-store.gap-timeout=" + ReliabilityTest.GAP_TIMEOUT_MS + "ms",
        "spring.datasource.url=${TEST_DATABASE_BASE_URL:jdbc:postgresql://127.0.0.1:5432/test}"
                + "?currentSchema=${TEST_DATABASE_SCHEMA:asf_tracker_it}_reliab",
        "spring.flyway.schemas=${TEST_DATABASE_SCHEMA:asf_tracker_it}_reliab"})
abstract class ReliabilityTest extends PostgresApiTest {

    static final int GAP_TIMEOUT_MS = 3000;
}
