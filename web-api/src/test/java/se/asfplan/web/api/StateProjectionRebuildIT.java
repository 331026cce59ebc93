package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.web.support.RandomHistory.awaitLiveCaughtUp;
import static se.asfplan.web.support.RandomHistory.head;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.http.ResponseEntity;

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
import se.asfplan.domain.meeting.MeetingCommands.CorrectMeetingParticipantsCommand;
import se.asfplan.domain.meeting.MeetingCommands.RecordMeetingCommand;
import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.domain.meeting.MeetingKind;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.AddActivityCommand;
import se.asfplan.domain.plan.PlanCommands.AddAreaCommand;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.AreaDraft;
import se.asfplan.domain.plan.PlanCommands.CancelActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ChangeActivityResponsibilityCommand;
import se.asfplan.domain.plan.PlanCommands.CompleteActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ReportActivityProgressCommand;
import se.asfplan.domain.plan.PlanCommands.RescheduleActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ReviseGoalCommand;
import se.asfplan.domain.plan.PlanCommands.RevisePlanCommand;
import se.asfplan.domain.plan.PlanCommands.SetGoalCommand;
import se.asfplan.domain.plan.PlanCommands.StartActivityCommand;
import se.asfplan.domain.plan.PlanCommands.WithdrawGoalCommand;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.domain.procurement.BidsMayCover;
import se.asfplan.domain.procurement.ContractPeriod;
import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.CpvCode;
import se.asfplan.domain.procurement.Procedure;
import se.asfplan.domain.procurement.ProcurementCommands.AnnounceProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.AwardContractCommand;
import se.asfplan.domain.procurement.ProcurementCommands.CancelProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.CompleteProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.DecideNotToDivideCommand;
import se.asfplan.domain.procurement.ProcurementCommands.DivideIntoLotsCommand;
import se.asfplan.domain.procurement.ProcurementCommands.EvaluateProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.PlanProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.ProcurementDetails;
import se.asfplan.domain.procurement.ProcurementCommands.ReceiveTenderCommand;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.domain.procurement.Supplier;
import se.asfplan.infra.axon.RecordingMetadata;
import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.projections.rebuild.RebuildStatus;
import se.asfplan.web.support.PostgresApiTest;
import se.asfplan.web.support.RandomHistory;

/**
 * Every state projection (plan-view, enterprise-register, meetings, procurements) can be rebuilt into a new
 * generation while the active one keeps answering, and the rebuilt generation equals the incrementally built one.
 *
 * <p>A random history of more than 10,000 events about plans, activities and goals, enterprises, meetings and
 * procurements (seeded; the seed is printed) is recorded through the command gateway and folded by the live
 * processors. Then, group by group, a rebuild fills the next generation from the event store while a background
 * writer keeps recording; once it has caught up (and the writer has stopped), both generations hold exactly the same
 * rows, the API answers the same before and after the switch, and the old generation's rows are gone.
 *
 * <p>Last, all four are rebuilt at once and switched to automatically while the writer keeps recording, so that the
 * live processors hand over to the rebuilds' processors under load; a clean rebuild after that must equal what the
 * hand-over produced: not one event lost or applied out of order.
 */
class StateProjectionRebuildIT extends PostgresApiTest {

    private static final int EVENTS = 10_000;
    private static final List<IntegrationspaktenLevel> LEVELS = List.of(new IntegrationspaktenLevel("member"),
            new IntegrationspaktenLevel("plusmedlem"));
    private static final Supplier SUPPLIER = Supplier.of("556677-8899");

    /** Each group's tables, the key columns to order their rows by, and a list the API answers from them. */
    private record Group(String name, Map<String, String> tables, String list, String one) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("plan-view", tables(
                    "plan_view", "plan_id",
                    "plan_area_view", "plan_id, area_id",
                    "plan_activity_view", "plan_id, activity_id",
                    "plan_goal_view", "plan_id, goal_id",
                    "plan_goal_target_view", "plan_id, goal_id, event_sequence"),
                    "/api/plans", "/api/plans/"),
            new Group("enterprise-register", tables(
                    "enterprise_view", "enterprise_id",
                    "enterprise_fact_view", "enterprise_id, event_sequence"),
                    "/api/enterprises", "/api/enterprises/"),
            new Group("meetings", tables("meeting_view", "meeting_id"), "/api/meetings", "/api/meetings/"),
            new Group("procurements", tables(
                    "procurement_view", "procurement_id",
                    "procurement_step_view", "procurement_id, event_sequence",
                    "procurement_tender_view", "procurement_id, event_sequence",
                    "procurement_evaluation_view", "procurement_id, event_sequence"),
                    "/api/procurements", "/api/procurements/"));

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

    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final MetaData recording = RecordingMetadata.of("state-rebuild-test", "test", null);

    @Test
    void rebuildsEveryStateProjectionIntoANewGenerationEqualToTheIncrementalOneWhileEventsKeepArriving()
            throws Exception {
        long seed = Long.getLong("rebuild.seed", System.nanoTime());
        System.out.println("StateProjectionRebuildIT seed: " + seed + " (rerun with -Drebuild.seed=" + seed + ")");
        long before = eventCount();
        long writeStart = System.nanoTime();
        Writer writer = new Writer(new Random(seed), "a");
        while (eventCount() - before < EVENTS) {
            for (int i = 0; i < 50; i++) {
                writer.step();
            }
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long written = eventCount() - before;
        System.out.printf("StateProjectionRebuildIT recorded %d events (%d commands refused) in %.1f s: %.0f "
                + "events/s; %s%n", written, writer.refused(), writeSeconds, written / writeSeconds, writer.counts());
        for (Group group : GROUPS) {
            awaitLiveCaughtUp(jdbc, positions, group.name());
            for (String table : group.tables().keySet()) {
                assertThat(count(table, rebuilds.status(group.name()).activeGeneration()))
                        .as(table + " has rows").isPositive();
            }
        }

        for (Group group : GROUPS) {
            rebuildAndCompare(group, writer, seed);
        }

        switchUnderLoadThenCompareWithACleanRebuild(writer);
    }

    /** One group: rebuild while the writer records, compare the generations, switch, and see the old one go. */
    private void rebuildAndCompare(Group group, Writer writer, long seed) throws InterruptedException {
        String name = group.name();
        RebuildStatus idle = rebuilds.status(name);
        int active = idle.activeGeneration();
        int next = active + 1;
        assertThat(idle.rebuildingGeneration()).isNull();

        Background background = new Background(writer);
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
            writer.step(name);
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
        Background background = new Background(writer);
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

    /** Records a steady trickle of commands, as in service, until stopped. */
    private static final class Background {

        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final AtomicInteger written = new AtomicInteger();
        private final Thread thread;

        Background(Writer writer) {
            thread = new Thread(() -> {
                while (writing.get()) {
                    writer.step();
                    written.incrementAndGet();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "background-writer");
            thread.start();
        }

        int stop() throws InterruptedException {
            writing.set(false);
            thread.join(30_000);
            return written.get();
        }
    }

    // ------------------------------------------------------------------------------------------------ the writer

    private static final class PlanState {
        final PlanId id;
        LocalDate on = LocalDate.of(2023, 1, 2);
        final List<AreaId> areas = new ArrayList<>();
        final List<ActivityState> activities = new ArrayList<>();
        final List<GoalState> goals = new ArrayList<>();
        int revisions;

        PlanState(PlanId id) {
            this.id = id;
        }
    }

    private static final class ActivityState {
        final ActivityId id;
        boolean started;
        boolean closed;
        int from = 2023;
        int to = 2025;
        int leads;

        ActivityState(ActivityId id) {
            this.id = id;
        }
    }

    private static final class GoalState {
        final GoalId id;
        long target = 3;
        boolean withdrawn;

        GoalState(GoalId id) {
            this.id = id;
        }
    }

    private static final class EnterpriseState {
        final EnterpriseId id;
        LocalDate on = LocalDate.of(2023, 1, 2);
        boolean invited;
        boolean member;
        boolean left;
        int level;
        int changes;

        EnterpriseState(EnterpriseId id) {
            this.id = id;
        }
    }

    private static final class MeetingState {
        final MeetingId id;
        final LocalDate on;
        List<EnterpriseId> participants;

        MeetingState(MeetingId id, LocalDate on, List<EnterpriseId> participants) {
            this.id = id;
            this.on = on;
            this.participants = participants;
        }
    }

    private static final class ProcurementState {
        final ProcurementId id;
        LocalDate on;
        int stage;

        ProcurementState(ProcurementId id, LocalDate on) {
            this.id = id;
            this.on = on;
        }
    }

    /** Sends random commands the rules accept, about every kind of aggregate the state projections fold. */
    private final class Writer extends RandomHistory {

        private final List<PlanState> plans = new ArrayList<>();
        private final List<EnterpriseState> enterprises = new ArrayList<>();
        private final List<MeetingState> meetings = new ArrayList<>();
        private final List<ProcurementState> procurements = new ArrayList<>();
        private int procurementCount;
        private int meetingCount;

        Writer(Random random, String prefix) {
            super(commands, recording, "StateProjectionRebuildIT", random, prefix);
        }

        String counts() {
            return plans.size() + " plans, " + enterprises.size() + " enterprises, " + meetings.size()
                    + " meetings, " + procurementCount + " procurements";
        }

        synchronized void step() {
            int dice = random.nextInt(100);
            if (dice < 30) {
                step("plan-view");
            } else if (dice < 60) {
                step("enterprise-register");
            } else if (dice < 75) {
                step("meetings");
            } else {
                step("procurements");
            }
        }

        /** One command that the given group folds. */
        synchronized void step(String group) {
            switch (group) {
                case "plan-view" -> plan();
                case "enterprise-register" -> enterprise();
                case "meetings" -> meeting();
                default -> procurement();
            }
        }

        // -------------------------------------------------------------------------------------------- plans

        private void plan() {
            if (plans.size() < 20 && (plans.isEmpty() || random.nextInt(40) == 0)) {
                adopt();
                return;
            }
            PlanState plan = plans.get(random.nextInt(plans.size()));
            plan.on = plan.on.plusDays(random.nextInt(2));
            LocalDate on = plan.on;
            int dice = random.nextInt(100);
            List<ActivityState> open = plan.activities.stream().filter(a -> !a.closed).toList();
            List<GoalState> live = plan.goals.stream().filter(g -> !g.withdrawn).toList();
            if (dice < 3 && plan.areas.size() < 6) {
                AreaId area = new AreaId("area-" + plan.areas.size());
                if (send(new AddAreaCommand(plan.id, area, "Område " + plan.areas.size(), null, on))) {
                    plan.areas.add(area);
                }
            } else if (dice < 15 || open.isEmpty()) {
                ActivityId activity = new ActivityId("act-" + plan.activities.size());
                if (send(new AddActivityCommand(plan.id, activity, plan.areas.get(random.nextInt(plan.areas.size())),
                        ActivityKind.values()[random.nextInt(ActivityKind.values().length)], "Aktivitet "
                        + activity.value(), random.nextBoolean() ? null : "beskrivning",
                        Responsibility.of("Förvaltning 0", "Part A"), Timeline.years(2023, 2025), on))) {
                    plan.activities.add(new ActivityState(activity));
                }
            } else if (dice < 25 && plan.goals.size() < 40) {
                GoalId goal = new GoalId("goal-" + plan.goals.size());
                ActivityId about = open.isEmpty() || random.nextBoolean() ? null
                        : open.get(random.nextInt(open.size())).id;
                if (send(new SetGoalCommand(plan.id, goal, 2024 + random.nextInt(4), GoalKind.MANUAL,
                        "Indikator " + goal.value(), Target.atLeast(3, "st"), about, Decision.by("Nämnden"), on,
                        null))) {
                    plan.goals.add(new GoalState(goal));
                }
            } else if (dice < 32 && !live.isEmpty()) {
                GoalState goal = live.get(random.nextInt(live.size()));
                goal.target++;
                send(new ReviseGoalCommand(plan.id, goal.id, Target.atLeast(goal.target, "st"), "höjt mål",
                        Decision.by("Nämnden"), on));
            } else if (dice < 34 && !live.isEmpty()) {
                GoalState goal = live.get(random.nextInt(live.size()));
                goal.withdrawn = send(new WithdrawGoalCommand(plan.id, goal.id, "inaktuellt", Decision.by("Nämnden"),
                        on));
            } else if (dice < 36) {
                plan.revisions++;
                send(new RevisePlanCommand(plan.id, "Plan " + plan.id.value() + " rev " + plan.revisions,
                        PlanPeriod.of(2023, 2030), Decision.by("Kommunfullmäktige"), "ny titel", on));
            } else {
                activity(plan, open.get(random.nextInt(open.size())), on);
            }
        }

        private void adopt() {
            PlanState plan = new PlanState(new PlanId("sp-" + run + "-" + prefix + "-p" + plans.size()));
            AreaId first = new AreaId("area-0");
            ActivityId firstActivity = new ActivityId("act-0");
            if (send(new AdoptPlanCommand(plan.id, "Plan " + plan.id.value(), "Stockholm",
                    Decision.by("Kommunfullmäktige"), plan.on, PlanPeriod.of(2023, 2030),
                    List.of(new AreaDraft(first, "Område 0", null, List.of(new ActivityDraft(firstActivity,
                            ActivityKind.ACTIVITY, "Aktivitet 0", null, Responsibility.of("Förvaltning 0"),
                            Timeline.years(2023, 2025))))), List.of()))) {
                plan.areas.add(first);
                plan.activities.add(new ActivityState(firstActivity));
                plans.add(plan);
            }
        }

        private void activity(PlanState plan, ActivityState activity, LocalDate on) {
            int dice = random.nextInt(10);
            if (!activity.started && dice < 4) {
                activity.started = send(new StartActivityCommand(plan.id, activity.id, on));
            } else if (activity.started && dice < 5) {
                activity.closed = random.nextBoolean()
                        ? send(new CompleteActivityCommand(plan.id, activity.id, "klart", on))
                        : send(new CancelActivityCommand(plan.id, activity.id, "avbrutet", on));
            } else if (dice < 6) {
                activity.to = activity.to == 2025 ? 2026 : 2025;
                send(new RescheduleActivityCommand(plan.id, activity.id, Timeline.years(activity.from, activity.to),
                        "ny tidplan", on));
            } else if (dice < 7) {
                activity.leads++;
                send(new ChangeActivityResponsibilityCommand(plan.id, activity.id,
                        Responsibility.of("Förvaltning " + activity.leads, "Part B"), "ny ansvarig", on));
            } else if (activity.started) {
                send(new ReportActivityProgressCommand(plan.id, activity.id, "lägesrapport " + random.nextInt(1000),
                        on));
            } else {
                activity.started = send(new StartActivityCommand(plan.id, activity.id, on));
            }
        }

        // -------------------------------------------------------------------------------------------- enterprises

        private void enterprise() {
            if (enterprises.size() < 300 && (enterprises.isEmpty() || random.nextInt(12) == 0)) {
                EnterpriseState enterprise = new EnterpriseState(new EnterpriseId("sp-" + run + "-" + prefix + "-e"
                        + enterprises.size()));
                if (send(new RegisterSocialEnterpriseCommand(enterprise.id, null, details(enterprise),
                        enterprise.on, null))) {
                    enterprises.add(enterprise);
                }
                return;
            }
            EnterpriseState enterprise = enterprises.get(random.nextInt(enterprises.size()));
            enterprise.on = enterprise.on.plusDays(random.nextInt(3));
            LocalDate on = enterprise.on;
            int dice = random.nextInt(10);
            if (!enterprise.left && !enterprise.invited && dice < 3) {
                enterprise.invited = send(new InviteToIntegrationspaktenCommand(enterprise.id, on, null));
            } else if (!enterprise.left && enterprise.invited && !enterprise.member && dice < 5) {
                enterprise.level = random.nextInt(LEVELS.size());
                enterprise.member = send(new JoinIntegrationspaktenCommand(enterprise.id,
                        LEVELS.get(enterprise.level), on, null));
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

        private EnterpriseDetails details(EnterpriseState enterprise) {
            return new EnterpriseDetails("Företag " + enterprise.id.value() + " " + enterprise.changes,
                    LegalForm.ENSKILD_FIRMA, List.of("café"), "Stockholm",
                    List.of("Rinkeby", "Farsta", "Skärholmen").get(random.nextInt(3)), DefinitionCriteria.allMet(),
                    List.of());
        }

        // -------------------------------------------------------------------------------------------- meetings

        private void meeting() {
            if (enterprises.size() < 3) {
                enterprise();
                return;
            }
            if (meetings.isEmpty() || random.nextInt(3) > 0) {
                MeetingId id = new MeetingId("sp-" + run + "-" + prefix + "-m" + meetingCount++);
                LocalDate on = LocalDate.of(2025, 1, 2).plusDays(random.nextInt(300));
                List<EnterpriseId> participants = participants();
                PlanActivityReference carriesOut = null;
                if (!plans.isEmpty() && random.nextBoolean()) {
                    PlanState plan = plans.get(random.nextInt(plans.size()));
                    carriesOut = new PlanActivityReference(plan.id,
                            plan.activities.get(random.nextInt(plan.activities.size())).id);
                }
                if (send(new RecordMeetingCommand(id, MeetingKind.values()[random.nextInt(MeetingKind.values().length)],
                        "Möte " + id.value(), "Samordnaren", participants, on, carriesOut))) {
                    meetings.add(new MeetingState(id, on, participants));
                }
            } else {
                MeetingState meeting = meetings.get(random.nextInt(meetings.size()));
                List<EnterpriseId> participants = participants();
                if (!participants.equals(meeting.participants) && send(new CorrectMeetingParticipantsCommand(
                        meeting.id, participants, "fel i listan", meeting.on.plusDays(random.nextInt(5))))) {
                    meeting.participants = participants;
                }
            }
        }

        private List<EnterpriseId> participants() {
            List<EnterpriseId> participants = new ArrayList<>();
            int wanted = 1 + random.nextInt(4);
            for (int i = 0; i < wanted; i++) {
                EnterpriseId id = enterprises.get(random.nextInt(enterprises.size())).id;
                if (!participants.contains(id)) {
                    participants.add(id);
                }
            }
            return participants;
        }

        // -------------------------------------------------------------------------------------------- procurements

        private void procurement() {
            List<ProcurementState> open = procurements.stream().filter(p -> p.stage < 6).toList();
            if (open.isEmpty() || random.nextInt(4) == 0) {
                ProcurementState procurement = new ProcurementState(new ProcurementId("sp-" + run + "-" + prefix
                        + "-q" + procurementCount++), LocalDate.of(2023, 1, 2).plusDays(random.nextInt(700)));
                ProcurementDetails details = new ProcurementDetails(new ContractingAuthority("Nämnd "
                        + random.nextInt(4)), "Städning", List.of(new CpvCode("80511000-9")), Procedure.ORDINARY,
                        false);
                boolean planned = random.nextBoolean();
                if (planned ? send(new PlanProcurementCommand(procurement.id, details, procurement.on, null))
                        : send(new AnnounceProcurementCommand(procurement.id, details, procurement.on, null))) {
                    procurement.stage = planned ? 0 : 1;
                    procurements.add(procurement);
                }
                return;
            }
            ProcurementState procurement = open.get(random.nextInt(open.size()));
            procurement.on = procurement.on.plusDays(1 + random.nextInt(5));
            LocalDate on = procurement.on;
            if (procurement.stage < 5 && random.nextInt(15) == 0) {
                if (send(new CancelProcurementCommand(procurement.id, "inga anbud", on, null))) {
                    procurement.stage = 6;
                }
                return;
            }
            boolean done = switch (procurement.stage) {
                case 0 -> send(new AnnounceProcurementCommand(procurement.id, null, on, null));
                case 1 -> random.nextBoolean()
                        ? send(new DivideIntoLotsCommand(procurement.id, 2 + random.nextInt(3),
                                BidsMayCover.values()[random.nextInt(BidsMayCover.values().length)], on, null))
                        : send(new DecideNotToDivideCommand(procurement.id, "en enda leverans", on, null));
                case 2 -> send(new ReceiveTenderCommand(procurement.id, random.nextBoolean() ? SUPPLIER
                        : Supplier.aSoleTrader(), on, null));
                case 3 -> send(new AwardContractCommand(procurement.id, SUPPLIER,
                        BigDecimal.valueOf(10_000 + random.nextInt(500_000)),
                        new ContractPeriod(on.plusDays(10), on.plusDays(400)), null, null, on, null));
                case 4 -> send(new CompleteProcurementCommand(procurement.id, on, null));
                default -> send(new EvaluateProcurementCommand(procurement.id, "bra utfall", on, null));
            };
            if (done) {
                procurement.stage++;
            }
        }
    }
}
