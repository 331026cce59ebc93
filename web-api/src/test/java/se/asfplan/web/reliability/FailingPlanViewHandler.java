package se.asfplan.web.reliability;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;

/**
 * A test-only handler in the {@code plan-view} processing group that fails on the areas of the plans it is told
 * to, the way a projection handler fails on data it cannot take (by throwing, or by a failing SQL
 * statement); and counts each area event it handled
 * successfully, so that a test can see each delivered exactly once.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingPlanViewHandler {

    @Bean
    Handler failingPlanViewHandler(JdbcTemplate jdbc) {
        return new Handler(jdbc);
    }

    @ProcessingGroup("plan-view")
    public static class Handler {

        private final JdbcTemplate jdbc;
        private final Set<String> failingPlans = ConcurrentHashMap.newKeySet();
        private final Set<String> failingSqlPlans = ConcurrentHashMap.newKeySet();
        private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

        Handler(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** The plan's area events fail with an exception thrown by the handler. */
        public void failFor(String planId) {
            failingPlans.add(planId);
        }

        /** The plan's area events fail in the database, which on PostgreSQL aborts the batch's transaction. */
        public void failInTheDatabaseFor(String planId) {
            failingSqlPlans.add(planId);
        }

        public void fixed() {
            failingPlans.clear();
            failingSqlPlans.clear();
        }

        @EventHandler
        void on(AreaAddedEvent event, @MessageIdentifier String eventId) {
            if (failingPlans.contains(event.planId().value())) {
                throw new IllegalStateException("Area " + event.areaId().value() + " cannot be shown (test failure)");
            }
            if (failingSqlPlans.contains(event.planId().value())) {
                jdbc.queryForObject("select 1 / 0", Integer.class);
            }
            handled.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
        }

        public int handledCount(String eventId) {
            AtomicInteger count = handled.get(eventId);
            return count == null ? 0 : count.get();
        }
    }
}
