package se.asfplan.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import se.asfplan.web.support.PostgresApiTest;
import se.asfplan.web.support.StockholmScript;

/**
 * Issue 12, point 4: the independent recomputation. On the scripted Stockholm history (StockholmScript), an auditor
 * has every read model rebuilt from the log into a generation that never answers, and the comparison with the live
 * tables and reports is equal; it stays equal while a writer keeps recording during the recomputation (the
 * comparison is made at one log position); a live row changed directly in SQL is reported with its table, key and
 * columns, and the yearly goal report's figure it changes is reported too. Committees may not start it; a second
 * start while one runs is a 409 problem.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${TEST_DATABASE_BASE_URL:jdbc:postgresql://127.0.0.1:5432/test}"
                + "?currentSchema=${TEST_DATABASE_SCHEMA:asf_tracker_it}_recompute",
        "spring.flyway.schemas=${TEST_DATABASE_SCHEMA:asf_tracker_it}_recompute"})
class RecomputationIT extends PostgresApiTest {

    private static final String API = "/api/audit/recomputations";
    private static final List<String> READ_MODELS = List.of("activity-followup", "enterprise-register",
            "follow-up-rounds", "goal-report", "meetings", "participation", "party-register", "plan-view", "procurements", "statistics");

    @Test
    void theStockholmHistoryRecomputedEqualsTheLiveReadModelsEvenWhileRecordingAndATamperedRowIsReported()
            throws Exception {
        StockholmScript script = new StockholmScript(this);
        script.importStockholmPlan();
        script.registerTheContractingAuthority();
        script.setGoals();
        script.recordUntilTheCommitteeMeeting();
        script.recordAfterTheCommitteeMeeting();
        awaitLiveCaughtUp();
        Map<String, Object> activeBefore = activeGenerations();

        // committees may not; an unknown recomputation is a 404 problem
        assertThat(post(COMMITTEE, API, "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(AUDITOR, API + "/999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // (a) the Stockholm history recomputed equals the live read models and reports
        ResponseEntity<Map<String, Object>> started = post(AUDITOR, API, "");
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo(API + "/" + started.getBody().get("id"));
        ResponseEntity<Map<String, Object>> second = post(COORDINATOR, API, "");
        assertThat(second.getStatusCode()).as("a second start while one runs").isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody()).containsKey("detail");

        Map<String, Object> report = awaitFinished(location);
        System.out.println("RecomputationIT (a): " + summary(report));
        assertThat(report.get("outcome")).as("%s", report).isEqualTo("EQUAL");
        assertThat(report.get("startedBy")).isEqualTo(AUDITOR);
        assertThat(readModels(report)).extracting(model -> model.get("processingGroup"))
                .containsExactlyElementsOf(READ_MODELS);
        for (Map<String, Object> model : readModels(report)) {
            assertThat(model.get("state")).as("%s", model).isEqualTo("EQUAL");
            assertThat(((Number) model.get("comparedAt")).longValue()).as("%s", model).isPositive();
            for (Map<String, Object> table : list(model, "tables")) {
                assertThat(table.get("recomputedRows")).as("%s", table).isEqualTo(table.get("liveRows"));
            }
        }
        Map<String, Object> goalReport = readModel(report, "goal-report");
        assertThat(list(goalReport, "tables").get(0)).containsEntry("table", "goal_report_fact");
        assertThat((Integer) list(goalReport, "tables").get(0).get("liveRows")).isGreaterThan(50);
        assertThat(list(goalReport, "reports").get(0)).containsEntry("report", "yearly-goals")
                .containsEntry("answers", 4).containsEntry("differences", 0);
        assertThat(list(readModel(report, "activity-followup"), "reports").get(0))
                .containsEntry("report", "activity-follow-up").containsEntry("answers", 1);
        assertThat(list(readModel(report, "statistics"), "reports")).extracting(r -> r.get("report"))
                .containsExactly("register-statistics", "procurement-statistics");
        assertThat(list(readModel(report, "participation"), "reports")).hasSize(1);
        // the recomputed generation never answered and is gone; the live generations are as they were
        assertRecomputedGenerationGone();
        assertThat(activeGenerations()).isEqualTo(activeBefore);
        assertThat(getList(AUDITOR, API).getBody()).extracting(r -> r.get("outcome")).containsExactly("EQUAL");

        // (c) while a writer keeps recording, the comparison shows no false differences
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> writerFailed =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread writer = new Thread(() -> {
            LocalDate day = LocalDate.of(2024, 1, 2);
            try {
                // a bounded burst that outlasts the recomputation's start: under a write that never pauses, a read
                // model's live and recomputed sides may never stand at one position on a loaded machine, which the
                // product reports as "not compared, start again in a quieter moment" (docs/auditing.md)
                while (writing.get() && written.get() < 60) {
                    int n = written.get() + 1;
                    if (n % 2 == 0) {
                        script.advice(n % 4 == 0 ? "e01" : "e06", day.plusDays(n % 300).toString());
                    } else {
                        script.record("/api/plans/" + StockholmScript.PLAN
                                + "/activities/upphandling-uppdrag-innovationsupphandling-med-asf/progress-reports",
                                "{\"note\": \"Lägesrapport " + n + "\", \"occurredOn\": \""
                                        + day.plusDays(n % 300) + "\"}");
                    }
                    written.incrementAndGet();
                    Thread.sleep(40);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                writerFailed.set(e);
            }
        }, "recomputation-it-writer");
        writer.start();
        Thread.sleep(500);
        long headAtStart = head();
        ResponseEntity<Map<String, Object>> whileWriting = post(COORDINATOR, API, "");
        assertThat(whileWriting.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> moving = awaitFinished(whileWriting.getHeaders().getLocation().toString());
        int writtenDuring = written.get();
        writing.set(false);
        writer.join();
        assertThat(writerFailed.get()).as("the writer's failure").isNull();
        System.out.println("RecomputationIT (c): " + writtenDuring + " commands recorded meanwhile; "
                + summary(moving));
        assertThat(moving.get("outcome")).as("%s", moving).isEqualTo("EQUAL");
        assertThat(writtenDuring).as("commands recorded while the recomputation ran").isGreaterThanOrEqualTo(5);
        assertThat(readModels(moving).stream().mapToLong(model -> ((Number) model.get("comparedAt")).longValue())
                .max().orElseThrow()).as("compared beyond the head at the start").isGreaterThan(headAtStart);
        assertRecomputedGenerationGone();

        // (b) a live row changed directly in SQL is reported with its table and key, and in the goal report
        awaitLiveCaughtUp();
        int goals = ((Number) activeGenerations().get("goal-report")).intValue();
        int enterprises = ((Number) activeGenerations().get("enterprise-register")).intValue();
        String outcomeEvent = jdbc.queryForObject("""
                select event_id from goal_report_fact where generation = ? and goal_id = 'andel-plus-2023'
                and fact = 'OUTCOME_REPORTED' and outcome_value = 21.5""", String.class, goals);
        assertThat(jdbc.update("update goal_report_fact set outcome_value = 99 where generation = ? and event_id = ?",
                goals, outcomeEvent)).isEqualTo(1);
        assertThat(jdbc.update("update enterprise_view set name = 'Ändrat i databasen' where generation = ? "
                + "and enterprise_id = 'sth-e04'", enterprises)).isEqualTo(1);
        try {
            Map<String, Object> tampered = awaitFinished(post(AUDITOR, API, "").getHeaders().getLocation().toString());
            System.out.println("RecomputationIT (b): " + summary(tampered));
            assertThat(tampered.get("outcome")).as("%s", tampered).isEqualTo("DIFFERENT");
            Map<String, Object> goalModel = readModel(tampered, "goal-report");
            assertThat(goalModel.get("state")).isEqualTo("DIFFERENT");
            List<Map<String, Object>> differences = list(goalModel, "differences");
            assertThat(differences).anySatisfy(difference -> {
                assertThat(difference).containsEntry("kind", "ROW").containsEntry("source", "goal_report_fact")
                        .containsEntry("key", "event_id=" + outcomeEvent).containsEntry("what", "DIFFERENT");
                assertThat(list(difference, "columns")).containsExactly(
                        Map.of("column", "outcome_value", "live", "99", "recomputed", "21.5"));
            });
            assertThat(differences).anySatisfy(difference -> {
                assertThat(difference).containsEntry("kind", "REPORT").containsEntry("source", "yearly-goals")
                        .containsEntry("key", StockholmScript.PLAN + " 2023");
                assertThat(list(difference, "columns")).contains(Map.of(
                        "column", "rows[goalId=andel-plus-2023].outcome", "live", "99", "recomputed", "21.5"));
            });
            Map<String, Object> enterpriseModel = readModel(tampered, "enterprise-register");
            assertThat(enterpriseModel.get("state")).isEqualTo("DIFFERENT");
            assertThat(list(enterpriseModel, "differences")).singleElement().satisfies(difference -> {
                assertThat(difference).containsEntry("source", "enterprise_view")
                        .containsEntry("key", "enterprise_id=sth-e04");
                assertThat(list(difference, "columns")).containsExactly(Map.of("column", "name",
                        "live", "Ändrat i databasen", "recomputed", "Trädgårdsgruppen"));
            });
            for (String untouched : List.of("plan-view", "activity-followup", "statistics", "participation")) {
                assertThat(readModel(tampered, untouched).get("state")).as(untouched).isEqualTo("EQUAL");
            }
        } finally {
            jdbc.update("update goal_report_fact set outcome_value = 21.5 where generation = ? and event_id = ?",
                    goals, outcomeEvent);
            jdbc.update("update enterprise_view set name = 'Trädgårdsgruppen' where generation = ? "
                    + "and enterprise_id = 'sth-e04'", enterprises);
        }
    }

    private Map<String, Object> awaitFinished(String location) {
        return Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(AUDITOR, location).getBody(),
                        body -> body != null && !"RUNNING".equals(body.get("outcome")));
    }

    private void awaitLiveCaughtUp() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long head = head();
            return READ_MODELS.stream().allMatch(group -> {
                List<Map<String, Object>> tokens = jdbc.queryForList(
                        "select convert_from(token, 'UTF8') as token from token_entry where processor_name = ?", group);
                return !tokens.isEmpty() && tokens.stream().allMatch(token -> token.get("token") != null
                        && String.valueOf(token.get("token")).contains("\"index\":" + head));
            });
        });
    }

    private long head() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    private Map<String, Object> activeGenerations() {
        Map<String, Object> active = new java.util.TreeMap<>();
        jdbc.queryForList("select processing_group, active_generation from projection_generation")
                .forEach(row -> active.put((String) row.get("processing_group"), row.get("active_generation")));
        return active;
    }

    private void assertRecomputedGenerationGone() {
        for (String table : List.of("goal_report_fact", "plan_view", "enterprise_view", "activity_followup_fact",
                "statistics_enterprise_fact", "participation_fact", "party_view", "meeting_view", "procurement_view")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where generation >= 1000000",
                    Long.class)).as(table + " rows of a recomputed generation").isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name like '%@100%'",
                Long.class)).as("tokens of a recomputation's processors").isZero();
    }

    private static String summary(Map<String, Object> report) {
        StringBuilder text = new StringBuilder(report.get("outcome") + ": " + report.get("summary"));
        for (Map<String, Object> model : readModels(report)) {
            text.append("\n  ").append(model.get("processingGroup")).append(' ').append(model.get("state"))
                    .append(" at ").append(model.get("comparedAt")).append(", tables ").append(model.get("tables"))
                    .append(", reports ").append(model.get("reports")).append(", differences ")
                    .append(model.get("differenceCount"));
            if (model.get("error") != null) {
                text.append(", error ").append(model.get("error"));
            }
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readModels(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("readModels");
    }

    private static Map<String, Object> readModel(Map<String, Object> report, String group) {
        return readModels(report).stream().filter(model -> group.equals(model.get("processingGroup"))).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }
}
