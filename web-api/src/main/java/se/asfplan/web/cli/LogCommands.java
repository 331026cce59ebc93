package se.asfplan.web.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.asfplan.infra.chain.ChainBreak;
import se.asfplan.infra.chain.ChainVerifications;
import se.asfplan.infra.chain.CheckpointSigner;
import se.asfplan.infra.chain.EventChainVerifier;
import se.asfplan.infra.chain.EventChainVerifier.Report;
import se.asfplan.infra.chain.EventChainVerifier.SuppliedCheckpoint;
import se.asfplan.infra.chain.EventLogExport;

/** The command-line commands for the event log's hash chain: verify, export, check an export, make a key. */
final class LogCommands {

    private LogCommands() {
    }

    /**
     * A checkpoint given on the command line: {@code POSITION:HEAD}, or a file holding one checkpoint as the API
     * answers it (or the whole list; the last is used).
     */
    static SuppliedCheckpoint checkpoint(String given) throws IOException {
        if (given == null) {
            return null;
        }
        if (given.matches("\\d+:[0-9a-f]{64}")) {
            int colon = given.indexOf(':');
            return new SuppliedCheckpoint(Long.parseLong(given.substring(0, colon)), given.substring(colon + 1));
        }
        Path file = Path.of(given);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("--checkpoint must be POSITION:HEAD (64 lowercase hex digits) or a "
                    + "readable file with a checkpoint, but was '" + given + "'");
        }
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        if (json.isArray() && !json.isEmpty()) {
            json = json.get(json.size() - 1);
        }
        if (!json.path("position").canConvertToLong() || !json.path("head").isTextual()) {
            throw new IllegalArgumentException("--checkpoint file " + file + " has no position and head");
        }
        return new SuppliedCheckpoint(json.path("position").asLong(), json.path("head").asText());
    }

    /** A progress bar on stderr, redrawn at most five times a second, with events/s and the time left. */
    static final class ProgressBar implements EventChainVerifier.Progress {
        private final PrintStream err;
        private final String what;
        private final long started = System.nanoTime();
        private long drawn;

        ProgressBar(PrintStream err, String what) {
            this.err = err;
            this.what = what;
        }

        @Override
        public void at(long read, long total, long position) {
            long now = System.nanoTime();
            if (now - drawn < 200_000_000L && read < total) {
                return;
            }
            drawn = now;
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            double rate = read / seconds;
            double fraction = total == 0 ? 1 : Math.min(1, (double) read / total);
            int filled = (int) Math.round(fraction * 30);
            String left = rate <= 0 ? "?" : Math.round((total - read) / rate) + " s";
            err.printf(Locale.ROOT, "\r%s [%s%s] %5.1f %% %,d of %,d events  %,.0f events/s  time left %s   ", what,
                    "#".repeat(filled), ".".repeat(30 - filled), fraction * 100, read, total, rate, left);
            err.flush();
        }

        void done() {
            err.println();
        }
    }

    @Command(name = "verify-log", mixinStandardHelpOptions = true,
            description = "Verify the hash chain over the whole event log (read from the service's database) against "
                    + "the stored chain, the signed checkpoints and, with --checkpoint, one you kept; list every "
                    + "break with its position and kind. Exit status 0: no break; 1: breaks; 2: could not verify.")
    static class VerifyLog implements Callable<Integer> {

        @ParentCommand
        TrackerCli cli;

        @Option(names = "--checkpoint", paramLabel = "POSITION:HEAD|FILE",
                description = "a checkpoint you kept: POSITION:HEAD, or a file downloaded from /api/log/checkpoints")
        String checkpoint;

        @Option(names = "--user", description = "who runs it, as recorded with the verification "
                + "(default: cli:<operating-system user>)")
        String user = "cli:" + System.getProperty("user.name", "unknown");

        @Override
        public Integer call() throws IOException {
            SuppliedCheckpoint supplied;
            try {
                supplied = checkpoint(checkpoint);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            try (ConfigurableApplicationContext context = cli.context()) {
                ProgressBar bar = new ProgressBar(System.err, "verify-log");
                Report report;
                try {
                    report = context.getBean(ChainVerifications.class).runHere(user, supplied, bar);
                } catch (RuntimeException e) {
                    bar.done();
                    System.err.println("Could not verify the log: " + e.getMessage());
                    return 2;
                }
                bar.done();
                print(report);
                return report.passed() ? 0 : 1;
            }
        }

        static void print(Report report) {
            double seconds = Math.max(1e-3, report.took().toMillis() / 1000.0);
            System.out.printf(Locale.ROOT, "Verified %,d events and %,d chain rows up to position %s in %.1f s "
                            + "(%,.0f events/s); %d stored checkpoint(s) compared%n", report.events(),
                    report.chainRows(), report.head() == null ? "-" : report.head(), seconds,
                    report.chainRows() / seconds, report.checkpoints());
            if (report.suppliedCheckpoint() != null) {
                System.out.printf("Your checkpoint at position %d %s%n", report.suppliedCheckpoint().position(),
                        Boolean.TRUE.equals(report.suppliedMatches()) ? "matches" : "does NOT match");
            }
            System.out.printf("Head: position %s, link %s%n", report.head() == null ? "-" : report.head(),
                    report.headLink());
            if (report.passed()) {
                System.out.println("PASSED: no break");
                return;
            }
            System.out.printf("BROKEN: %d break(s)%n", report.breakCount());
            for (ChainBreak b : report.breaks()) {
                System.out.printf("  position %d  %-19s %s%s%n", b.position(), b.kind(),
                        b.eventId() == null ? "" : "event " + b.eventId() + ": ", b.detail());
            }
            if (report.breakCount() > report.breaks().size()) {
                System.out.printf("  ... and %d more%n", report.breakCount() - report.breaks().size());
            }
        }
    }

    @Command(name = "export-log", mixinStandardHelpOptions = true,
            description = "Write the whole event log as JSON Lines (a header with the chain's head, then every event "
                    + "with its chain link) to FILE, showing the progress; check it with verify-export.")
    static class ExportLog implements Callable<Integer> {

        @ParentCommand
        TrackerCli cli;

        @Parameters(paramLabel = "FILE", description = "where to write (- for standard output)")
        String file;

        @Override
        public Integer call() throws IOException {
            try (ConfigurableApplicationContext context = cli.context();
                 OutputStream out = "-".equals(file) ? nonClosing(System.out)
                         : new java.io.BufferedOutputStream(Files.newOutputStream(Path.of(file)), 1 << 16)) {
                ProgressBar bar = new ProgressBar(System.err, "export-log");
                long written = context.getBean(EventLogExport.class).export(out, bar);
                bar.done();
                System.err.printf("Wrote %,d events to %s%n", written, file);
                return 0;
            }
        }

        private static OutputStream nonClosing(PrintStream stdout) {
            return new java.io.FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) {
                    stdout.write(b, off, len);
                }

                @Override
                public void close() {
                    stdout.flush();
                }
            };
        }
    }

    @Command(name = "verify-export", mixinStandardHelpOptions = true,
            description = "Check an export file (export-log, or GET /api/log/export) on its own, without the database: "
                    + "recompute every link and compare it with the file's and, with --checkpoint, with one you "
                    + "kept. Exit status 0: it verifies; 1: it does not; 2: cannot read it.")
    static class VerifyExport implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "the export file (JSON Lines)")
        Path file;

        @Option(names = "--checkpoint", paramLabel = "POSITION:HEAD|FILE",
                description = "a checkpoint you kept: POSITION:HEAD, or a file downloaded from /api/log/checkpoints")
        String checkpoint;

        @Override
        public Integer call() throws IOException {
            if (!Files.isReadable(file)) {
                System.err.println("Cannot read " + file);
                return 2;
            }
            SuppliedCheckpoint supplied;
            try {
                supplied = checkpoint(checkpoint);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            EventLogExport.FileCheck check;
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                check = EventLogExport.check(in, supplied);
            } catch (IOException | RuntimeException e) {
                System.err.println(file + " is no readable export: " + e.getMessage());
                return 2;
            }
            System.out.printf(Locale.ROOT, "%s: %,d events, head at position %s, last link %s%n", file,
                    check.events(), check.head() == null ? "-" : check.head(), check.headLink());
            if (check.passed()) {
                System.out.println("PASSED: every link follows from its predecessor and its event");
                return 0;
            }
            System.out.printf("BROKEN: %d problem(s)%n", check.problems().size());
            check.problems().forEach(problem -> System.out.println("  " + problem));
            return 1;
        }
    }

    @Command(name = "generate-signing-key", mixinStandardHelpOptions = true,
            description = "Print a new Ed25519 key pair for signing the log's checkpoints, as the two environment "
                    + "variables TRACKER_AUDIT_SIGNING_KEY and TRACKER_AUDIT_SIGNING_PUBLIC_KEY. Keep the private key "
                    + "secret; give the public key to the auditors.")
    static class GenerateSigningKey implements Callable<Integer> {

        @Override
        public Integer call() {
            CheckpointSigner signer = CheckpointSigner.generate();
            System.out.println("TRACKER_AUDIT_SIGNING_KEY=" + signer.privateKeyBase64());
            System.out.println("TRACKER_AUDIT_SIGNING_PUBLIC_KEY=" + signer.publicKeyBase64());
            System.err.println("Key id " + signer.keyId());
            return 0;
        }
    }
}
