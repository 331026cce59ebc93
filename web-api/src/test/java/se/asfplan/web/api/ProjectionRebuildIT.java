package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.web.support.RandomHistory.awaitLiveCaughtUp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.projections.rebuild.RebuildStatus;
import se.asfplan.web.support.PostgresApiTest;
import se.asfplan.web.support.RandomHistory;
import se.asfplan.web.support.RandomHistory.Background;
import se.asfplan.web.support.RandomHistory.Kind;

/**
 * A rebuilt statistics generation equals the incrementally built one: a {@link RandomHistory} of more than 10,000
 * events about enterprises and procurements (seeded; the seed is printed) is recorded through the command gateway by
 * several writers at once, the live processor folds it into the active generation, a rebuild fills the next
 * generation from the event store while a background writer keeps recording, and then both generations hold exactly
 * the same rows and give the same reports. After the switch the reports are unchanged and the old generation's rows
 * are gone.
 */
class ProjectionRebuildIT extends PostgresApiTest {

    private static final String STATISTICS = "statistics";
    private static final int EVENTS = 10_000;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private ProjectionRebuilds rebuilds;

    @Autowired
    private ProcessedPosition positions;

    @Test
    void rebuildsIntoANewGenerationEqualToTheIncrementalOneWhileEventsKeepArriving() throws Exception {
        long seed = RandomHistory.seed("ProjectionRebuildIT");
        RandomHistory history = new RandomHistory("ProjectionRebuildIT", commands, jdbc, Kind.ENTERPRISES,
                Kind.PROCUREMENTS);
        history.write(seed, EVENTS);
        awaitLiveCaughtUp(jdbc, positions, STATISTICS);

        RebuildStatus idle = rebuilds.status(STATISTICS);
        int active = idle.activeGeneration();
        int next = active + 1;
        assertThat(idle.rebuildingGeneration()).isNull();

        // a steady trickle, as in service: the rebuild must catch up with a moving head, not outrun a flood
        Background background = history.writer(seed + 1, "b").inBackground();

        long rebuildStart = System.nanoTime();
        assertStatus(post(COORDINATOR, "/api/admin/projections/statistics/rebuilds?switchWhenCaughtUp=false", ""),
                HttpStatus.ACCEPTED);
        assertStatus(post(COORDINATOR, "/api/admin/projections/statistics/rebuilds", ""), HttpStatus.CONFLICT);
        Map<String, Object> progress = get(AUDITOR, "/api/admin/projections/statistics").getBody();
        assertThat(progress).containsEntry("activeGeneration", active).containsEntry("rebuildingGeneration", next)
                .containsKeys("position", "head", "percent", "eventsPerSecond", "timeLeft");

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            RebuildStatus status = rebuilds.status(STATISTICS);
            System.out.printf("ProjectionRebuildIT rebuild: %.1f %% (position %s of %d), %s events/s, time left %s%n",
                    status.percent(), status.position(), status.head(), status.eventsPerSecond(), status.timeLeft());
            return status.caughtUp();
        });
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        long head = rebuilds.status(STATISTICS).head();
        System.out.printf("ProjectionRebuildIT rebuilt generation %d up to position %d in %.1f s: %.0f events/s, "
                + "while %d commands were recorded%n", next, head, rebuildSeconds, head / rebuildSeconds,
                background.written());
        assertThat(background.written()).as("events kept arriving during the rebuild").isPositive();

        background.stop();
        awaitLiveCaughtUp(jdbc, positions, STATISTICS);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            RebuildStatus status = rebuilds.status(STATISTICS);
            return status.position() != null && status.position() >= status.head();
        });
        assertThat(get(AUDITOR, "/api/admin/projections/statistics").getBody())
                .containsEntry("rebuildingGeneration", next).containsEntry("caughtUp", true)
                .containsEntry("percent", 100.0).containsEntry("timeLeft", "PT0S");

        for (String table : List.of("statistics_enterprise_fact", "statistics_procurement_fact")) {
            List<Map<String, Object>> incremental = rows(table, active);
            assertThat(incremental).as(table + " has facts").isNotEmpty();
            assertThat(rows(table, next)).as(table + ", generation " + next + " against " + active)
                    .isEqualTo(incremental);
        }
        String register = "/api/reports/register?to=2025-12-31";
        String procurement = "/api/reports/procurement";
        List<?> registerRows = reportRows(register + "&generation=" + active);
        List<?> procurementRows = reportRows(procurement + "?generation=" + active);
        assertThat(registerRows).isNotEmpty().isEqualTo(reportRows(register + "&generation=" + next));
        assertThat(procurementRows).isNotEmpty().isEqualTo(reportRows(procurement + "?generation=" + next));
        assertThat(get(AUDITOR, procurement + "?generation=" + (next + 1)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        assertStatus(post(COORDINATOR, "/api/admin/projections/statistics/switch", ""), HttpStatus.OK);
        assertThat(rebuilds.status(STATISTICS).activeGeneration()).isEqualTo(next);
        assertThat(reportRows(register)).isEqualTo(registerRows);
        assertThat(reportRows(procurement)).isEqualTo(procurementRows);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !rebuilds.runsLocally(STATISTICS)
                && count("statistics_enterprise_fact", active) == 0 && count("statistics_procurement_fact", active) == 0);
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                ProjectionGenerations.rebuildProcessor(STATISTICS, next))).isZero();

        // the live processor now writes the new generation
        long afterSwitch = eventCount();
        history.writer(seed + 2, "c").registerEnterprise();
        assertThat(eventCount()).isGreaterThan(afterSwitch);
        awaitLiveCaughtUp(jdbc, positions, STATISTICS);
        assertThat(jdbc.queryForObject("select max(global_index) from statistics_enterprise_fact where generation = ?",
                Long.class, next)).isEqualTo(jdbc.queryForObject("select max(global_index) from domain_event_entry "
                + "where payload_type like '%SocialEnterpriseRegisteredEvent'", Long.class));
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

    private long count(String table, int generation) {
        return jdbc.queryForObject("select count(*) from " + table + " where generation = ?", Long.class, generation);
    }

    private List<?> reportRows(String path) {
        var response = get(AUDITOR, path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return (List<?>) response.getBody().get("rows");
    }

    private static void assertStatus(org.springframework.http.ResponseEntity<Map<String, Object>> response,
                                     HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    }
}
