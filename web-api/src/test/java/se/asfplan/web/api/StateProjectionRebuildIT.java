package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.web.support.RandomHistory.awaitLiveCaughtUp;
import static se.asfplan.web.support.RandomHistory.head;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.projections.rebuild.RebuildStatus;
import se.asfplan.web.support.PostgresApiTest;
import se.asfplan.web.support.RandomHistory;
import se.asfplan.web.support.RandomHistory.Background;
import se.asfplan.web.support.RandomHistory.Kind;
import se.asfplan.web.support.RandomHistory.Writer;

/**
 * Every state projection (plan-view, enterprise-register, meetings, procurements) can be rebuilt into a new
 * generation while the active one keeps answering, and the rebuilt generation equals the incrementally built one.
 *
 * <p>A {@link RandomHistory} of more than 10,000 events about plans, activities and goals, enterprises, meetings and
 * procurements (seeded; the seed is printed) is recorded through the command gateway by several writers at once and
 * folded by the live processors. Then, group by group, a rebuild fills the next generation from the event store
 * while one of those writers keeps recording; once it has caught up (and the writer has stopped), both generations
 * hold exactly the same rows, the API answers the same before and after the switch, and the old generation's rows
 * are gone.
 *
 * <p>Last, all four are rebuilt at once and switched to automatically while the writer keeps recording, so that the
 * live processors hand over to the rebuilds' processors under load; a clean rebuild after that must equal what the
 * hand-over produced: not one event lost or applied out of order.
 */
class StateProjectionRebuildIT extends PostgresApiTest {

    private static final int EVENTS = 10_000;

    /**
     * Each group's tables, the key columns to order their rows by, a list the API answers from them, and the kind of
     * commands the group folds.
     */
    private record Group(String name, Map<String, String> tables, String list, String one, Kind kind) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("plan-view", tables(
                    "plan_view", "plan_id",
                    "plan_area_view", "plan_id, area_id",
                    "plan_activity_view", "plan_id, activity_id",
                    "plan_goal_view", "plan_id, goal_id",
                    "plan_goal_target_view", "plan_id, goal_id, event_sequence"),
                    "/api/plans", "/api/plans/", Kind.PLANS),
            new Group("enterprise-register", tables(
                    "enterprise_view", "enterprise_id",
                    "enterprise_fact_view", "enterprise_id, event_sequence"),
                    "/api/enterprises", "/api/enterprises/", Kind.ENTERPRISES),
            new Group("meetings", tables("meeting_view", "meeting_id"), "/api/meetings", "/api/meetings/",
                    Kind.MEETINGS),
            new Group("procurements", tables(
                    "procurement_view", "procurement_id",
                    "procurement_step_view", "procurement_id, event_sequence",
                    "procurement_tender_view", "procurement_id, event_sequence",
                    "procurement_evaluation_view", "procurement_id, event_sequence"),
                    "/api/procurements", "/api/procurements/", Kind.PROCUREMENTS));

    private static Map<String, String> tables(String... tableAndKey) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (int i = 0; i < tableAndKey.length; i += 2) {
            tables.put(tableAndKey[i], tableAndKey[i + 1]);
        }
        return tables;
    }

    @Autowired
    private CommandGateway commands;

    @Autowired
    private ProjectionRebuilds rebuilds;

    @Autowired
    private ProcessedPosition positions;

    @Test
    void rebuildsEveryStateProjectionIntoANewGenerationEqualToTheIncrementalOneWhileEventsKeepArriving()
            throws Exception {
        long seed = RandomHistory.seed("StateProjectionRebuildIT");
        // the first writer of the history goes on writing, about the plans, enterprises, meetings and procurements
        // it has recorded, while each group is rebuilt
        Writer writer = new RandomHistory("StateProjectionRebuildIT", commands, jdbc).write(seed, EVENTS).get(0);
        for (Group group : GROUPS) {
            awaitLiveCaughtUp(jdbc, positions, group.name());
            for (String table : group.tables().keySet()) {
                assertThat(count(table, rebuilds.status(group.name()).activeGeneration()))
                        .as(table + " has rows").isPositive();
            }
        }

        for (Group group : GROUPS) {
            rebuildAndCompare(group, writer);
        }

        switchUnderLoadThenCompareWithACleanRebuild(writer);
    }

    /** One group: rebuild while the writer records, compare the generations, switch, and see the old one go. */
    private void rebuildAndCompare(Group group, Writer writer) throws InterruptedException {
        String name = group.name();
        RebuildStatus idle = rebuilds.status(name);
        int active = idle.activeGeneration();
        int next = active + 1;
        assertThat(idle.rebuildingGeneration()).isNull();

        Background background = writer.inBackground();
        long rebuildStart = System.nanoTime();
        assertStatus(post(COORDINATOR, "/api/admin/projections/" + name + "/rebuilds?switchWhenCaughtUp=false", ""),
                HttpStatus.ACCEPTED);
        assertStatus(post(COORDINATOR, "/api/admin/projections/" + name + "/rebuilds", ""), HttpStatus.CONFLICT);
        assertThat(get(AUDITOR, "/api/admin/projections/" + name).getBody())
                .containsEntry("activeGeneration", active).containsEntry("rebuildingGeneration", next);
        // the active generation keeps answering while the new one fills
        assertThat(getList(AUDITOR, group.list()).getStatusCode()).isEqualTo(HttpStatus.OK);

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> rebuilds.status(name).caughtUp());
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        int during = background.stop();
        long head = head(jdbc);
        System.out.printf("StateProjectionRebuildIT rebuilt %s generation %d up to position %d in %.1f s: %.0f "
                + "events/s, while %d commands were recorded%n", name, next, head, rebuildSeconds,
                head / rebuildSeconds, during);
        assertThat(during).as("commands recorded during the rebuild of " + name).isPositive();

        awaitLiveCaughtUp(jdbc, positions, name);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            RebuildStatus status = rebuilds.status(name);
            return status.position() != null && status.position() >= head(jdbc);
        });
        assertSameRows(group, active, next);

        List<Map<String, Object>> listed = list(group.list());
        assertThat(listed).isNotEmpty();
        String someId = pick(group, active);
        Map<String, Object> one = one(group.one() + someId);

        assertStatus(post(COORDINATOR, "/api/admin/projections/" + name + "/switch", ""), HttpStatus.OK);
        assertThat(rebuilds.status(name).activeGeneration()).isEqualTo(next);
        assertThat(list(group.list())).isEqualTo(listed);
        assertThat(one(group.one() + someId)).isEqualTo(one);
        awaitOldGenerationGone(group, next);

        // the live processor now writes the new generation
        long afterSwitch = eventCount();
        for (int i = 0; i < 40; i++) {
            writer.step(group.kind());
        }
        assertThat(eventCount()).isGreaterThan(afterSwitch);
        awaitLiveCaughtUp(jdbc, positions, name);
        assertThat(list(group.list())).isNotEqualTo(listed);
    }

    /**
     * All four at once, switched to as soon as they have caught up, while the writer keeps recording: the live
     * processors write the new generations while the rebuilds' processors still fill them. A clean rebuild afterwards
     * must equal them.
     */
    private void switchUnderLoadThenCompareWithACleanRebuild(Writer writer) throws InterruptedException {
        Map<String, Integer> switchedTo = new HashMap<>();
        Background background = writer.inBackground();
        long start = System.nanoTime();
        for (Group group : GROUPS) {
            RebuildStatus started = rebuilds.start(group.name(), true);
            switchedTo.put(group.name(), started.rebuildingGeneration());
        }
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                GROUPS.stream().allMatch(group -> rebuilds.status(group.name()).activeGeneration()
                        == switchedTo.get(group.name())));
        System.out.printf("StateProjectionRebuildIT rebuilt and switched all four groups at once under load in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        // keep writing through the hand-over, until every rebuild's processor has stopped
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
                GROUPS.stream().noneMatch(group -> rebuilds.runsLocally(group.name())));
        int during = background.stop();
        System.out.printf("StateProjectionRebuildIT %d commands were recorded during the switches%n", during);
        assertThat(during).isPositive();
        for (Group group : GROUPS) {
            awaitLiveCaughtUp(jdbc, positions, group.name());
            awaitOldGenerationGone(group, switchedTo.get(group.name()));
        }

        long cleanStart = System.nanoTime();
        for (Group group : GROUPS) {
            rebuilds.start(group.name(), false);
        }
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                GROUPS.stream().allMatch(group -> {
                    RebuildStatus status = rebuilds.status(group.name());
                    return status.position() != null && status.position() >= head(jdbc);
                }));
        System.out.printf("StateProjectionRebuildIT rebuilt all four groups at once, no writer, in %.1f s%n",
                (System.nanoTime() - cleanStart) / 1e9);
        for (Group group : GROUPS) {
            int switched = switchedTo.get(group.name());
            assertSameRows(group, switched, switched + 1);
            assertStatus(post(COORDINATOR, "/api/admin/projections/" + group.name() + "/switch", ""),
                    HttpStatus.OK);
            awaitOldGenerationGone(group, switched + 1);
        }
    }

    private void assertSameRows(Group group, int active, int next) {
        for (Map.Entry<String, String> table : group.tables().entrySet()) {
            List<Map<String, Object>> incremental = rows(table.getKey(), table.getValue(), active);
            assertThat(incremental).as(table.getKey() + " has rows").isNotEmpty();
            List<Map<String, Object>> rebuilt = rows(table.getKey(), table.getValue(), next);
            assertThat(rebuilt).as(table.getKey() + ", generation " + next + " against " + active)
                    .hasSameSizeAs(incremental).isEqualTo(incremental);
            System.out.printf("StateProjectionRebuildIT %s: %d rows equal in generations %d and %d%n",
                    table.getKey(), rebuilt.size(), active, next);
        }
    }

    private void awaitOldGenerationGone(Group group, int active) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !rebuilds.runsLocally(group.name())
                && group.tables().keySet().stream().allMatch(table -> countOther(table, active) == 0));
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                ProjectionGenerations.rebuildProcessor(group.name(), active))).isZero();
    }

    private String pick(Group group, int generation) {
        String table = group.tables().keySet().iterator().next();
        String key = group.tables().get(table);
        return jdbc.queryForObject("select " + key + " from " + table + " where generation = ? order by " + key
                + " limit 1", String.class, generation);
    }

    private List<Map<String, Object>> rows(String table, String key, int generation) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from " + table + " where generation = ? order by "
                + key, generation)) {
            Map<String, Object> copy = new HashMap<>(row);
            copy.remove("generation");
            rows.add(copy);
        }
        return rows;
    }

    private long count(String table, int generation) {
        return jdbc.queryForObject("select count(*) from " + table + " where generation = ?", Long.class, generation);
    }

    private long countOther(String table, int generation) {
        return jdbc.queryForObject("select count(*) from " + table + " where generation <> ?", Long.class,
                generation);
    }

    private List<Map<String, Object>> list(String path) {
        ResponseEntity<List<Map<String, Object>>> response = getList(AUDITOR, path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> one(String path) {
        ResponseEntity<Map<String, Object>> response = get(AUDITOR, path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void assertStatus(ResponseEntity<Map<String, Object>> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    }
}
