package se.asfplan.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

import se.asfplan.web.TrackerApplication;

/**
 * The command line imports plan files into the configured database, PostgreSQL or the embedded H2 default,
 * refuses a second import and a broken file without recording anything, and says what it did.
 */
class TrackerCliIT {

    private static final String POSTGRES = System.getenv().getOrDefault("TEST_DATABASE_BASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String POSTGRES_USER = System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres");
    private static final String SCHEMA = System.getenv().getOrDefault("TEST_DATABASE_SCHEMA", "asf_tracker_it")
            + "_cli";

    @TempDir
    Path work;

    @Test
    void importsPlanFilesIntoPostgres() throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        String url = POSTGRES + "?currentSchema=" + SCHEMA;
        Map<String, String> database = Map.of("spring.datasource.url", url, "spring.datasource.username",
                POSTGRES_USER, "spring.flyway.schemas", SCHEMA);

        Result stockholm = run(database, "import-plan", copy("plans/stockholm-asf-2021.yaml").toString(),
                "--user", "cli:registrator");
        assertThat(stockholm.exitCode()).as(stockholm.errors()).isZero();
        assertThat(stockholm.output()).contains("Imported plan stockholm-asf-2021", "3 areas, 40 activities, 0 goals");

        Result exempel = run(database, "import-plan", copy("plans/exempelkommun-2018-2020.json").toString());
        assertThat(exempel.exitCode()).as(exempel.errors()).isZero();
        assertThat(exempel.output()).contains("2 areas, 5 activities, 4 goals");

        try (Connection connection = DriverManager.getConnection(url, POSTGRES_USER, "")) {
            assertThat(count(connection, "stockholm-asf-2021")).isEqualTo(44);
            assertThat(count(connection, "exempelkommun-2018-2020")).isEqualTo(1 + 2 + 5 + 4);
            assertThat(metaData(connection, "stockholm-asf-2021"))
                    .allSatisfy(meta -> assertThat(meta).contains("\"recordedBy\":\"cli:registrator\"",
                            "\"recordedVia\":\"command-line\""));

            Result again = run(database, "import-plan", copy("plans/stockholm-asf-2021.yaml").toString());
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.errors()).contains("plan-can-be-adopted-once", "nothing was recorded");
            assertThat(count(connection, "stockholm-asf-2021")).isEqualTo(44);
        }
    }

    @Test
    void importsIntoTheEmbeddedDefaultAndRefusesABrokenFile() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("db/tracker") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;USER=sa;PASSWORD=";
        Map<String, String> database = Map.of("spring.datasource.url", url);

        Path broken = work.resolve("broken.yaml");
        Files.writeString(broken, "format: action-plan/v1\nid: trasig\ntitle: T\n", StandardCharsets.UTF_8);
        Result refused = run(database, "import-plan", broken.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errors()).contains("nothing was recorded", "municipality: must be given",
                "adopted: must be given", "period: must be given", "areas: must list at least one area");

        Result ongoing = run(database, "import-plan", copy("plans/ongoing-plan.yaml").toString());
        assertThat(ongoing.exitCode()).as(ongoing.errors()).isZero();
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(count(connection, "ongoing-plan")).isEqualTo(1 + 1 + 2);
            assertThat(count(connection, "trasig")).isZero();
        }
    }

    @Test
    void rebuildsTheStatisticsIntoANewGenerationAndSwitchesOrLeavesItBeside() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("db/rebuild") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;USER=sa;PASSWORD=";
        Map<String, String> database = Map.of("spring.datasource.url", url);
        Result imported = run(database, "import-plan", copy("plans/stockholm-asf-2021.yaml").toString());
        assertThat(imported.exitCode()).as(imported.errors()).isZero();

        Result switched = run(database, "rebuild-projection", "statistics", "--interval", "1");
        assertThat(switched.exitCode()).as(switched.errors()).isZero();
        assertThat(switched.output()).contains("Rebuilding statistics into generation 2; generation 1 keeps answering",
                "100.0 %", "time left", "Switched statistics to generation 2");

        Result beside = run(database, "rebuild-projection", "statistics", "--no-switch", "--interval", "1");
        assertThat(beside.exitCode()).as(beside.errors()).isZero();
        assertThat(beside.output()).contains("Rebuilding statistics into generation 3; generation 2 keeps answering",
                "Generation 3 of statistics has caught up");
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select active_generation, rebuilding_generation "
                     + "from projection_generation where processing_group = 'statistics'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getInt(2)).isEqualTo(3);
        }

        Result again = run(database, "rebuild-projection", "statistics");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errors()).contains("a rebuild of statistics is already under way (generation 3)");
        Result unknown = run(database, "rebuild-projection", "no-such-group");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errors()).contains("processing group must be one with generations, one of [",
                "statistics", "plan-view", "but was 'no-such-group'");

        // a state projection too: the plan's areas and activities are rebuilt into generation 2
        Result plans = run(database, "rebuild-projection", "plan-view", "--interval", "1");
        assertThat(plans.exitCode()).as(plans.errors()).isZero();
        assertThat(plans.output()).contains("Rebuilding plan-view into generation 2; generation 1 keeps answering",
                "Switched plan-view to generation 2");
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select g.active_generation, (select count(*) "
                     + "from plan_activity_view a where a.generation = g.active_generation) "
                     + "from projection_generation g where g.processing_group = 'plan-view'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getInt(2)).isEqualTo(40);
        }
    }

    @Test
    void rebuildsTheFollowUpAndGoalReportFactsIntoANewGenerationAndSwitches() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("db/rebuild-facts") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;USER=sa;PASSWORD=";
        Map<String, String> database = Map.of("spring.datasource.url", url);
        Result imported = run(database, "import-plan", copy("plans/stockholm-asf-2021.yaml").toString());
        assertThat(imported.exitCode()).as(imported.errors()).isZero();

        for (String group : List.of("activity-followup", "goal-report")) {
            Result switched = run(database, "rebuild-projection", group, "--interval", "1");
            assertThat(switched.exitCode()).as(switched.errors()).isZero();
            assertThat(switched.output()).contains("Rebuilding " + group + " into generation 2; generation 1 keeps "
                    + "answering", "100.0 %", "Switched " + group + " to generation 2");
        }
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from activity_followup_fact where generation = 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the plan's facts, rebuilt").isEqualTo(1 + 3 + 40);
        }
    }

    /**
     * On the embedded default (H2, which has no append-only triggers): the log of an imported plan verifies, with a
     * progress bar; its export verifies with verify-export and with the Python script of docs/auditing.md as it
     * stands there; an export changed afterwards, or a checkpoint that disagrees, does not; and a payload changed
     * in the database is reported by verify-log at its position.
     */
    @Test
    void verifiesTheLogAndItsExportAndFindsAChange() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("db/chain") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;USER=sa;PASSWORD=";
        Map<String, String> database = Map.of("spring.datasource.url", url);
        Result imported = run(database, "import-plan", copy("plans/stockholm-asf-2021.yaml").toString());
        assertThat(imported.exitCode()).as(imported.errors()).isZero();

        Result verified = run(database, "verify-log", "--user", "cli:revisor");
        assertThat(verified.exitCode()).as(verified.output() + verified.errors()).isZero();
        assertThat(verified.output()).contains("Verified 44 events and 44 chain rows", "PASSED: no break");
        assertThat(verified.errors()).contains("verify-log [", "events/s", "time left", "100.0 %");

        Path export = work.resolve("log.jsonl");
        Result exported = run(database, "export-log", export.toString());
        assertThat(exported.exitCode()).as(exported.errors()).isZero();
        assertThat(exported.errors()).contains("Wrote 44 events");
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(45);
        String head = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(44)).path("link").asText();

        Result checked = run(Map.of(), "verify-export", export.toString(), "--checkpoint", "44:" + head);
        assertThat(checked.exitCode()).as(checked.output() + checked.errors()).isZero();
        assertThat(checked.output()).contains("44 events", "PASSED");
        Path script = documentedScript();
        Script python = python(script, export.toString(), "44:" + head);
        assertThat(python.exitCode()).as(python.output()).isZero();
        assertThat(python.output()).contains("44 events, head at position 44, link " + head, "PASSED");

        Result otherHead = run(Map.of(), "verify-export", export.toString(), "--checkpoint", "44:" + "0".repeat(64));
        assertThat(otherHead.exitCode()).isEqualTo(1);
        assertThat(python(script, export.toString(), "44:" + "0".repeat(64)).exitCode()).isEqualTo(1);

        // the export changed afterwards: the 10th event's payload
        Path changed = work.resolve("changed.jsonl");
        List<String> edited = new ArrayList<>(lines);
        assertThat(edited.get(10)).contains("\"position\":10,");
        edited.set(10, edited.get(10).replace("\"payload\":\"{", "\"payload\":\"{ "));
        assertThat(edited.get(10)).isNotEqualTo(lines.get(10));
        Files.write(changed, edited, StandardCharsets.UTF_8);
        Result broken = run(Map.of(), "verify-export", changed.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.output()).contains("BROKEN: 1 problem(s)", "position 10: the link recomputed is");
        Script pythonBroken = python(script, changed.toString());
        assertThat(pythonBroken.exitCode()).isEqualTo(1);
        assertThat(pythonBroken.output()).contains("position 10: link", "BROKEN: 1 problem(s)");

        // and changed in the database itself
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("update domain_event_entry set meta_data = cast(replace(cast(meta_data as "
                    + "varchar), 'command-line', 'rest-api') as binary varying) where global_index = 7");
        }
        Result tampered = run(database, "verify-log");
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.output()).contains("BROKEN: 1 break(s)", "position 7  CHANGED_METADATA");
    }

    @Test
    void listsRetriesAndEvictsDeadLettersNamingWhatIsWrong() throws Exception {
        String schema = SCHEMA + "dl";
        try (Connection connection = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        Map<String, String> database = Map.of("spring.datasource.url", POSTGRES + "?currentSchema=" + schema,
                "spring.datasource.username", POSTGRES_USER, "spring.flyway.schemas", schema);

        Result listed = run(database, "dead-letters", "plan-view");
        assertThat(listed.exitCode()).as(listed.errors()).isZero();
        assertThat(listed.output()).contains("plan-view: 0 parked");

        Result retried = run(database, "retry-dead-letters", "plan-view");
        assertThat(retried.exitCode()).as(retried.errors()).isZero();
        assertThat(retried.output()).contains("plan-view: 0 parked before, 0 after");

        Result unknownGroup = run(database, "retry-dead-letters", "no-such-group");
        assertThat(unknownGroup.exitCode()).isEqualTo(1);
        assertThat(unknownGroup.errors()).contains("no-such-group");

        Result noReason = run(database, "evict-dead-letter", "plan-view", "some-event", "--reason", " ");
        assertThat(noReason.exitCode()).isEqualTo(1);
        assertThat(noReason.errors()).contains("reason must not be blank", "nothing was evicted");

        Result notParked = run(database, "evict-dead-letter", "plan-view", "some-event", "--reason", "test");
        assertThat(notParked.exitCode()).isEqualTo(1);
        assertThat(notParked.errors()).contains("has no parked event some-event");
    }

    @Test
    void checksAFileWithoutRecordingIt() throws Exception {
        Result checked = run(Map.of(), "check-plan", copy("plans/stockholm-asf-2021.yaml").toString());
        assertThat(checked.exitCode()).isZero();
        assertThat(checked.output()).contains("valid plan file", "3 areas, 40 activities, 0 goals");
    }

    private Path copy(String resource) throws IOException {
        Path target = work.resolve(Path.of(resource).getFileName());
        Files.write(target, new ClassPathResource(resource).getContentAsByteArray());
        return target;
    }

    private static long count(Connection connection, String aggregate) throws SQLException {
        try (var statement = connection.prepareStatement(
                "select count(*) from domain_event_entry where aggregate_identifier = ?")) {
            statement.setString(1, aggregate);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> metaData(Connection connection, String aggregate) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var statement = connection.prepareStatement(
                "select meta_data from domain_event_entry where aggregate_identifier = ?")) {
            statement.setString(1, aggregate);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static synchronized Result run(Map<String, String> properties, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        properties.forEach(System::setProperty);
        try {
            System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            int exitCode = TrackerCli.run(TrackerApplication.class, args);
            return new Result(exitCode, output.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            properties.keySet().forEach(System::clearProperty);
        }
    }

    private record Result(int exitCode, String output, String errors) {
    }

    private record Script(int exitCode, String output) {
    }

    /** The Python script of docs/auditing.md, as it stands there, written to a file. */
    private Path documentedScript() throws IOException {
        Path doc = Path.of(System.getProperty("basedir", ".")).resolve("../docs/auditing.md").normalize();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int marker = text.indexOf("<!-- verify-export.py");
        assertThat(marker).as("docs/auditing.md marks the export script").isPositive();
        int start = text.indexOf("```python\n", marker) + "```python\n".length();
        int end = text.indexOf("\n```", start);
        Path script = work.resolve("verify_export.py");
        Files.writeString(script, text.substring(start, end + 1), StandardCharsets.UTF_8);
        return script;
    }

    private static Script python(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Script(process.waitFor(), output);
    }
}
