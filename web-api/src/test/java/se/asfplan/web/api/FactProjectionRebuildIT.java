package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.asfplan.web.support.RandomHistory.awaitLiveCaughtUp;

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

import se.asfplan.domain.enterprise.DefinitionCriteria;
import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeIntegrationspaktenLevelCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.ChangeSocialEnterpriseDetailsCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.CloseSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToBusinessDialogueCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.InviteToReferenceGroupCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.JoinIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.LeaveIntegrationspaktenCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RecordBusinessAdviceCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RecordEventParticipationCommand;
import se.asfplan.domain.enterprise.EnterpriseCommands.RegisterSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.enterprise.ParticipationKind;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanCommands.AddActivityCommand;
import se.asfplan.domain.plan.PlanCommands.AddAreaCommand;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.CancelActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ChangeActivityResponsibilityCommand;
import se.asfplan.domain.plan.PlanCommands.CompleteActivityCommand;
import se.asfplan.domain.plan.PlanCommands.ReportActivityProgressCommand;
import se.asfplan.domain.plan.PlanCommands.ReportGoalOutcomeCommand;
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
import se.asfplan.domain.plan.TargetComparator;
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
import se.asfplan.domain.procurement.ProcurementCommands.PlanProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.ProcurementDetails;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.domain.procurement.Supplier;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.infra.axon.RecordingMetadata;
import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.projections.rebuild.RebuildStatus;
import se.asfplan.web.support.PostgresApiTest;
import se.asfplan.web.support.RandomHistory;

/**
 * A rebuilt generation of the activity follow-up and of the yearly goal report equals the incrementally built one: a
 * random history of more than 10,000 events (seeded; the seed is printed) about plans (areas, activities and their
 * progress, completion and cancellation, goals of every kind, revised, withdrawn and reported by hand), enterprises
 * (Integrationspakten, reference group, business dialogue and advice, events) and procurements is recorded through
 * the command gateway and folded by the live processors. Then each group is rebuilt into its next generation while a
 * background writer keeps recording; once caught up, both generations hold exactly the same rows, and every plan's
 * report (every year of the goal report) is the same JSON read from either generation. After the switch the reports
 * are unchanged and the old generation's rows are gone.
 */
class FactProjectionRebuildIT extends PostgresApiTest {

    private static final String FOLLOW_UP = "activity-followup";
    private static final String GOAL_REPORT = "goal-report";
    private static final String PARTICIPATION = "participation";
    private static final int EVENTS = 10_000;
    private static final int WRITERS = 4;
    /** Plans per writer: few enough that a plan's aggregate, loaded for each command, stays small. */
    private static final int PLANS = 8;
    private static final List<Integer> YEARS = List.of(2023, 2024, 2025, 2026);
    private static final LocalDate START = LocalDate.of(2023, 1, 2);
    private static final LocalDate LATEST = LocalDate.of(2026, 10, 31);
    private static final List<IntegrationspaktenLevel> LEVELS = List.of(new IntegrationspaktenLevel("member"),
            new IntegrationspaktenLevel("plusmedlem"), new IntegrationspaktenLevel("jobbpartner"));
    private static final List<Measure> COUNTS = List.of(Measure.values()).stream()
            .filter(measure -> measure.shape() == Measure.Shape.COUNT).toList();
    private static final List<String> PARTIES = List.of("Arbetsmarknadsförvaltningen", "Stadsledningskontoret",
            "Rinkeby-Kista", "Farsta", "Skärholmen", "Coompanion", "Ersta");

    @Autowired
    private CommandGateway commands;

    @Autowired
    private ProjectionRebuilds rebuilds;

    @Autowired
    private ProcessedPosition positions;

    private final String run = Long.toString(System.nanoTime(), 36);
    private final MetaData recording = RecordingMetadata.of("fact-rebuild-test", "test", null);
    /** Every plan any writer adopted. */
    private final List<PlanId> plans = new ArrayList<>();

    @Test
    void rebuildsTheFollowUpGoalAndParticipationReportsIntoNewGenerationsEqualToTheIncrementalOnes()
            throws Exception {
        long seed = Long.getLong("rebuild.seed", System.nanoTime());
        System.out.println("FactProjectionRebuildIT seed: " + seed + " (rerun with -Drebuild.seed=" + seed + ")");
        long before = eventCount();
        long writeStart = System.nanoTime();
        // several writers at once, each with its own seeded random, plans, enterprises and procurements, so what each
        // sends is the same for a seed; together they record the history faster than one could
        List<Writer> writers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicInteger recorded = new AtomicInteger();
        for (int i = 0; i < WRITERS; i++) {
            Writer writer = new Writer(new Random(seed + 10L * i), "a" + i + "-");
            writers.add(writer);
            Thread thread = new Thread(() -> {
                while (recorded.get() < EVENTS) {
                    writer.step();
                    recorded.set((int) (eventCount() - before));
                }
            }, "history-writer-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long written = eventCount() - before;
        System.out.printf("FactProjectionRebuildIT recorded %d events (%d commands refused) by %d writers in %.1f s: "
                + "%.0f events/s; %d plans%n", written, writers.stream().mapToInt(RandomHistory::refused).sum(),
                WRITERS, writeSeconds, written / writeSeconds, plans.size());
        printFactKinds();

        rebuildAndCompare(FOLLOW_UP, "activity_followup_fact", new Writer(new Random(seed + 1), "b"),
                this::followUpReports, 1000, Writer::manualGoalOfANewPlan);
        rebuildAndCompare(GOAL_REPORT, "goal_report_fact", new Writer(new Random(seed + 2), "c"),
                this::goalReports, 1000, Writer::manualGoalOfANewPlan);
        // event participations are a few percent of the random history
        rebuildAndCompare(PARTICIPATION, "participation_fact", new Writer(new Random(seed + 3), "d"),
                this::participationReports, 100, Writer::participationOfANewEnterprise);
    }

    /**
     * Rebuilds the group into its next generation while the writer keeps recording, compares the two generations'
     * rows and reports, switches, and checks that the reports stay the same and the old rows go.
     */
    private void rebuildAndCompare(String group, String table, Writer background,
                                   java.util.function.Function<Integer, Map<String, Object>> reports,
                                   int minimumFacts, java.util.function.Predicate<Writer> recordsAFact)
            throws Exception {
        awaitLiveCaughtUp(jdbc, positions, group);
        RebuildStatus idle = rebuilds.status(group);
        int active = idle.activeGeneration();
        int next = active + 1;
        assertThat(idle.rebuildingGeneration()).isNull();

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writtenDuringRebuild = new AtomicInteger();
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
        }, "background-writer-" + group);
        writerThread.start();

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
                head / rebuildSeconds, writtenDuringRebuild.get());
        assertThat(writtenDuringRebuild.get()).as("events kept arriving during the rebuild").isPositive();

        writing.set(false);
        writerThread.join(30_000);
        awaitLiveCaughtUp(jdbc, positions, group);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            RebuildStatus status = rebuilds.status(group);
            return status.position() != null && status.position() >= status.head();
        });
        assertThat(get(AUDITOR, admin).getBody()).containsEntry("rebuildingGeneration", next)
                .containsEntry("caughtUp", true).containsEntry("percent", 100.0);

        List<Map<String, Object>> incremental = rows(table, active);
        assertThat(incremental).as(table + " has facts").hasSizeGreaterThan(minimumFacts);
        assertThat(rows(table, next)).as(table + ", generation " + next + " against " + active)
                .isEqualTo(incremental);
        Map<String, Object> activeReports = reports.apply(active);
        assertThat(reports.apply(next)).as(group + " reports, generation " + next + " against " + active)
                .isEqualTo(activeReports);
        String firstPlan = plans.get(0).value();
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
        Writer after = new Writer(new Random(seedOf(group)), "after-" + group);
        assertThat(recordsAFact.test(after)).as("a fact recorded after the switch").isTrue();
        awaitLiveCaughtUp(jdbc, positions, group);
        assertThat(count(table, next)).isGreaterThan(facts);
        assertThat(jdbc.queryForObject("select count(*) from " + table + " where generation <> ?", Long.class, next))
                .isZero();
    }

    /** Every plan's follow-up, grouped by area and by lead party, keyed by its path; generation null: none asked. */
    private Map<String, Object> followUpReports(Integer generation) {
        Map<String, Object> reports = new LinkedHashMap<>();
        for (PlanId plan : plans) {
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
        for (PlanId plan : plans) {
            for (int year : YEARS) {
                String path = "/api/plans/" + plan.value() + "/reports/yearly-goals?year=" + year;
                Map<String, Object> report = report(path, generation);
                goals += ((List<?>) report.get("rows")).size();
                reports.put(path, report);
            }
        }
        assertThat(goals).as("goal report rows").isPositive();
        return reports;
    }

    /** The participation report over the whole random history, keyed by its path. */
    private Map<String, Object> participationReports(Integer generation) {
        String path = "/api/reports/participation?from=" + START + "&to=" + LATEST;
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

    /** A fresh organisation number of a legal person with a correct Luhn digit. */
    private static String organisationNumber(Random random) {
        StringBuilder digits = new StringBuilder("55").append(2 + random.nextInt(8));
        while (digits.length() < 9) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        digits.append((10 - sum % 10) % 10);
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    // ---------------------------------------------------------------------------------------------- the writer

    /** What the writer knows of a plan, so that most commands it sends are ones the rules accept. */
    private static final class Plan {
        final PlanId id;
        LocalDate on;
        final List<AreaId> areas = new ArrayList<>();
        final List<Activity> activities = new ArrayList<>();
        final List<Goal> goals = new ArrayList<>();
        int revisions;

        Plan(PlanId id, LocalDate on) {
            this.id = id;
            this.on = on;
        }
    }

    private static final class Activity {
        final ActivityId id;
        boolean started;
        boolean closed;
        boolean cancelled;
        int fromYear;
        int toYear;
        int lead;

        Activity(ActivityId id) {
            this.id = id;
        }
    }

    private static final class Goal {
        final GoalId id;
        final GoalKind kind;
        BigDecimal target;
        boolean withdrawn;

        Goal(GoalId id, GoalKind kind, BigDecimal target) {
            this.id = id;
            this.kind = kind;
            this.target = target;
        }
    }

    /** What the writer knows of an enterprise. */
    private static final class Enterprise {
        final EnterpriseId id;
        LocalDate on;
        boolean invited;
        boolean member;
        boolean left;
        boolean closed;
        boolean withNumber;
        int level;
        int changes;

        Enterprise(EnterpriseId id, LocalDate on) {
            this.id = id;
            this.on = on;
        }
    }

    /** Sends random commands, about half of them about plans, the rest about enterprises and procurements. */
    private final class Writer extends RandomHistory {

        private final List<Plan> own = new ArrayList<>();
        private final List<Enterprise> enterprises = new ArrayList<>();
        /** Organisation numbers of enterprises registered as ASF, that an award may name as supplier. */
        private final List<String> asfNumbers = new ArrayList<>();
        private int procurements;

        Writer(Random random, String prefix) {
            super(commands, recording, "FactProjectionRebuildIT", random, prefix);
        }

        void step() {
            int dice = random.nextInt(100);
            if (dice < 50) {
                if (own.isEmpty() || (own.size() < PLANS && dice < 2)) {
                    adoptPlan();
                } else {
                    planFact(own.get(random.nextInt(own.size())));
                }
            } else if (dice < 85) {
                if (enterprises.size() < 100 && (enterprises.isEmpty() || dice < 54)) {
                    registerOne();
                } else {
                    enterpriseFact(enterprises.get(random.nextInt(enterprises.size())));
                }
            } else {
                procurement();
            }
        }

        // ------------------------------------------------------------------------------------------ plans

        void adoptPlan() {
            Plan plan = new Plan(new PlanId("frb-" + run + "-" + prefix + own.size()),
                    START.plusDays(random.nextInt(60)));
            if (send(new AdoptPlanCommand(plan.id, "Handlingsplan " + prefix + own.size(), "Stockholm",
                    Decision.by("Kommunfullmäktige"), plan.on, PlanPeriod.of(2023, 2026), List.of(), List.of()))) {
                own.add(plan);
                synchronized (plans) {
                    plans.add(plan.id);
                }
                addArea(plan);
            }
        }

        boolean manualGoal(Plan plan) {
            return send(new SetGoalCommand(plan.id, new GoalId("mal-manuellt"), 2025, GoalKind.MANUAL,
                    "Indikator för hand", Target.atLeast(5, "st"), null, Decision.by("Kommunfullmäktige"),
                    advance(plan), null));
        }

        private void addArea(Plan plan) {
            AreaId area = new AreaId("omr-" + plan.areas.size());
            if (send(new AddAreaCommand(plan.id, area, "Område " + plan.areas.size(), "Beskrivning",
                    advance(plan)))) {
                plan.areas.add(area);
            }
        }

        private LocalDate advance(Plan plan) {
            LocalDate next = plan.on.plusDays(random.nextInt(3));
            plan.on = next.isAfter(LATEST) ? LATEST : next;
            return plan.on;
        }

        private Responsibility responsibility(int lead) {
            return Responsibility.of(PARTIES.get(lead), PARTIES.get((lead + 1) % PARTIES.size()));
        }

        private void planFact(Plan plan) {
            int dice = random.nextInt(100);
            List<Activity> open = plan.activities.stream().filter(activity -> !activity.closed).toList();
            if (plan.areas.size() < 5 && dice < 3) {
                addArea(plan);
            } else if (plan.activities.size() < 60 && (open.isEmpty() || dice < 20)) {
                addActivity(plan);
            } else if (dice < 50) {
                activityFact(plan, open.get(random.nextInt(open.size())));
            } else if (plan.goals.size() < 40 && dice < 65) {
                setGoal(plan);
            } else if (!plan.goals.isEmpty() && dice < 95) {
                goalFact(plan, plan.goals.get(random.nextInt(plan.goals.size())));
            } else {
                plan.revisions++;
                send(new RevisePlanCommand(plan.id, "Handlingsplan, reviderad " + plan.revisions, null,
                        Decision.by("Kommunstyrelsen"), "ny inriktning", advance(plan)));
            }
        }

        private void addActivity(Plan plan) {
            Activity activity = new Activity(new ActivityId("akt-" + plan.activities.size()));
            activity.fromYear = 2023 + random.nextInt(3);
            activity.toYear = activity.fromYear + random.nextInt(2027 - activity.fromYear);
            activity.lead = random.nextInt(PARTIES.size());
            ActivityKind kind = ActivityKind.values()[random.nextInt(ActivityKind.values().length)];
            if (send(new AddActivityCommand(plan.id, activity.id, plan.areas.get(random.nextInt(plan.areas.size())),
                    kind, "Aktivitet " + activity.id.value(), "Beskrivning", responsibility(activity.lead),
                    Timeline.years(activity.fromYear, activity.toYear), advance(plan)))) {
                plan.activities.add(activity);
            }
        }

        private void activityFact(Plan plan, Activity activity) {
            int dice = random.nextInt(100);
            LocalDate on = advance(plan);
            if (!activity.started && dice < 60) {
                activity.started = send(new StartActivityCommand(plan.id, activity.id, on));
            } else if (dice < 60) {
                send(new ReportActivityProgressCommand(plan.id, activity.id, "Lägesrapport " + random.nextInt(1000),
                        on));
            } else if (dice < 70) {
                int to = activity.toYear == 2026 ? activity.fromYear : activity.toYear + 1;
                if (to != activity.toYear && send(new RescheduleActivityCommand(plan.id, activity.id,
                        Timeline.years(activity.fromYear, to), "förskjuten", on))) {
                    activity.toYear = to;
                }
            } else if (dice < 78) {
                int lead = (activity.lead + 1 + random.nextInt(PARTIES.size() - 1)) % PARTIES.size();
                if (send(new ChangeActivityResponsibilityCommand(plan.id, activity.id, responsibility(lead),
                        "omorganisation", on))) {
                    activity.lead = lead;
                }
            } else if (activity.started && dice < 92) {
                activity.closed = send(new CompleteActivityCommand(plan.id, activity.id, "Klar", on));
            } else if (dice >= 92) {
                activity.closed = send(new CancelActivityCommand(plan.id, activity.id, "Prioriteras bort", on));
                activity.cancelled = activity.closed;
            }
        }

        private void setGoal(Plan plan) {
            GoalId id = new GoalId("mal-" + plan.goals.size());
            int year = YEARS.get(random.nextInt(YEARS.size()));
            GoalKind kind = GoalKind.values()[random.nextInt(GoalKind.values().length)];
            Measure measure = switch (kind) {
                case COUNT, CHANGE -> COUNTS.get(random.nextInt(COUNTS.size()));
                case COVERAGE -> Measure.INTEGRATIONSPAKTEN_INVITATION_COVERAGE;
                case MILESTONE -> Measure.ACTIVITY_COMPLETED;
                case MANUAL, SHARE -> null;
            };
            ActivityId activity = null;
            if (kind == GoalKind.MILESTONE) {
                List<Activity> notCancelled = plan.activities.stream().filter(a -> !a.cancelled).toList();
                if (notCancelled.isEmpty()) {
                    return;
                }
                activity = notCancelled.get(random.nextInt(notCancelled.size())).id;
            }
            BigDecimal value = switch (kind) {
                case COVERAGE, SHARE -> BigDecimal.valueOf(10 + random.nextInt(90));
                case MILESTONE -> BigDecimal.ONE;
                case CHANGE -> BigDecimal.valueOf(random.nextInt(3));
                default -> BigDecimal.valueOf(random.nextInt(20));
            };
            TargetComparator comparator = kind == GoalKind.MILESTONE ? TargetComparator.EXACTLY
                    : TargetComparator.values()[random.nextInt(TargetComparator.values().length)];
            String unit = kind == GoalKind.COVERAGE || kind == GoalKind.SHARE ? "%" : "st";
            if (send(new SetGoalCommand(plan.id, id, year, kind, "Indikator " + id.value(),
                    new Target(comparator, value, unit), activity, Decision.by("Kommunfullmäktige"), advance(plan),
                    measure))) {
                plan.goals.add(new Goal(id, kind, value));
            }
        }

        private void goalFact(Plan plan, Goal goal) {
            int dice = random.nextInt(100);
            LocalDate on = advance(plan);
            boolean byHand = goal.kind == GoalKind.MANUAL || goal.kind == GoalKind.SHARE;
            if (byHand && dice < 55) {
                BigDecimal value = BigDecimal.valueOf(random.nextInt(10_000), 2);
                send(new ReportGoalOutcomeCommand(plan.id, goal.id, value, "Enkät " + random.nextInt(100), on));
            } else if (dice < 85) {
                BigDecimal target = goal.target.add(BigDecimal.ONE);
                if (goal.kind == GoalKind.SHARE || goal.kind == GoalKind.COVERAGE) {
                    target = target.min(BigDecimal.valueOf(100));
                }
                if (send(new ReviseGoalCommand(plan.id, goal.id, new Target(TargetComparator.AT_LEAST, target,
                        goal.kind == GoalKind.SHARE || goal.kind == GoalKind.COVERAGE ? "%" : "st"),
                        "nytt beslut", Decision.by("Kommunstyrelsen"), on))) {
                    goal.target = target;
                }
            } else if (!goal.withdrawn) {
                goal.withdrawn = send(new WithdrawGoalCommand(plan.id, goal.id, "inaktuellt",
                        Decision.by("Kommunstyrelsen"), on));
            }
        }

        // ------------------------------------------------------------------------------------------ enterprises

        /** Adopts a plan and sets it a manually reported goal: a fact for the follow-up and the goal report. */
        boolean manualGoalOfANewPlan() {
            adoptPlan();
            return !own.isEmpty() && manualGoal(own.get(0));
        }

        /** Registers an enterprise and records its participation in an event: a fact for the participation report. */
        boolean participationOfANewEnterprise() {
            registerOne();
            if (enterprises.isEmpty()) {
                return false;
            }
            Enterprise enterprise = enterprises.get(enterprises.size() - 1);
            return send(new RecordEventParticipationCommand(enterprise.id, ParticipationKind.values()[0],
                    "Träff efter bytet", enterprise.on, null));
        }

        void registerOne() {
            Enterprise enterprise = new Enterprise(new EnterpriseId("frbe-" + run + "-" + prefix + enterprises.size()),
                    START.plusDays(random.nextInt(400)));
            String number = random.nextInt(5) == 0 ? organisationNumber(random) : null;
            if (send(new RegisterSocialEnterpriseCommand(enterprise.id,
                    number == null ? null : new OrganisationNumber(number), details(enterprise, number != null),
                    enterprise.on, null))) {
                enterprises.add(enterprise);
                enterprise.withNumber = number != null;
                if (number != null) {
                    asfNumbers.add(number);
                }
            }
        }

        private EnterpriseDetails details(Enterprise enterprise, boolean withNumber) {
            return new EnterpriseDetails("Företag " + enterprise.id.value() + " " + enterprise.changes,
                    withNumber ? LegalForm.EKONOMISK_FORENING : LegalForm.ENSKILD_FIRMA, List.of("café"),
                    "Stockholm", List.of("Rinkeby", "Farsta", "Skärholmen").get(random.nextInt(3)),
                    DefinitionCriteria.allMet(), List.of());
        }

        private void enterpriseFact(Enterprise enterprise) {
            if (enterprise.closed) {
                return;
            }
            LocalDate next = enterprise.on.plusDays(random.nextInt(4));
            enterprise.on = next.isAfter(LATEST) ? LATEST : next;
            LocalDate on = enterprise.on;
            int dice = random.nextInt(20);
            if (!enterprise.left && !enterprise.invited && dice < 4) {
                enterprise.invited = send(new InviteToIntegrationspaktenCommand(enterprise.id, on, null));
            } else if (!enterprise.left && enterprise.invited && !enterprise.member && dice < 7) {
                enterprise.level = random.nextInt(LEVELS.size());
                enterprise.member = send(new JoinIntegrationspaktenCommand(enterprise.id,
                        LEVELS.get(enterprise.level), on, null));
            } else if (enterprise.member && dice < 6) {
                int level = (enterprise.level + 1 + random.nextInt(LEVELS.size() - 1)) % LEVELS.size();
                if (send(new ChangeIntegrationspaktenLevelCommand(enterprise.id, LEVELS.get(level), on, null))) {
                    enterprise.level = level;
                }
            } else if (enterprise.member && dice == 7) {
                if (send(new LeaveIntegrationspaktenCommand(enterprise.id, on, null))) {
                    enterprise.member = false;
                    enterprise.left = true;
                }
            } else if (dice == 8) {
                send(new InviteToReferenceGroupCommand(enterprise.id, on, null));
            } else if (dice == 9) {
                send(new InviteToBusinessDialogueCommand(enterprise.id, "Företagsdialog " + random.nextInt(5), on,
                        null));
            } else if (dice < 12) {
                send(new RecordBusinessAdviceCommand(enterprise.id, "Coompanion",
                        BigDecimal.valueOf(1 + random.nextInt(8)), on, null));
            } else if (dice < 14) {
                send(new RecordEventParticipationCommand(enterprise.id,
                        ParticipationKind.values()[random.nextInt(ParticipationKind.values().length)],
                        "Träff " + random.nextInt(10), on, null));
            } else if (dice == 14 && random.nextInt(10) == 0) {
                enterprise.closed = send(new CloseSocialEnterpriseCommand(enterprise.id, "upphört", on, null));
            } else {
                enterprise.changes++;
                send(new ChangeSocialEnterpriseDetailsCommand(enterprise.id, details(enterprise, enterprise.withNumber), on,
                        null));
            }
        }

        // ------------------------------------------------------------------------------------------ procurements

        private void procurement() {
            ProcurementId id = new ProcurementId("frbp-" + run + "-" + prefix + procurements++);
            LocalDate on = START.plusDays(random.nextInt(1000));
            ContractingAuthority authority = new ContractingAuthority("Nämnd " + random.nextInt(4));
            boolean reserved = random.nextInt(3) == 0;
            ProcurementDetails details = new ProcurementDetails(authority, "Städning",
                    List.of(new CpvCode("90910000-9")),
                    reserved ? Procedure.RESERVED_FOR_EMPLOYMENT : Procedure.ORDINARY, false);
            boolean begun = random.nextBoolean()
                    ? send(new PlanProcurementCommand(id, details, on, null))
                    && send(new AnnounceProcurementCommand(id, null, on.plusDays(5), null))
                    : send(new AnnounceProcurementCommand(id, details, on.plusDays(5), null));
            if (!begun) {
                return;
            }
            if (random.nextBoolean()) {
                send(new DivideIntoLotsCommand(id, 2 + random.nextInt(3), BidsMayCover.SEVERAL, on.plusDays(6),
                        null));
            } else {
                send(new DecideNotToDivideCommand(id, "en enda leverans", on.plusDays(6), null));
            }
            int dice = random.nextInt(10);
            if (!reserved && dice < 6) {
                String number = asfNumbers.isEmpty() || random.nextBoolean() ? organisationNumber(random)
                        : asfNumbers.get(random.nextInt(asfNumbers.size()));
                LocalDate awarded = on.plusDays(40);
                if (send(new AwardContractCommand(id, Supplier.of(number), BigDecimal.valueOf(100_000 + random
                        .nextInt(900_000)), new ContractPeriod(awarded, awarded.plusYears(2)), null, null, awarded,
                        null)) && random.nextBoolean()) {
                    send(new CompleteProcurementCommand(id, awarded.plusDays(30), null));
                }
            } else if (dice < 8) {
                send(new CancelProcurementCommand(id, "inga anbud", on.plusDays(20), null));
            }
        }
    }
}
