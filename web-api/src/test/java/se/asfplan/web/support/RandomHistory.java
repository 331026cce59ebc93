package se.asfplan.web.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

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
import se.asfplan.domain.plan.Measure;
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
import se.asfplan.domain.procurement.DisadvantagedEmployment;
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
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.infra.axon.RecordingMetadata;
import se.asfplan.projections.generation.ProcessedPosition;

/**
 * The random history the projection-rebuild tests record through the command bus as a test user, and the writers
 * that record it. A writer draws each next command from its own seeded {@link Random}, so one seed gives the same
 * commands; it keeps what it has recorded (its plans, enterprises, meetings and procurements) so that most of its
 * commands are ones the rules accept. A random history still tries commands the rules refuse in the state reached
 * so far: a refused command is counted, the first few are printed, and the history goes on.
 *
 * <p>The history is made of the kinds of commands the test asks for ({@link Kind}; all of them unless it names
 * some), mixed in fixed shares:
 * <ul>
 *     <li><b>plans</b> (4 in 10 commands): plans adopted with a first area and activity, areas and activities added,
 *     activities started, reported on, rescheduled, handed to another lead party, completed and cancelled; goals of
 *     every kind (with their measures, a milestone following an activity) set for 2023-2026, revised, withdrawn and
 *     reported by hand; plans revised;</li>
 *     <li><b>enterprises</b> (3 in 10): social enterprises registered, one in five with an organisation number, and
 *     their details changed; invited to Integrationspakten, joining it at one of three levels, changing level and
 *     leaving; invited to the reference group and the business dialogue, advised, taking part in events, and now and
 *     then closed;</li>
 *     <li><b>meetings</b> (1 in 10): meetings recorded with one to four of the writer's open enterprises taking
 *     part, half of them carrying out an activity of one of its plans, and their participants corrected;</li>
 *     <li><b>procurements</b> (2 in 10): procurements planned or announced at once (one in three reserved for
 *     employment), then step by step divided into lots or not, a tender received, the contract awarded (to one of
 *     the writer's enterprises with an organisation number or another supplier; a reserved one with the share of
 *     disadvantaged employees), completed and evaluated; now and then cancelled, before or after the award.</li>
 * </ul>
 * Every date in the history lies from {@link #FIRST_DAY} to {@link #LAST_DAY}.
 *
 * <p>{@link #write} records the history with {@value #WRITERS} writers at once, so events also commit out of index
 * order; {@link Writer#inBackground()} keeps one writing as a steady trickle while a test rebuilds a projection.
 * Every plan any writer of the history adopts is in {@link #plans()}.
 */
public final class RandomHistory {

    /** What commands a history is made of, each with its share of the mix. */
    public enum Kind {
        PLANS(4), ENTERPRISES(3), MEETINGS(1), PROCUREMENTS(2);

        private final int share;

        Kind(int share) {
            this.share = share;
        }
    }

    /** The first day of the history. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 2);
    /** The last day of the history: nothing is dated after it. */
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    /** How many writers {@link #write} records the history with at once. */
    public static final int WRITERS = 4;

    private static final int PRINTED_REFUSALS = 10;
    /** How many steps each writer takes between two looks at how many events are stored. */
    private static final int STEPS_BETWEEN_COUNTS = 10;
    /** The pause between two commands of a writer in the background. */
    private static final Duration TRICKLE = Duration.ofMillis(20);
    private static final PlanPeriod PERIOD = PlanPeriod.of(2023, 2026);
    private static final List<Integer> YEARS = List.of(2023, 2024, 2025, 2026);
    /**
     * Plans per writer: enough that a plan's aggregate, loaded for each of its commands, stays small, and few enough
     * that a test can read every plan's reports.
     */
    private static final int PLANS = 8;
    private static final int AREAS = 5;
    private static final int ACTIVITIES = 60;
    private static final int GOALS = 40;
    /** Enterprises per writer. */
    private static final int ENTERPRISES = 100;
    private static final List<IntegrationspaktenLevel> LEVELS = List.of(new IntegrationspaktenLevel("member"),
            new IntegrationspaktenLevel("plusmedlem"), new IntegrationspaktenLevel("jobbpartner"));
    private static final List<Measure> COUNTS = List.of(Measure.values()).stream()
            .filter(measure -> measure.shape() == Measure.Shape.COUNT).toList();
    private static final List<String> PARTIES = List.of("Arbetsmarknadsförvaltningen", "Stadsledningskontoret",
            "Rinkeby-Kista", "Farsta", "Skärholmen", "Coompanion", "Ersta");
    private static final List<String> DISTRICTS = List.of("Rinkeby", "Farsta", "Skärholmen");
    private static final List<CpvCode> CPV_CODES = List.of(new CpvCode("80511000-9"), new CpvCode("90910000-9"));

    private final String test;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final MetaData recording;
    private final Set<Kind> kinds;
    private final int shares;
    /** Starts every identifier of this history, so that it never picks one another history of the run has. */
    private final String run = Long.toString(System.nanoTime(), 36);
    private final List<PlanId> plans = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refusals = new AtomicInteger();

    /** A history of the given kinds of commands, all of them when none is named, recorded as the test's user. */
    public RandomHistory(String test, CommandGateway commands, JdbcTemplate jdbc, Kind... kinds) {
        this.test = test;
        this.commands = commands;
        this.jdbc = jdbc;
        this.recording = RecordingMetadata.of(test, "test", null);
        this.kinds = kinds.length == 0 ? EnumSet.allOf(Kind.class) : EnumSet.copyOf(List.of(kinds));
        this.shares = this.kinds.stream().mapToInt(kind -> kind.share).sum();
    }

    /** The seed of the test's history: {@code -Drebuild.seed} when given, else a new one; printed either way. */
    public static long seed(String test) {
        long seed = Long.getLong("rebuild.seed", System.nanoTime());
        System.out.println(test + " seed: " + seed + " (rerun with -Drebuild.seed=" + seed + ")");
        return seed;
    }

    /**
     * Records at least {@code events} events with {@value #WRITERS} writers at once, writer {@code i} seeded with
     * {@code seed + 10 * i}, prints how it went, and returns the writers, which can go on writing.
     */
    public List<Writer> write(long seed, int events) throws InterruptedException {
        long before = eventCount();
        long start = System.nanoTime();
        AtomicLong recorded = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Writer> writers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Writer writer = writer(seed + 10L * i, "a" + i);
            writers.add(writer);
            Thread thread = new Thread(() -> {
                try {
                    while (recorded.get() < events && failure.get() == null) {
                        for (int step = 0; step < STEPS_BETWEEN_COUNTS; step++) {
                            writer.step();
                        }
                        recorded.set(eventCount() - before);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }, "history-writer-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(test + ": a history writer failed", failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long written = eventCount() - before;
        System.out.printf("%s recorded %d events (%d commands refused) by %d writers in %.1f s: %.0f events/s; %s%n",
                test, written, writers.stream().mapToInt(Writer::refused).sum(), WRITERS, seconds, written / seconds,
                writers);
        return writers;
    }

    /** A writer with its own seeded random and its own plans, enterprises, meetings and procurements. */
    public Writer writer(long seed, String name) {
        return new Writer(new Random(seed), name);
    }

    /** Every plan any writer of this history has adopted, in the order they were adopted. */
    public List<PlanId> plans() {
        synchronized (plans) {
            return List.copyOf(plans);
        }
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** The newest position (global index) in the event store, 0 when it is empty. */
    public static long head(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    /** Waits until the live processor of the group has folded every event stored now. */
    public static void awaitLiveCaughtUp(JdbcTemplate jdbc, ProcessedPosition positions, String group) {
        long head = head(jdbc);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> positions.of(group).orElse(-1) >= head);
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

    /**
     * One writer of the history. Its steps are synchronized, so that a test may hand it from one thread to another
     * (to a {@link Background} and back).
     */
    public final class Writer {

        private final Random random;
        private final String name;
        private final List<Plan> ownPlans = new ArrayList<>();
        private final List<Enterprise> enterprises = new ArrayList<>();
        /** Organisation numbers of this writer's enterprises, that a procurement may award its contract to. */
        private final List<String> asfNumbers = new ArrayList<>();
        private final List<Meeting> meetings = new ArrayList<>();
        private final List<Procurement> procurements = new ArrayList<>();
        private int enterpriseCount;
        private int meetingCount;
        private int procurementCount;
        private int refused;

        private Writer(Random random, String name) {
            this.random = random;
            this.name = name;
        }

        /** Records one command (or tries to) of a kind drawn by the history's shares. */
        public synchronized void step() {
            int dice = random.nextInt(shares);
            for (Kind kind : kinds) {
                dice -= kind.share;
                if (dice < 0) {
                    step(kind);
                    return;
                }
            }
        }

        /** Records one command (or tries to) of the given kind, whatever kinds the history is made of. */
        public synchronized void step(Kind kind) {
            switch (kind) {
                case PLANS -> planStep();
                case ENTERPRISES -> enterpriseStep();
                case MEETINGS -> meetingStep();
                case PROCUREMENTS -> procurementStep();
            }
        }

        /** Registers a new enterprise: one event, when the rules accept it. */
        public synchronized boolean registerEnterprise() {
            return register() != null;
        }

        /** Adopts a plan and sets it a goal reported by hand: facts for the activity follow-up and the goal report. */
        public synchronized boolean adoptPlanWithAManualGoal() {
            Plan plan = adopt();
            return plan != null && send(new SetGoalCommand(plan.id, new GoalId("mal-manuellt"), 2025,
                    GoalKind.MANUAL, "Indikator för hand", Target.atLeast(5, "st"), null,
                    Decision.by("Kommunfullmäktige"), advance(plan), null));
        }

        /** Registers an enterprise that takes part in an event: a fact for the participation report. */
        public synchronized boolean registerEnterpriseTakingPartInAnEvent() {
            Enterprise enterprise = register();
            return enterprise != null && send(new RecordEventParticipationCommand(enterprise.id,
                    ParticipationKind.values()[0], "Träff efter bytet", enterprise.on, null));
        }

        /** Keeps this writer recording a step every {@link #TRICKLE} in a thread of its own, until stopped. */
        public Background inBackground() {
            return new Background(this);
        }

        /** How many of this writer's commands the rules have refused so far. */
        public synchronized int refused() {
            return refused;
        }

        @Override
        public synchronized String toString() {
            return name + ": " + ownPlans.size() + " plans, " + enterprises.size() + " enterprises, "
                    + meetings.size() + " meetings, " + procurements.size() + " procurements";
        }

        /** Records the command; false when the rules refuse it, which is counted and, for the first few, printed. */
        private boolean send(Object command) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(recording));
                return true;
            } catch (RuntimeException e) {
                refused++;
                if (refusals.incrementAndGet() <= PRINTED_REFUSALS) {
                    System.out.println(test + " refused " + command.getClass().getSimpleName() + ": "
                            + e.getMessage());
                }
                return false;
            }
        }

        /** An identifier no other writer of any history of the run makes: {@code <run>-<writer>-<letter><n>}. */
        private String id(String letter, int number) {
            return run + "-" + name + "-" + letter + number;
        }

        private <T> T any(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        // ---------------------------------------------------------------------------------------------- plans

        private void planStep() {
            if (ownPlans.isEmpty() || (ownPlans.size() < PLANS && random.nextInt(25) == 0)) {
                adopt();
                return;
            }
            Plan plan = any(ownPlans);
            List<Activity> open = plan.activities.stream().filter(activity -> !activity.closed).toList();
            int dice = random.nextInt(100);
            if (plan.areas.size() < AREAS && dice < 3) {
                addArea(plan);
            } else if (plan.activities.size() < ACTIVITIES && (open.isEmpty() || dice < 20)) {
                addActivity(plan);
            } else if (!open.isEmpty() && dice < 50) {
                activityFact(plan, any(open));
            } else if (plan.goals.size() < GOALS && dice < 65) {
                setGoal(plan);
            } else if (!plan.goals.isEmpty() && dice < 95) {
                goalFact(plan, any(plan.goals));
            } else {
                plan.revisions++;
                send(new RevisePlanCommand(plan.id, "Handlingsplan " + plan.id.value() + ", reviderad "
                        + plan.revisions, null, Decision.by("Kommunstyrelsen"), "ny inriktning", advance(plan)));
            }
        }

        /** Adopts a plan with a first area and activity; the plan, or null when refused. */
        private Plan adopt() {
            Plan plan = new Plan(new PlanId(id("p", ownPlans.size())), FIRST_DAY.plusDays(random.nextInt(60)));
            AreaId area = new AreaId("omr-0");
            Activity activity = new Activity(new ActivityId("akt-0"), 2023, 2025, 0);
            if (!send(new AdoptPlanCommand(plan.id, "Handlingsplan " + plan.id.value(), "Stockholm",
                    Decision.by("Kommunfullmäktige"), plan.on, PERIOD, List.of(new AreaDraft(area, "Område 0", null,
                            List.of(new ActivityDraft(activity.id, ActivityKind.ACTIVITY, "Aktivitet 0", null,
                                    responsibility(activity.lead), Timeline.years(2023, 2025))))), List.of()))) {
                return null;
            }
            plan.areas.add(area);
            plan.activities.add(activity);
            ownPlans.add(plan);
            plans.add(plan.id);
            return plan;
        }

        /** The plan's next date: a day or two on, never after the last day of the history. */
        private LocalDate advance(Plan plan) {
            LocalDate next = plan.on.plusDays(random.nextInt(3));
            plan.on = next.isAfter(LAST_DAY) ? LAST_DAY : next;
            return plan.on;
        }

        private Responsibility responsibility(int lead) {
            return Responsibility.of(PARTIES.get(lead), PARTIES.get((lead + 1) % PARTIES.size()));
        }

        private void addArea(Plan plan) {
            AreaId area = new AreaId("omr-" + plan.areas.size());
            if (send(new AddAreaCommand(plan.id, area, "Område " + plan.areas.size(), "Beskrivning",
                    advance(plan)))) {
                plan.areas.add(area);
            }
        }

        private void addActivity(Plan plan) {
            int from = 2023 + random.nextInt(3);
            Activity activity = new Activity(new ActivityId("akt-" + plan.activities.size()), from,
                    from + random.nextInt(2027 - from), random.nextInt(PARTIES.size()));
            ActivityKind kind = ActivityKind.values()[random.nextInt(ActivityKind.values().length)];
            if (send(new AddActivityCommand(plan.id, activity.id, any(plan.areas), kind,
                    "Aktivitet " + activity.id.value(), random.nextBoolean() ? null : "Beskrivning",
                    responsibility(activity.lead), Timeline.years(activity.fromYear, activity.toYear),
                    advance(plan)))) {
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
            int year = any(YEARS);
            GoalKind kind = GoalKind.values()[random.nextInt(GoalKind.values().length)];
            Measure measure = switch (kind) {
                case COUNT, CHANGE -> any(COUNTS);
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
                activity = any(notCancelled).id;
            }
            BigDecimal value = switch (kind) {
                case COVERAGE, SHARE -> BigDecimal.valueOf(10 + random.nextInt(90));
                case MILESTONE -> BigDecimal.ONE;
                case CHANGE -> BigDecimal.valueOf(random.nextInt(3));
                default -> BigDecimal.valueOf(random.nextInt(20));
            };
            TargetComparator comparator = kind == GoalKind.MILESTONE ? TargetComparator.EXACTLY
                    : TargetComparator.values()[random.nextInt(TargetComparator.values().length)];
            if (send(new SetGoalCommand(plan.id, id, year, kind, "Indikator " + id.value(),
                    new Target(comparator, value, unit(kind)), activity, Decision.by("Kommunfullmäktige"),
                    advance(plan), measure))) {
                plan.goals.add(new Goal(id, kind, value));
            }
        }

        private static String unit(GoalKind kind) {
            return kind == GoalKind.COVERAGE || kind == GoalKind.SHARE ? "%" : "st";
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
                if (unit(goal.kind).equals("%")) {
                    target = target.min(BigDecimal.valueOf(100));
                }
                if (send(new ReviseGoalCommand(plan.id, goal.id, new Target(TargetComparator.AT_LEAST, target,
                        unit(goal.kind)), "nytt beslut", Decision.by("Kommunstyrelsen"), on))) {
                    goal.target = target;
                }
            } else if (!goal.withdrawn) {
                goal.withdrawn = send(new WithdrawGoalCommand(plan.id, goal.id, "inaktuellt",
                        Decision.by("Kommunstyrelsen"), on));
            }
        }

        // ---------------------------------------------------------------------------------------------- enterprises

        private void enterpriseStep() {
            List<Enterprise> open = enterprises.stream().filter(enterprise -> !enterprise.closed).toList();
            if (open.isEmpty() || (enterprises.size() < ENTERPRISES && random.nextInt(9) == 0)) {
                register();
            } else {
                enterpriseFact(any(open));
            }
        }

        /** Registers an enterprise, one in five with an organisation number; the enterprise, or null when refused. */
        private Enterprise register() {
            Enterprise enterprise = new Enterprise(new EnterpriseId(id("e", enterpriseCount++)),
                    FIRST_DAY.plusDays(random.nextInt(400)));
            String number = random.nextInt(5) == 0 ? organisationNumber(random) : null;
            enterprise.withNumber = number != null;
            if (!send(new RegisterSocialEnterpriseCommand(enterprise.id,
                    number == null ? null : new OrganisationNumber(number), details(enterprise), enterprise.on,
                    null))) {
                return null;
            }
            enterprises.add(enterprise);
            if (number != null) {
                asfNumbers.add(number);
            }
            return enterprise;
        }

        private EnterpriseDetails details(Enterprise enterprise) {
            return new EnterpriseDetails("Företag " + enterprise.id.value() + " " + enterprise.changes,
                    enterprise.withNumber ? LegalForm.EKONOMISK_FORENING : LegalForm.ENSKILD_FIRMA, List.of("café"),
                    "Stockholm", any(DISTRICTS), DefinitionCriteria.allMet(), List.of());
        }

        private void enterpriseFact(Enterprise enterprise) {
            LocalDate next = enterprise.on.plusDays(random.nextInt(4));
            enterprise.on = next.isAfter(LAST_DAY) ? LAST_DAY : next;
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
                send(new ChangeSocialEnterpriseDetailsCommand(enterprise.id, details(enterprise), on, null));
            }
        }

        // ---------------------------------------------------------------------------------------------- meetings

        private void meetingStep() {
            if (enterprises.stream().filter(enterprise -> !enterprise.closed).count() < 3) {
                enterpriseStep();
                return;
            }
            if (meetings.isEmpty() || random.nextInt(3) > 0) {
                MeetingId id = new MeetingId(id("m", meetingCount++));
                LocalDate on = LocalDate.of(2025, 1, 2).plusDays(random.nextInt(300));
                List<EnterpriseId> participants = participants();
                PlanActivityReference carriesOut = null;
                if (!ownPlans.isEmpty() && random.nextBoolean()) {
                    Plan plan = any(ownPlans);
                    carriesOut = new PlanActivityReference(plan.id, any(plan.activities).id);
                }
                if (send(new RecordMeetingCommand(id, MeetingKind.values()[random.nextInt(MeetingKind.values().length)],
                        "Möte " + id.value(), "Samordnaren", participants, on, carriesOut))) {
                    meetings.add(new Meeting(id, on, participants));
                }
            } else {
                Meeting meeting = any(meetings);
                List<EnterpriseId> participants = participants();
                if (!participants.equals(meeting.participants) && send(new CorrectMeetingParticipantsCommand(
                        meeting.id, participants, "fel i listan", meeting.on.plusDays(random.nextInt(5))))) {
                    meeting.participants = participants;
                }
            }
        }

        /** One to four distinct open enterprises of this writer. */
        private List<EnterpriseId> participants() {
            List<Enterprise> open = enterprises.stream().filter(enterprise -> !enterprise.closed).toList();
            List<EnterpriseId> participants = new ArrayList<>();
            int wanted = 1 + random.nextInt(4);
            for (int i = 0; i < wanted; i++) {
                EnterpriseId id = any(open).id;
                if (!participants.contains(id)) {
                    participants.add(id);
                }
            }
            return participants;
        }

        // ---------------------------------------------------------------------------------------------- procurements

        private void procurementStep() {
            List<Procurement> open = procurements.stream().filter(p -> p.stage != Stage.CLOSED).toList();
            if (open.isEmpty() || random.nextInt(4) == 0) {
                begin();
                return;
            }
            Procurement procurement = any(open);
            procurement.on = procurement.on.plusDays(1 + random.nextInt(5));
            LocalDate on = procurement.on;
            // cancelled before the award, or after it (the contract never comes about), until completed
            boolean notCompleted = procurement.stage.compareTo(Stage.COMPLETED) < 0;
            if (notCompleted && random.nextInt(15) == 0) {
                if (send(new CancelProcurementCommand(procurement.id, "inga anbud", on, null))) {
                    procurement.stage = Stage.CLOSED;
                }
                return;
            }
            ProcurementId id = procurement.id;
            boolean done = switch (procurement.stage) {
                case PLANNED -> send(new AnnounceProcurementCommand(id, null, on, null));
                case ANNOUNCED -> random.nextBoolean()
                        ? send(new DivideIntoLotsCommand(id, 2 + random.nextInt(3),
                                BidsMayCover.values()[random.nextInt(BidsMayCover.values().length)], on, null))
                        : send(new DecideNotToDivideCommand(id, "en enda leverans", on, null));
                case LOTS_DECIDED -> send(new ReceiveTenderCommand(id,
                        random.nextBoolean() ? Supplier.of(supplier()) : Supplier.aSoleTrader(), on, null));
                case TENDERED -> send(new AwardContractCommand(id, Supplier.of(supplier()),
                        BigDecimal.valueOf(100_000 + random.nextInt(900_000)),
                        new ContractPeriod(on, on.plusYears(2)), procurement.reserved
                        ? new DisadvantagedEmployment(BigDecimal.valueOf(30 + random.nextInt(71)), on,
                                "Intyg " + random.nextInt(1000)) : null, null, on, null));
                case AWARDED -> send(new CompleteProcurementCommand(id, on, null));
                case COMPLETED -> send(new EvaluateProcurementCommand(id, "bra utfall", on, null));
                case CLOSED -> false;
            };
            if (done) {
                procurement.stage = Stage.values()[procurement.stage.ordinal() + 1];
            }
        }

        /** Plans or announces a procurement, one in three reserved for employment. */
        private void begin() {
            boolean reserved = random.nextInt(3) == 0;
            Procurement procurement = new Procurement(new ProcurementId(id("q", procurementCount++)),
                    FIRST_DAY.plusDays(random.nextInt(1000)), reserved);
            ProcurementDetails details = new ProcurementDetails(new ContractingAuthority("Nämnd "
                    + random.nextInt(4)), "Städning", List.of(any(CPV_CODES)),
                    reserved ? Procedure.RESERVED_FOR_EMPLOYMENT : Procedure.ORDINARY, false);
            boolean planned = random.nextBoolean();
            if (planned ? send(new PlanProcurementCommand(procurement.id, details, procurement.on, null))
                    : send(new AnnounceProcurementCommand(procurement.id, details, procurement.on, null))) {
                procurement.stage = planned ? Stage.PLANNED : Stage.ANNOUNCED;
                procurements.add(procurement);
            }
        }

        /** One of this writer's enterprises with an organisation number, or another supplier. */
        private String supplier() {
            return asfNumbers.isEmpty() || random.nextBoolean() ? organisationNumber(random) : any(asfNumbers);
        }
    }

    /** A writer recording a steady trickle of commands in a thread of its own, as in service, until stopped. */
    public static final class Background {

        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final AtomicInteger written = new AtomicInteger();
        private final Thread thread;

        private Background(Writer writer) {
            thread = new Thread(() -> {
                while (writing.get()) {
                    writer.step();
                    written.incrementAndGet();
                    try {
                        Thread.sleep(TRICKLE.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "background-writer-" + writer.name);
            thread.start();
        }

        /** How many commands the writer has recorded (or tried to) so far. */
        public int written() {
            return written.get();
        }

        /** Stops the writer, waits for its last command, and returns how many it recorded (or tried to). */
        public int stop() throws InterruptedException {
            writing.set(false);
            thread.join(30_000);
            return written.get();
        }
    }

    // -------------------------------------------------------------------------------------- what a writer knows

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
        final int fromYear;
        int toYear;
        int lead;
        boolean started;
        boolean closed;
        boolean cancelled;

        Activity(ActivityId id, int fromYear, int toYear, int lead) {
            this.id = id;
            this.fromYear = fromYear;
            this.toYear = toYear;
            this.lead = lead;
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

    private static final class Enterprise {
        final EnterpriseId id;
        LocalDate on;
        boolean withNumber;
        boolean invited;
        boolean member;
        boolean left;
        boolean closed;
        int level;
        int changes;

        Enterprise(EnterpriseId id, LocalDate on) {
            this.id = id;
            this.on = on;
        }
    }

    private static final class Meeting {
        final MeetingId id;
        final LocalDate on;
        List<EnterpriseId> participants;

        Meeting(MeetingId id, LocalDate on, List<EnterpriseId> participants) {
            this.id = id;
            this.on = on;
            this.participants = participants;
        }
    }

    /** Where a procurement has come to; each step takes it to the next, until it is evaluated or cancelled. */
    private enum Stage { PLANNED, ANNOUNCED, LOTS_DECIDED, TENDERED, AWARDED, COMPLETED, CLOSED }

    private static final class Procurement {
        final ProcurementId id;
        final boolean reserved;
        LocalDate on;
        Stage stage;

        Procurement(ProcurementId id, LocalDate on, boolean reserved) {
            this.id = id;
            this.on = on;
            this.reserved = reserved;
        }
    }
}
