package se.asfplan.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanCommands.ReportActivityProgressCommand;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.infra.axon.RecordingMetadata;

/**
 * The benchmark (scripts/benchmark; docs/performance.md): on PostgreSQL, in one run, the raw JDBC baseline and the
 * project's figures beside it, each printed with its baseline and ratio and all written to one JSON file.
 */
public final class Benchmark {

    private static final String PROGRESS_BODY = "{\"note\": \"Lägesrapport: arbetet går enligt plan.\", "
            + "\"occurredOn\": \"2025-06-01\"}";

    private final Settings settings;
    private final Figures figures = new Figures();

    private Benchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        new Benchmark(settings).run();
        System.exit(0);
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        describe();
        Generator generator = new Generator(settings);

        section("generating about %,d events".formatted(settings.events()));
        dropSchemas();
        try (App template = App.start(settings, "tpl")) {
            generator.recordTemplate(template);
        }
        generator.migrate();
        long g0 = System.nanoTime();
        Generator.Generated generated = generator.cloneInto(settings.events());
        double generateSeconds = (System.nanoTime() - g0) / 1e9;
        long events = head();
        System.out.printf(Locale.ROOT, "  %,d events (%d copies of a %d-event template, %d shared, a plan of %,d "
                        + "events) written in %.1f s: %,.0f events/s%n", events, generated.copies(),
                generated.templateEvents(), generated.sharedEvents(), Generator.LONG_HISTORY, generateSeconds,
                events / generateSeconds);
        figures.describe("events", events);
        figures.describe("eventKinds", eventKinds());
        figures.describe("storeSizeBytes", storeSize());

        section("raw baseline: plain JDBC on a table shaped like domain_event_entry");
        Raw raw = new Raw(settings, generated.command(), generated.mix());
        raw.createSchema();
        Load.Result cycle1 = raw.commandCycle(1);
        figures.add("raw: command cycle, 1 client", cycle1.perSecond(), "cmd/s");
        figures.add("raw: command cycle p50, 1 client", cycle1.p50(), "ms");
        Load.Result cycle8 = raw.commandCycle(8);
        figures.add("raw: command cycle, 8 clients", cycle8.perSecond(), "cmd/s");
        figures.add("raw: command cycle p50, 8 clients", cycle8.p50(), "ms");
        Load.Result single1 = raw.singleInserts(1);
        figures.add("raw: single insert, 1 client", single1.perSecond(), "ev/s");
        Load.Result single8 = raw.singleInserts(8);
        figures.add("raw: single insert, 8 clients", single8.perSecond(), "ev/s");
        double batched = raw.batchedInserts(Math.min(events, 200_000));
        figures.add("raw: batched insert of 100", batched, "ev/s");
        double paged = raw.pagedRead();
        figures.add("raw: paged read of 1,000 + Jackson", paged, "ev/s");

        section("the project: a fresh node on the generated store (start-up, catch-up = full rebuild)");
        resetHeapPeaks();
        Map<String, long[]> accessBefore = tableAccess();
        try (App app = App.start(settings, "app")) {
            figures.add("start-up of a node (context ready)", app.startSeconds, "s");
            catchUp(app, events, batched);
            Thread.sleep(1500); // the server publishes its statistics about once a second
            accessPerThousandEvents(accessBefore, tableAccess(), events);
            figures.add("peak heap during start-up and catch-up", peakHeapMegabytes(), "MB",
                    "within -Xmx of the run (" + maxHeapMegabytes() + " MB)", true);
            replay(app, events, paged);

            section("the project: commands in process (command gateway) and over HTTP (HTTP Basic)");
            CommandGateway gateway = app.bean(CommandGateway.class);
            Load.Result in1 = Load.measure(1, settings.seconds(), (c, i) -> progress(gateway, c));
            compare("command in process, 1 client", in1.perSecond(), "cmd/s", "raw command cycle, 1 client",
                    cycle1.perSecond(), 0.5);
            figures.add("command in process p50, 1 client", in1.p50(), "ms");
            Load.Result in8 = Load.measure(8, settings.seconds(), (c, i) -> progress(gateway, c));
            compare("command in process, 8 clients", in8.perSecond(), "cmd/s", "raw command cycle, 8 clients",
                    cycle8.perSecond(), 0.5);
            figures.add("command in process p50, 8 clients", in8.p50(), "ms");
            Load.Result http1 = Load.measure(1, settings.seconds(), (c, i) -> progressOverHttp(app, c + 10));
            compare("command over HTTP, 1 client", http1.perSecond(), "cmd/s", "raw command cycle, 1 client",
                    cycle1.perSecond(), 0.25);
            figures.add("command over HTTP p50, 1 client", http1.p50(), "ms");
            Load.Result http8 = Load.measure(8, settings.seconds(), (c, i) -> progressOverHttp(app, c + 10));
            compare("command over HTTP, 8 clients", http8.perSecond(), "cmd/s", "raw command cycle, 8 clients",
                    cycle8.perSecond(), 0.25);
            figures.add("command over HTTP p50, 8 clients", http8.p50(), "ms");

            longHistory(gateway);
            reports(app);
            freshness(app);
        }
        figures.describe("totalSeconds", (System.nanoTime() - t0) / 1e9);
        figures.write(settings.output());
        System.out.println();
        System.out.println("written: " + settings.output().toAbsolutePath());
    }

    // ----------------------------------------------------------------------------------------------------------

    private void describe() throws SQLException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMB", maxHeapMegabytes());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try (Connection connection = DriverManager.getConnection(settings.baseUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("select version()")) {
            version.next();
            machine.put("postgresql", version.getString(1));
        }
        figures.describe("machine", machine);
        figures.describe("eventsAsked", settings.events());
        figures.describe("secondsPerThroughputFigure", settings.seconds());
        System.out.println("benchmark: " + machine);
    }

    private void dropSchemas() throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.baseUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement()) {
            for (String suffix : new String[] {"tpl", "app", "raw"}) {
                statement.execute("drop schema if exists " + settings.schema(suffix) + " cascade");
            }
        }
    }

    private long head() throws SQLException {
        return queryLong("select coalesce(max(global_index), 0) from domain_event_entry");
    }

    private long storeSize() throws SQLException {
        return queryLong("select pg_total_relation_size('domain_event_entry')");
    }

    private Map<String, Long> eventKinds() throws SQLException {
        Map<String, Long> kinds = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(settings.url("app"), settings.user(),
                settings.password()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select payload_type, count(*) from domain_event_entry "
                     + "group by payload_type order by count(*) desc")) {
            while (rows.next()) {
                kinds.put(rows.getString(1).substring(rows.getString(1).lastIndexOf('.') + 1), rows.getLong(2));
            }
        }
        return kinds;
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.url("app"), settings.user(),
                settings.password()); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Per table of the generated schema: scans (sequential + index), rows inserted, updated, deleted. */
    private Map<String, long[]> tableAccess() throws SQLException {
        Map<String, long[]> access = new java.util.TreeMap<>();
        try (Connection connection = DriverManager.getConnection(settings.url("app"), settings.user(),
                settings.password()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0), "
                     + "n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables where schemaname = '"
                     + settings.schema("app") + "'")) {
            while (rows.next()) {
                access.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5)});
            }
        }
        return access;
    }

    /**
     * What the catch-up asked of each table per 1,000 events (the server's own counters): which statements a
     * rebuild spends its time on, without a statement log.
     */
    private void accessPerThousandEvents(Map<String, long[]> before, Map<String, long[]> after, long events) {
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        System.out.println("    table access per 1,000 events during start-up and catch-up "
                + "(scans, inserts, updates, deletes):");
        after.forEach((name, counts) -> {
            long[] earlier = before.getOrDefault(name, new long[4]);
            double scans = (counts[0] - earlier[0]) * 1000.0 / events;
            double inserts = (counts[1] - earlier[1]) * 1000.0 / events;
            double updates = (counts[2] - earlier[2]) * 1000.0 / events;
            double deletes = (counts[3] - earlier[3]) * 1000.0 / events;
            if (scans + inserts + updates + deletes >= 1) {
                System.out.printf(Locale.ROOT, "      %-36s %9.0f %9.0f %9.0f %9.0f%n", name, scans, inserts,
                        updates, deletes);
                table.put(name, Map.of("scans", scans, "inserts", inserts, "updates", updates,
                        "deletes", deletes));
            }
        });
        figures.describe("catchUpTableAccessPer1000Events", table);
    }

    /** Waits until every processing group has reached the head; the time each took is its rebuild time. */
    private void catchUp(App app, long head, double batchedBaseline) throws InterruptedException {
        long t0 = System.nanoTime();
        Map<String, Double> caughtUp = new LinkedHashMap<>();
        long lastReport = t0;
        while (true) {
            Map<String, Long> positions = app.positions();
            double now = (System.nanoTime() - t0) / 1e9;
            positions.forEach((group, position) -> {
                if (position >= head && !caughtUp.containsKey(group)) {
                    caughtUp.put(group, now);
                }
            });
            if (!positions.isEmpty() && caughtUp.keySet().containsAll(positions.keySet())) {
                break;
            }
            if (System.nanoTime() - lastReport > 30e9) {
                lastReport = System.nanoTime();
                System.out.printf(Locale.ROOT, "    %.0f s: %s%n", now, positions);
            }
            if (now > 3600) {
                throw new IllegalStateException("not caught up after an hour: " + positions);
            }
            Thread.sleep(100);
        }
        double all = caughtUp.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double total = app.startSeconds + all;
        if (head >= 1_000_000) {
            figures.add("catch-up of a fresh node: start-up + all groups at head", total, "s", "< 120 s",
                    total < 120);
        } else {
            figures.add("catch-up of a fresh node: start-up + all groups at head", total, "s");
        }
        figures.add("catch-up, scaled to 1,000,000 events", total * 1_000_000.0 / head, "s",
                "< 120 s", total * 1_000_000.0 / head < 120);
        caughtUp.forEach((group, seconds) ->
                figures.add("rebuild (catch-up) of " + group, head / seconds, "ev/s"));
        compare("rebuild of all " + caughtUp.size() + " groups together", head / all, "ev/s",
                "raw batched insert of 100", batchedBaseline, 0.5);
    }

    /** A pooled processor like the projections' (2 segments, batches of 100) with one handler that counts. */
    private void replay(App app, long head, double pagedBaseline) throws InterruptedException {
        AtomicLong counted = new AtomicLong();
        EventMessageHandler counting = event -> {
            event.getPayload(); // deserialised, as any real handler needs it
            counted.incrementAndGet();
            return null;
        };
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("benchmark-counting")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(counting).build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(app.bean(EventStore.class))
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(2)
                .batchSize(100)
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
        long t0 = System.nanoTime();
        processor.start();
        while (counted.get() < head) {
            if ((System.nanoTime() - t0) / 1e9 > 3600) {
                throw new IllegalStateException("replay counted " + counted.get() + " of " + head + " in an hour");
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        processor.shutDown();
        coordinator.shutdownNow();
        workers.shutdownNow();
        compare("replay into a counting handler", head / seconds, "ev/s", "raw paged read + Jackson",
                pagedBaseline, 0.1);
    }

    /** Client c reports progress on an activity of its own plan (copy c + 1 of the template). */
    private static void progress(CommandGateway gateway, int client) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new ReportActivityProgressCommand(
                        new PlanId("b" + (client + 1) + "-plan"), new ActivityId("a" + (client % 3) + "-1"),
                        "Lägesrapport: arbetet går enligt plan.", LocalDate.of(2025, 6, 1)))
                .andMetaData(RecordingMetadata.of("benchmark", "benchmark", null)));
    }

    private static void progressOverHttp(App app, int plan) throws Exception {
        app.post("/api/plans/b" + (plan + 1) + "-plan/activities/a" + (plan % 3) + "-2/progress-reports",
                PROGRESS_BODY);
    }

    /** A command on the plan of 10,000 events against one on a plan of the template's size. */
    private void longHistory(CommandGateway gateway) {
        section("a command on a plan with a long history");
        long first = System.nanoTime();
        send(gateway, Generator.LONG + "plan");
        double firstMs = (System.nanoTime() - first) / 1e6;
        Latencies longPlan = new Latencies();
        Latencies newPlan = new Latencies();
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            send(gateway, Generator.LONG + "plan");
            longPlan.add(System.nanoTime() - t);
            t = System.nanoTime();
            send(gateway, "b19-plan");
            newPlan.add(System.nanoTime() - t);
        }
        figures.add("first command on the plan of 10,000 events", firstMs, "ms");
        double ratio = longPlan.percentileMillis(50) / newPlan.percentileMillis(50);
        figures.add(new Figures.Figure("command on a plan of 10,000 events, p50", longPlan.percentileMillis(50),
                "ms", "same command on a plan of the template's size, p50", newPlan.percentileMillis(50), ratio,
                "<= 2x", ratio <= 2.0));
    }

    private static void send(CommandGateway gateway, String plan) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new ReportActivityProgressCommand(
                        new PlanId(plan), new ActivityId("a0-0"), "Lägesrapport.", LocalDate.of(2025, 6, 1)))
                .andMetaData(RecordingMetadata.of("benchmark", "benchmark", null)));
    }

    private void reports(App app) throws Exception {
        section("report latency, idle and under command load (8 HTTP clients)");
        String goals = "/api/plans/b9-plan/reports/yearly-goals?year=2025";
        String statistics = "/api/reports/procurement";
        // the first read of the report in the run is timed by itself; then each is read WARM_UP times unmeasured,
        // so that the figures are those of a server that has been answering for a while (its code compiled by the
        // JIT), as the targets mean; without it the first hundreds of reads dominate the percentiles
        long cold = System.nanoTime();
        app.get(goals);
        figures.add("yearly-goal report, first read (before the warm-up)", (System.nanoTime() - cold) / 1e6, "ms");
        timed(app, goals, WARM_UP);
        timed(app, statistics, WARM_UP);
        Latencies goalsIdle = timed(app, goals, 200);
        // the same report asked as of a different moment each time (after every recorded fact, so the same rows):
        // never a kept report, always read and folded from its facts, as the first read after a new fact is
        Latencies goalsFolded = new Latencies();
        java.time.Instant asOf = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < 50; i++) {
            long t = System.nanoTime();
            app.get(goals + "&asOf=" + asOf.minusMillis(i + 1));
            goalsFolded.add(System.nanoTime() - t);
        }
        Latencies statisticsIdle = timed(app, statistics, 50);
        Load load = Load.start(8, (c, i) -> progressOverHttp(app, c + 20));
        Latencies goalsLoaded;
        Latencies statisticsLoaded;
        try {
            Thread.sleep(2000);
            goalsLoaded = timed(app, goals, 100);
            statisticsLoaded = timed(app, statistics, 30);
        } finally {
            load.stop();
        }
        latency("yearly-goal report", goalsIdle, goalsLoaded, 10, 50, 100);
        figures.add("yearly-goal report folded anew (asOf), p50, idle", goalsFolded.percentileMillis(50), "ms");
        figures.add("yearly-goal report folded anew (asOf), p95, idle", goalsFolded.percentileMillis(95), "ms");
        latency("statistics (procurement)", statisticsIdle, statisticsLoaded, null, null, null);
    }

    private void latency(String name, Latencies idle, Latencies loaded, Integer p50Target, Integer p99Target,
                         Integer loadedP95Target) {
        double p50 = idle.percentileMillis(50);
        double p99 = idle.percentileMillis(99);
        double loadedP95 = loaded.percentileMillis(95);
        if (p50Target != null) {
            figures.add(name + " p50, idle", p50, "ms", "< " + p50Target + " ms", p50 < p50Target);
        } else {
            figures.add(name + " p50, idle", p50, "ms");
        }
        figures.add(name + " p95, idle", idle.percentileMillis(95), "ms");
        if (p99Target != null) {
            figures.add(name + " p99, idle", p99, "ms", "< " + p99Target + " ms", p99 < p99Target);
        } else {
            figures.add(name + " p99, idle", p99, "ms");
        }
        figures.add(name + " p50, under load", loaded.percentileMillis(50), "ms");
        if (loadedP95Target != null) {
            figures.add(name + " p95, under load", loadedP95, "ms", "< " + loadedP95Target + " ms",
                    loadedP95 < loadedP95Target);
        } else {
            figures.add(name + " p95, under load", loadedP95, "ms");
        }
        figures.add(name + " p99, under load", loaded.percentileMillis(99), "ms");
    }

    /** Reads of each report before its latency is measured (see {@link #reports}). */
    private static final int WARM_UP = 500;

    private static Latencies timed(App app, String path, int times) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            app.get(path);
            latencies.add(System.nanoTime() - t);
        }
        return latencies;
    }

    /** From the acknowledged command (a goal outcome) to the yearly-goal report that shows it. */
    private void freshness(App app) throws Exception {
        section("freshness: acknowledged command to report");
        Latencies freshness = new Latencies();
        String report = "/api/plans/b20-plan/reports/yearly-goals?year=2025";
        for (int i = 0; i < 30; i++) {
            String value = String.valueOf(7_000_000 + i * 13);
            app.post("/api/plans/b20-plan/goals/g1/outcomes", "{\"value\": " + value
                    + ", \"source\": \"Mätning av färskhet\", \"occurredOn\": \"2025-06-30\"}");
            long acknowledged = System.nanoTime();
            while (!app.get(report).contains(value)) {
                if (System.nanoTime() - acknowledged > 60e9) {
                    throw new IllegalStateException("the report did not show outcome " + value + " within 60 s");
                }
                Thread.sleep(2);
            }
            freshness.add(System.nanoTime() - acknowledged);
        }
        figures.add("freshness p50 (acknowledged command to report)", freshness.percentileMillis(50), "ms");
        figures.add("freshness p95", freshness.percentileMillis(95), "ms", "< 500 ms",
                freshness.percentileMillis(95) < 500);
    }

    private void compare(String name, double value, String unit, String baselineName, double baseline,
                         double targetRatio) {
        figures.add(name, value, unit, baselineName, baseline, ">= " + Math.round(targetRatio * 100) + " %",
                baseline > 0 && value / baseline >= targetRatio);
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static long maxHeapMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
