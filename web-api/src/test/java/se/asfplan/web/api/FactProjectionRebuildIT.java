package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.web.support.RandomHistory.awaitLiveCaughtUp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.projections.rebuild.RebuildStatus;
import se.asfplan.web.support.PostgresApiTest;
import se.asfplan.web.support.RandomHistory;
import se.asfplan.web.support.RandomHistory.Background;
import se.asfplan.web.support.RandomHistory.Writer;

/**
 * A rebuilt generation of the activity follow-up, of the yearly goal report and of the participation report equals
 * the incrementally built one: a {@link RandomHistory} of more than 10,000 events (seeded; the seed is printed) about
 * plans (areas, activities and their progress, completion and cancellation, goals of every kind, revised, withdrawn
 * and reported by hand), enterprises (Integrationspakten, reference group, business dialogue and advice, events),
 * meetings and procurements is recorded through the command gateway by several writers at once, so events also commit
 * out of index order, and folded by the live processors. Then each group is rebuilt into its next generation while a
 * background writer keeps recording; once caught up, both generations hold exactly the same rows, and every plan's
 * report (every year of the goal report) is the same JSON read from either generation. After the switch the reports
 * are unchanged and the old generation's rows are gone.
 */
class FactProjectionRebuildIT extends PostgresApiTest {

    private static final String FOLLOW_UP = "activity-followup";
    private static final String GOAL_REPORT = "goal-report";
    private static final String PARTICIPATION = "participation";
    private static final int EVENTS = 10_000;
    /** Every year of the plans' period, each with its goal report. */
    private static final List<Integer> YEARS = List.of(2023, 2024, 2025, 2026);

    @Autowired
    private CommandGateway commands;

    @Autowired
    private ProjectionRebuilds rebuilds;

    @Autowired
    private ProcessedPosition positions;

    /** The history this test records; every plan any of its writers adopted is in its plans. */
    private RandomHistory history;

    @Test
    void rebuildsTheFollowUpGoalAndParticipationReportsIntoNewGenerationsEqualToTheIncrementalOnes()
            throws Exception {
        long seed = RandomHistory.seed("FactProjectionRebuildIT");
        history = new RandomHistory("FactProjectionRebuildIT", commands, jdbc);
        history.write(seed, EVENTS);
        System.out.println("FactProjectionRebuildIT " + history.plans().size() + " plans");
        printFactKinds();

        rebuildAndCompare(FOLLOW_UP, "activity_followup_fact", history.writer(seed + 1, "b"),
                this::followUpReports, 1000, Writer::adoptPlanWithAManualGoal);
        rebuildAndCompare(GOAL_REPORT, "goal_report_fact", history.writer(seed + 2, "c"),
                this::goalReports, 1000, Writer::adoptPlanWithAManualGoal);
        // event participations are a few percent of the random history
        rebuildAndCompare(PARTICIPATION, "participation_fact", history.writer(seed + 3, "d"),
                this::participationReports, 100, Writer::registerEnterpriseTakingPartInAnEvent);
    }

    /**
     * Rebuilds the group into its next generation while the writer keeps recording, compares the two generations'
     * rows and reports, switches, and checks that the reports stay the same and the old rows go.
     */
    private void rebuildAndCompare(String group, String table, Writer writer,
                                   Function<Integer, Map<String, Object>> reports, int minimumFacts,
                                   Predicate<Writer> recordsAFact) throws Exception {
        awaitLiveCaughtUp(jdbc, positions, group);
        RebuildStatus idle = rebuilds.status(group);
        int active = idle.activeGeneration();
        int next = active + 1;
        assertThat(idle.rebuildingGeneration()).isNull();

        // a steady trickle, as in service: the rebuild must catch up with a moving head, not outrun a flood
        Background background = writer.inBackground();

        long rebuildStart = System.nanoTime();
        String admin = "/api/admin/projections/" + group;
        assertStatus(post(COORDINATOR, admin + "/rebuilds?switchWhenCaughtUp=false", ""), HttpStatus.ACCEPTED);
        assertStatus(post(COORDINATOR, admin + "/rebuilds", ""), HttpStatus.CONFLICT);
        assertThat(get(AUDITOR, admin).getBody()).containsEntry("activeGeneration", active)
                .containsEntry("rebuildingGeneration", next)
                .containsKeys("position", "head", "percent", "eventsPerSecond", "timeLeft");

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            RebuildStatus status = rebuilds.status(group);
            System.out.printf("FactProjectionRebuildIT %s: %.1f %% (position %s of %d), %s events/s, time left %s%n",
                    group, status.percent(), status.position(), status.head(), status.eventsPerSecond(),
                    status.timeLeft());
            return status.caughtUp();
        });
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        long head = rebuilds.status(group).head();
        System.out.printf("FactProjectionRebuildIT rebuilt %s generation %d up to position %d in %.1f s: %.0f "
                + "events/s, while %d commands were recorded%n", group, next, head, rebuildSeconds,
                head / rebuildSeconds, background.written());
        assertThat(background.written()).as("events kept arriving during the rebuild").isPositive();

        background.stop();
        awaitLiveCaughtUp(jdbc, positions, group);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            RebuildStatus status = rebuilds.status(group);
            return status.position() != null && status.position() >= status.head();
        });
        assertThat(get(AUDITOR, admin).getBody()).containsEntry("rebuildingGeneration", next)
                .containsEntry("caughtUp", true).containsEntry("percent", 100.0);

        List<Map<String, Object>> incremental = rows(table, active);
        assertThat(incremental).as(table + " has facts").hasSizeGreaterThan(minimumFacts);
        List<Map<String, Object>> rebuilt = rows(table, next);
        // the rows one generation holds and the other does not, named first (a list of thousands is cut short)
        java.util.Set<Map<String, Object>> incrementalRows = new java.util.HashSet<>(incremental);
        java.util.Set<Map<String, Object>> rebuiltRows = new java.util.HashSet<>(rebuilt);
        assertThat(rebuilt.stream().filter(row -> !incrementalRows.contains(row)).toList())
                .as(table + ": rows only generation " + next + " holds").isEmpty();
        assertThat(incremental.stream().filter(row -> !rebuiltRows.contains(row)).toList())
                .as(table + ": rows only generation " + active + " holds").isEmpty();
        assertThat(rebuilt).as(table + ", generation " + next + " against " + active).isEqualTo(incremental);
        Map<String, Object> activeReports = reports.apply(active);
        assertThat(reports.apply(next)).as(group + " reports, generation " + next + " against " + active)
                .isEqualTo(activeReports);
        String firstPlan = history.plans().get(0).value();
        assertThat(get(AUDITOR, "/api/plans/" + firstPlan + "/reports/yearly-goals?year=2024&generation="
                + (next + 1)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(AUDITOR, "/api/plans/" + firstPlan + "/reports/activity-follow-up?generation="
                + (next + 1)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        long switchStart = System.nanoTime();
        assertStatus(post(COORDINATOR, admin + "/switch", ""), HttpStatus.OK);
        assertThat(rebuilds.status(group).activeGeneration()).isEqualTo(next);
        assertThat(reports.apply(null)).as(group + " reports after the switch").isEqualTo(activeReports);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !rebuilds.runsLocally(group)
                && count(table, active) == 0);
        System.out.printf("FactProjectionRebuildIT switched %s to generation %d; old rows gone after %.1f s%n",
                group, next, (System.nanoTime() - switchStart) / 1e9);
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                ProjectionGenerations.rebuildProcessor(group, next))).isZero();
        assertThat(count(table, next)).isEqualTo(incremental.size());

        // the live processor now writes the new generation
        long facts = count(table, next);
        Writer after = history.writer(seedOf(group), "after-" + group);
        assertThat(recordsAFact.test(after)).as("a fact recorded after the switch").isTrue();
        awaitLiveCaughtUp(jdbc, positions, group);
        assertThat(count(table, next)).isGreaterThan(facts);
        assertThat(jdbc.queryForObject("select count(*) from " + table + " where generation <> ?", Long.class, next))
                .isZero();
    }

    /** Every plan's follow-up, grouped by area and by lead party, keyed by its path; generation null: none asked. */
    private Map<String, Object> followUpReports(Integer generation) {
        Map<String, Object> reports = new LinkedHashMap<>();
        for (PlanId plan : history.plans()) {
            for (String groupBy : List.of("area", "lead")) {
                String path = "/api/plans/" + plan.value() + "/reports/activity-follow-up?groupBy=" + groupBy;
                reports.put(path, report(path, generation));
            }
        }
        return reports;
    }

    /** Every plan's yearly goal report for every year of its period, keyed by its path. */
    private Map<String, Object> goalReports(Integer generation) {
        Map<String, Object> reports = new LinkedHashMap<>();
        int goals = 0;
        Set<Object> measuredSomething = new HashSet<>();
        for (PlanId plan : history.plans()) {
            for (int year : YEARS) {
                String path = "/api/plans/" + plan.value() + "/reports/yearly-goals?year=" + year;
                Map<String, Object> report = report(path, generation);
                List<?> rows = (List<?>) report.get("rows");
                goals += rows.size();
                rows.stream().map(row -> (Map<?, ?>) row)
                        .filter(row -> row.get("outcome") instanceof Number outcome && outcome.doubleValue() > 0)
                        .forEach(row -> measuredSomething.add(row.get("measure")));
                reports.put(path, report);
            }
        }
        assertThat(goals).as("goal report rows").isPositive();
        // the history exercises the measures of issue 10 (reserved contracts are awarded and cancelled after it)
        assertThat(measuredSomething).as("measures with an outcome above zero").contains(
                "RESERVED_CONTRACTS_AWARDED", "RESERVED_PROCUREMENTS_ANNOUNCED", "INTEGRATIONSPAKTEN_ASF_MEMBERS");
        return reports;
    }

    /** The participation report over the whole random history, keyed by its path. */
    private Map<String, Object> participationReports(Integer generation) {
        String path = "/api/reports/participation?from=" + RandomHistory.FIRST_DAY + "&to="
                + RandomHistory.LAST_DAY;
        Map<String, Object> report = report(path, generation);
        assertThat((List<?>) report.get("rows")).as("participation report rows").isNotEmpty();
        return Map.of(path, report);
    }

    /** The report's JSON without what differs between two askings: when it was generated and the position. */
    private Map<String, Object> report(String path, Integer generation) {
        String url = generation == null ? path : path + "&generation=" + generation;
        var response = get(AUDITOR, url);
        assertThat(response.getStatusCode()).as(url + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = new HashMap<>(response.getBody());
        body.remove("generatedAt");
        body.remove("position");
        return body;
    }

    private List<Map<String, Object>> rows(String table, int generation) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from " + table
                + " where generation = ? order by event_id", generation)) {
            Map<String, Object> copy = new HashMap<>(row);
            copy.remove("generation");
            rows.add(copy);
        }
        return rows;
    }

    private void printFactKinds() {
        for (String table : List.of("activity_followup_fact", "goal_report_fact", "participation_fact")) {
            System.out.println("FactProjectionRebuildIT " + table + ": " + jdbc.queryForList(
                    "select fact, count(*) as n from " + table + " group by fact order by fact"));
        }
    }

    private static long seedOf(String group) {
        return group.hashCode();
    }

    private long count(String table, int generation) {
        return jdbc.queryForObject("select count(*) from " + table + " where generation = ?", Long.class, generation);
    }

    private static void assertStatus(org.springframework.http.ResponseEntity<Map<String, Object>> response,
                                     HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    }
}
