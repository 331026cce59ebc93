package se.asfplan.web.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import se.asfplan.infra.chain.EventChainVerifier;
import se.asfplan.infra.chain.EventLogExport;

/**
 * Not a timed test: run by {@code scripts/verify-benchmark} only (it sets {@code VERIFY_BENCHMARK_EVENTS}). Writes that
 * many events through the service's storage engine (chained as in production) into a PostgreSQL schema of its own,
 * then verifies the chain, exports the log and checks the export, and prints the rate of each.
 */
@EnabledIfEnvironmentVariable(named = "VERIFY_BENCHMARK_EVENTS", matches = "\\d+")
class VerifyBenchmarkIT {

    @Test
    void printsTheVerifyRate() throws Exception {
        long events = Long.parseLong(System.getenv("VERIFY_BENCHMARK_EVENTS"));
        boolean reuse = "1".equals(System.getenv("VERIFY_BENCHMARK_REUSE"));
        try (ChainedLog log = new ChainedLog("_verify_bench", reuse)) {
            long held = log.jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            long started = System.nanoTime();
            for (long done = held; done < events; done += 100_000) {
                log.write(Math.min(100_000, events - done), 1_000);
                print("written %,d events (%,.0f events/s)", Math.min(events, done + 100_000),
                        (Math.min(events, done + 100_000) - held) / seconds(started));
            }
            double writing = seconds(started);
            long written = events - held;
            log.jdbc.execute("analyze domain_event_entry");
            log.jdbc.execute("analyze event_chain");
            log.checkpoints.checkpointIfDue(true);

            started = System.nanoTime();
            EventChainVerifier.Report report = log.verifier.verify(null, EventChainVerifier.Progress.NONE);
            double verifying = seconds(started);
            assertThat(report.breaks()).isEmpty();
            assertThat(report.events()).isEqualTo(events);

            Path file = Files.createTempFile("verify-benchmark", ".jsonl");
            try {
                started = System.nanoTime();
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    new EventLogExport(log.jdbc).export(out, EventChainVerifier.Progress.NONE);
                }
                double exporting = seconds(started);
                started = System.nanoTime();
                EventLogExport.FileCheck check;
                try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    check = EventLogExport.check(in, null);
                }
                double checking = seconds(started);
                assertThat(check.problems()).isEmpty();
                print("VERIFY BENCHMARK over %,d events (PostgreSQL, schema %s):", events, log.schema);
                if (written > 0) {
                    print("  write through the storage engine, chained: %8.1f s  %,10.0f events/s", writing,
                            written / writing);
                }
                print("  verify-log (chain, checkpoints):            %8.1f s  %,10.0f events/s", verifying,
                        events / verifying);
                print("  export-log (JSON Lines, %,d MB):            %8.1f s  %,10.0f events/s",
                        Files.size(file) >> 20, exporting, events / exporting);
                print("  verify-export:                              %8.1f s  %,10.0f events/s", checking,
                        events / checking);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
