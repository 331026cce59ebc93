package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.web.support.RandomHistory.awaitLiveCaughtUp;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import se.asfplan.domain.enterprise.DefinitionCriteria;
import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeIntegrationspaktenLevelCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeSocialEnterpriseDetailsCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.LeaveIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RegisterSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.CpvCode;
import se.asfplan.domain.procurement.Procedure;
import se.asfplan.domain.procurement.ProcurementCommands.CancelProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.DecideNotToDivideCommand;
import se.asfplan.domain.procurement.ProcurementCommands.PlanProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.ProcurementDetails;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.infra.axon.RecordingMetadata;
import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.projections.rebuild.RebuildStatus;
import se.asfplan.web.support.PostgresApiTest;
import se.asfplan.web.support.RandomHistory;

/**
 * A rebuilt statistics generation equals the incrementally built one: a random history of more than 10,000 events
 * (seeded; the seed is printed) is recorded through the command gateway, the live processor folds it into the active
 * generation, a rebuild fills the next generation from the event store while a background writer keeps recording,
 * and then both generations hold exactly the same rows and give the same reports. After the switch the reports are
 * unchanged and the old generation's rows are gone.
 */
class ProjectionRebuildIT extends PostgresApiTest {

    private static final String STATISTICS = "statistics";
    private static final int EVENTS = 10_000;
    private static final List<IntegrationspaktenLevel> LEVELS = List.of(new IntegrationspaktenLevel("member"),
            new IntegrationspaktenLevel("plusmedlem"));

    @Autowired
    private CommandGateway commands;

    @Autowired
    private ProjectionRebuilds rebuilds;

    @Autowired
    private ProcessedPosition positions;

    private final String run = Long.toString(System.nanoTime(), 36);
    private final MetaData recording = RecordingMetadata.of("rebuild-test", "test", null);

    /** What the writer knows of an enterprise, so that every command it sends is one the rules accept. */
    private static final class Enterprise {
        final EnterpriseId id;
        LocalDate on = LocalDate.of(2023, 1, 2);
        boolean invited;
        boolean member;
        boolean left;
        int level;
        int changes;

        Enterprise(EnterpriseId id) {
            this.id = id;
        }
    }

    @Test
    void rebuildsIntoANewGenerationEqualToTheIncrementalOneWhileEventsKeepArriving() throws Exception {
        long seed = Long.getLong("rebuild.seed", System.nanoTime());
        System.out.println("ProjectionRebuildIT seed: " + seed + " (rerun with -Drebuild.seed=" + seed + ")");
        Random random = new Random(seed);
        long before = eventCount();
        long writeStart = System.nanoTime();
        Writer writer = new Writer(random, "a");
        while (eventCount() - before < EVENTS) {
            writer.step();
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long written = eventCount() - before;
        System.out.printf("ProjectionRebuildIT recorded %d events (%d commands refused) in %.1f s: %.0f events/s%n",
                written, writer.refused(), writeSeconds, written / writeSeconds);
        awaitLiveCaughtUp(jdbc, positions, STATISTICS);

        RebuildStatus idle = rebuilds.status(STATISTICS);
        int active = idle.activeGeneration();
        int next = active + 1;
        assertThat(idle.rebuildingGeneration()).isNull();

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writtenDuringRebuild = new AtomicInteger();
        Writer background = new Writer(new Random(seed + 1), "b");
        Thread writerThread = new Thread(() -> {
            // a steady trickle, as in service: the rebuild must catch up with a moving head, not outrun a flood
            while (writing.get()) {
                background.step();
                writtenDuringRebuild.incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "background-writer");
        writerThread.start();

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
                writtenDuringRebuild.get());
        assertThat(writtenDuringRebuild.get()).as("events kept arriving during the rebuild").isPositive();

        writing.set(false);
        writerThread.join(30_000);
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
        new Writer(new Random(seed + 2), "c").registerOne();
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

    /** Sends random commands the rules accept: mostly about enterprises, some about procurements. */
    private final class Writer extends RandomHistory {

        private final List<Enterprise> enterprises = new ArrayList<>();
        private int procurements;

        Writer(Random random, String prefix) {
            super(commands, recording, "ProjectionRebuildIT", random, prefix);
        }

        void step() {
            int dice = random.nextInt(100);
            if (enterprises.size() < 300 && (enterprises.isEmpty() || dice < 5)) {
                registerOne();
            } else if (dice < 15) {
                procurement();
            } else {
                enterpriseFact(enterprises.get(random.nextInt(enterprises.size())));
            }
        }

        void registerOne() {
            Enterprise enterprise = new Enterprise(new EnterpriseId("rb-" + run + "-" + prefix + enterprises.size()));
            if (send(new RegisterSocialEnterpriseCommand(enterprise.id, null, details(enterprise), enterprise.on,
                    null))) {
                enterprises.add(enterprise);
            }
        }

        private EnterpriseDetails details(Enterprise enterprise) {
            return new EnterpriseDetails("Företag " + enterprise.id.value() + " " + enterprise.changes,
                    LegalForm.ENSKILD_FIRMA, List.of("café"), "Stockholm",
                    List.of("Rinkeby", "Farsta", "Skärholmen").get(random.nextInt(3)), DefinitionCriteria.allMet(),
                    List.of());
        }

        private void enterpriseFact(Enterprise enterprise) {
            enterprise.on = enterprise.on.plusDays(random.nextInt(3));
            LocalDate on = enterprise.on;
            int dice = random.nextInt(10);
            if (!enterprise.left && !enterprise.invited && dice < 3) {
                enterprise.invited = send(new InviteToIntegrationspaktenCommand(enterprise.id, on, null));
            } else if (!enterprise.left && enterprise.invited && !enterprise.member && dice < 5) {
                enterprise.level = random.nextInt(LEVELS.size());
                enterprise.member = send(new JoinIntegrationspaktenCommand(enterprise.id, LEVELS.get(enterprise.level),
                        on, null));
            } else if (enterprise.member && dice < 4) {
                int level = 1 - enterprise.level;
                if (send(new ChangeIntegrationspaktenLevelCommand(enterprise.id, LEVELS.get(level), on, null))) {
                    enterprise.level = level;
                }
            } else if (enterprise.member && dice == 4) {
                if (send(new LeaveIntegrationspaktenCommand(enterprise.id, on, null))) {
                    enterprise.member = false;
                    enterprise.left = true;
                }
            } else {
                enterprise.changes++;
                send(new ChangeSocialEnterpriseDetailsCommand(enterprise.id, details(enterprise), on, null));
            }
        }

        private void procurement() {
            ProcurementId id = new ProcurementId("rbp-" + run + "-" + prefix + procurements++);
            LocalDate on = LocalDate.of(2023, 1, 2).plusDays(random.nextInt(700));
            ContractingAuthority authority = new ContractingAuthority("Nämnd " + random.nextInt(4));
            if (send(new PlanProcurementCommand(id, new ProcurementDetails(authority, "Städning",
                    List.of(new CpvCode("80511000-9")), Procedure.ORDINARY, false), on, null))) {
                send(new DecideNotToDivideCommand(id, "en enda leverans", on.plusDays(3), null));
                if (random.nextBoolean()) {
                    send(new CancelProcurementCommand(id, "inga anbud", on.plusDays(20), null));
                }
            }
        }
    }
}
