package se.asfplan.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;

/**
 * Makes a history of about {@code events} events of the project's real kinds quickly.
 * <p>
 * First a template is recorded through the real API, in a schema of its own ({@link #recordTemplate}): a plan file
 * imported (areas, activities, goals, the parties it names), its activities started and reported on, a goal
 * outcome, enterprises registered and invited, joined, advised and taking part, meetings, direct awards and an
 * announced procurement in lots. Every id of the template begins with {@value #TEMPLATE}; the parties the import
 * registered do not. The stored rows are then bulk-copied into a schema that Flyway has just created
 * ({@link #cloneInto}): the shared rows (parties) once, the template once as recorded, and then as many copies as
 * make up the count, each with its ids renamed ({@code b<k>-}) and its organisation numbers replaced by new valid
 * ones; event identifiers are new. The command side's own tables (the enterprise register, the procurement facts,
 * the party names) get the same rows, renamed alike, so the copy is what the commands would have written. Last
 * comes one plan with a long history ({@value #LONG}plan): the template plan's events and then progress reports up
 * to {@link #LONG_HISTORY} events.
 */
final class Generator {

    static final String TEMPLATE = "bx0-";
    static final String LONG = "blong-";
    static final int LONG_HISTORY = 10_000;
    static final int ENTERPRISES = 5;
    /** The tables the command side writes beside the events (infra's migrations). */
    private static final List<String> COMMAND_SIDE_TABLES = List.of("party_name", "enterprise_register",
            "reserved_welfare_award", "reserved_welfare_award_service", "direct_award_entry",
            "procurement_fact_lock");
    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    record Row(String eventIdentifier, String aggregate, long sequence, String type, String timeStamp,
               String payloadType, String payloadRevision, String payload, String metaData) {
    }

    record Generated(long events, int copies, int templateEvents, int sharedEvents, int planEvents,
                     List<Raw.Sample> mix, Raw.Sample command) {
    }

    private final Settings settings;

    Generator(Settings settings) {
        this.settings = settings;
    }

    // ----------------------------------------------------------------------------------------------------------
    // The template, recorded through the API
    // ----------------------------------------------------------------------------------------------------------

    void recordTemplate(App app) throws Exception {
        StringBuilder areas = new StringBuilder();
        List<String> activities = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            StringBuilder acts = new StringBuilder();
            for (int b = 0; b < 6; b++) {
                String id = "a" + a + "-" + b;
                activities.add(id);
                acts.append(acts.isEmpty() ? "" : ",").append("""
                        {"id": "%s", "kind": "%s", "title": "Aktivitet %d.%d", "lead": "%s",
                         "timeline": {"from": 2024, "to": 2026}}""".formatted(id,
                        b % 3 == 0 ? "larger-step" : "activity", a, b,
                        b % 2 == 0 ? "Socialförvaltningen" : "Upphandlingsenheten"));
            }
            areas.append(areas.isEmpty() ? "" : ",").append("""
                    {"id": "area-%d", "name": "Område %d", "activities": [%s]}""".formatted(a, a, acts));
        }
        String plan = TEMPLATE + "plan";
        app.post("/api/plans/import", """
                {"format": "action-plan/v1", "id": "%s", "title": "Handlingsplan för ASF",
                 "municipality": "Testby kommun", "adopted": {"on": "2024-01-15", "body": "Kommunstyrelsen"},
                 "period": {"from": 2024, "to": 2026}, "areas": [%s],
                 "goals": [{"id": "g0", "year": 2025, "kind": "count", "measure": "business-advice-to-asf",
                            "indicator": "Antal ASF som fått affärsrådgivning", "comparator": "at-least",
                            "target": 5, "unit": "st", "decision": {"body": "Kommunstyrelsen"}},
                           {"id": "g1", "year": 2025, "kind": "manual", "indicator": "Antal nya arbetstillfällen",
                            "comparator": "at-least", "target": 3, "unit": "st",
                            "decision": {"body": "Kommunstyrelsen"}}]}""".formatted(plan, areas));
        for (String activity : activities) {
            app.post("/api/plans/" + plan + "/activities/" + activity + "/start", "{\"occurredOn\": \"2024-02-01\"}");
        }
        for (int round = 0; round < 2; round++) {
            for (String activity : activities) {
                app.post("/api/plans/" + plan + "/activities/" + activity + "/progress-reports", """
                        {"note": "Lägesrapport %d: arbetet går enligt plan, två möten hållna med förvaltningen.",
                         "occurredOn": "2024-0%d-15"}""".formatted(round + 1, round + 4));
            }
        }
        app.post("/api/plans/" + plan + "/goals/g1/outcomes",
                "{\"value\": 2, \"source\": \"Uppföljning av förvaltningen\", \"occurredOn\": \"2025-06-30\"}");
        for (int e = 0; e < ENTERPRISES; e++) {
            String enterprise = "/api/enterprises/" + TEMPLATE + "e" + e;
            app.post("/api/enterprises", """
                    {"enterpriseId": "%se%d", "name": "Företag %d i Testby", "organisationNumber": "%s",
                     "legalForm": "%s", "municipality": "Stockholm", "district": "Farsta",
                     "criteria": {"integrationPurpose": true, "employeeParticipation": true,
                                  "profitsReinvested": true, "independentOfPublicSector": true},
                     "occurredOn": "2024-01-20"}""".formatted(TEMPLATE, e, e, organisationNumber(0, e),
                    e % 2 == 0 ? "AKTIEBOLAG" : "EKONOMISK_FORENING"));
            app.post(enterprise + "/integrationspakten/invitations", "{\"occurredOn\": \"2024-03-01\"}");
            app.post(enterprise + "/integrationspakten/membership",
                    "{\"level\": \"member\", \"occurredOn\": \"2024-04-01\"}");
            app.post(enterprise + "/business-advice",
                    "{\"provider\": \"SBR\", \"hours\": 2.5, \"occurredOn\": \"2024-05-01\"}");
            app.post(enterprise + "/event-participations",
                    "{\"kind\": \"TENDER_SCHOOL\", \"eventName\": \"Anbudsskola\", \"occurredOn\": \"2024-05-20\"}");
        }
        for (int m = 0; m < 2; m++) {
            app.post("/api/meetings", """
                    {"meetingId": "%sm%d", "kind": "DIALOGUE_FORUM", "title": "Dialogforum", "organiser":
                     "Stadsledningskontoret", "participants": ["%se0", "%se1"], "occurredOn": "2024-0%d-10"}"""
                    .formatted(TEMPLATE, m, TEMPLATE, TEMPLATE, m + 5));
        }
        for (int p = 0; p < 2; p++) {
            String id = TEMPLATE + "pd" + p;
            app.post("/api/procurements", """
                    {"procurementId": "%s", "stage": "PLANNED", "authority": "Socialnämnden", "subject": "Städning",
                     "cpvCodes": ["90910000-9"], "procedure": "DIRECT_AWARD", "occurredOn": "2024-03-01"}"""
                    .formatted(id));
            app.post("/api/procurements/" + id + "/award", """
                    {"supplier": {"organisationNumber": "%s"}, "value": 40000,
                     "contractPeriod": {"from": "2024-08-01", "to": "2024-12-31"}, "purchaseKind": "städning",
                     "occurredOn": "2024-07-01"}""".formatted(organisationNumber(0, p)));
        }
        String announced = TEMPLATE + "pa0";
        app.post("/api/procurements", """
                {"procurementId": "%s", "stage": "ANNOUNCED", "authority": "Socialnämnden", "subject": "Catering",
                 "cpvCodes": ["55520000-1"], "procedure": "ORDINARY", "occurredOn": "2024-03-01"}"""
                .formatted(announced));
        app.post("/api/procurements/" + announced + "/lots",
                "{\"numberOfLots\": 3, \"bidsMayCover\": \"SEVERAL\", \"occurredOn\": \"2024-07-15\"}");
    }

    /** A valid organisation number (third digit 5, Luhn check digit) unique to copy {@code copy}'s enterprise. */
    static String organisationNumber(int copy, int enterprise) {
        String base = String.format(Locale.ROOT, "559%06d", copy * ENTERPRISES + enterprise);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = (base.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        String number = base + (10 - sum % 10) % 10;
        return number.substring(0, 6) + "-" + number.substring(6);
    }

    // ----------------------------------------------------------------------------------------------------------
    // The copy
    // ----------------------------------------------------------------------------------------------------------

    /** Creates the schema {@code <schema>_app} with the application's own migrations, as a new installation. */
    void migrate() {
        Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(settings.url("app"), settings.user(), settings.password())
                .schemas(settings.schema("app"))
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
    }

    Generated cloneInto(long events) throws SQLException {
        List<Row> shared = new ArrayList<>();
        List<Row> template = new ArrayList<>();
        try (Connection tpl = DriverManager.getConnection(settings.url("tpl"), settings.user(), settings.password());
             Statement statement = tpl.createStatement();
             ResultSet rows = statement.executeQuery("select " + COLUMNS + " from domain_event_entry "
                     + "order by global_index")) {
            while (rows.next()) {
                Row row = new Row(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7),
                        new String(rows.getBytes(8), java.nio.charset.StandardCharsets.UTF_8),
                        rows.getBytes(9) == null ? null
                                : new String(rows.getBytes(9), java.nio.charset.StandardCharsets.UTF_8));
                (row.aggregate().startsWith(TEMPLATE) ? template : shared).add(row);
            }
        }
        List<Row> plan = template.stream().filter(r -> r.aggregate().equals(TEMPLATE + "plan")).toList();
        Row progress = plan.stream().filter(r -> r.payloadType().endsWith("ActivityProgressReportedEvent"))
                .findFirst().orElseThrow();
        long fixed = shared.size() + template.size() + LONG_HISTORY;
        int copies = (int) Math.max(40, Math.ceil((events - fixed) / (double) template.size()));
        long written = 0;
        String appUrl = settings.url("app") + "&reWriteBatchedInserts=true";
        try (Connection app = DriverManager.getConnection(appUrl, settings.user(), settings.password());
             PreparedStatement insert = app.prepareStatement("insert into domain_event_entry (" + COLUMNS
                     + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            app.setAutoCommit(false);
            Batch batch = new Batch(app, insert);
            for (Row row : shared) {
                batch.add(row);
            }
            for (Row row : template) {
                batch.add(row);
            }
            for (int copy = 1; copy <= copies; copy++) {
                Map<String, String> renames = renames(copy, "b" + copy + "-");
                for (Row row : template) {
                    batch.add(renamed(row, renames));
                }
            }
            Map<String, String> longRenames = renames(copies + 1, LONG);
            long sequence = 0;
            for (Row row : plan) {
                batch.add(renamed(row, longRenames));
                sequence = row.sequence() + 1;
            }
            Row longProgress = renamed(progress, longRenames);
            while (sequence < LONG_HISTORY) {
                batch.add(new Row(UUID.randomUUID().toString(), longProgress.aggregate(), sequence++,
                        longProgress.type(), longProgress.timeStamp(), longProgress.payloadType(),
                        longProgress.payloadRevision(), longProgress.payload(), longProgress.metaData()));
            }
            written = batch.finish();
            copyCommandSide(app, copies);
            app.commit();
        }
        List<Raw.Sample> mix = template.stream().map(Generator::sample).toList();
        return new Generated(written, copies, template.size(), shared.size(), plan.size(), mix, sample(progress));
    }

    private static Raw.Sample sample(Row row) {
        return new Raw.Sample(row.type(), row.payloadType(),
                row.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                row.metaData() == null ? null : row.metaData().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The template's id prefix and organisation numbers (with and without the hyphen), and what copy k has. */
    private static Map<String, String> renames(int copy, String prefix) {
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put(TEMPLATE, prefix);
        for (int e = 0; e < ENTERPRISES; e++) {
            String from = organisationNumber(0, e);
            String to = organisationNumber(copy, e);
            renames.put(from, to);
            renames.put(from.replace("-", ""), to.replace("-", ""));
        }
        return renames;
    }

    private static String rename(String text, Map<String, String> renames) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            result = result.replace(rename.getKey(), rename.getValue());
        }
        return result;
    }

    private static boolean templated(String text, Map<String, String> renames) {
        return text != null && renames.keySet().stream().anyMatch(text::contains);
    }

    private static Row renamed(Row row, Map<String, String> renames) {
        return new Row(UUID.randomUUID().toString(), rename(row.aggregate(), renames), row.sequence(), row.type(),
                row.timeStamp(), row.payloadType(), row.payloadRevision(), rename(row.payload(), renames),
                rename(row.metaData(), renames));
    }

    /**
     * The command side's tables: every row of the template schema once, and each row that names the template (an id
     * or an organisation number) once more per copy, renamed like the events. Parent tables come first.
     */
    private void copyCommandSide(Connection app, int copies) throws SQLException {
        Map<String, String> templateNames = renames(0, TEMPLATE);
        try (Connection tpl = DriverManager.getConnection(settings.url("tpl"), settings.user(),
                settings.password())) {
            for (String table : COMMAND_SIDE_TABLES) {
                List<Object[]> rows = new ArrayList<>();
                List<String> columns = new ArrayList<>();
                try (Statement statement = tpl.createStatement();
                     ResultSet result = statement.executeQuery("select * from " + table)) {
                    ResultSetMetaData meta = result.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.add(meta.getColumnName(c));
                    }
                    while (result.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = result.getObject(c + 1);
                        }
                        rows.add(row);
                    }
                }
                String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
                try (PreparedStatement insert = app.prepareStatement(sql)) {
                    int pending = 0;
                    for (int copy = 0; copy <= copies + 1; copy++) {
                        Map<String, String> renames = copy == 0 ? Map.of()
                                : renames(copy, copy == copies + 1 ? LONG : "b" + copy + "-");
                        for (Object[] row : rows) {
                            boolean ofTemplate = false;
                            for (Object value : row) {
                                ofTemplate |= value instanceof String text && templated(text, templateNames);
                            }
                            if (copy > 0 && !ofTemplate) {
                                continue;
                            }
                            for (int c = 0; c < row.length; c++) {
                                Object value = row[c];
                                insert.setObject(c + 1, value instanceof String text ? rename(text, renames) : value);
                            }
                            insert.addBatch();
                            if (++pending % 1000 == 0) {
                                insert.executeBatch();
                            }
                        }
                    }
                    insert.executeBatch();
                }
            }
        }
    }

    /** Batched inserts of 1,000 rows, committed every 20,000, with progress on the console. */
    private static final class Batch {
        private final Connection connection;
        private final PreparedStatement insert;
        private long count;
        private final long started = System.nanoTime();

        Batch(Connection connection, PreparedStatement insert) {
            this.connection = connection;
            this.insert = insert;
        }

        void add(Row row) throws SQLException {
            insert.setString(1, row.eventIdentifier());
            insert.setString(2, row.aggregate());
            insert.setLong(3, row.sequence());
            insert.setString(4, row.type());
            insert.setString(5, row.timeStamp());
            insert.setString(6, row.payloadType());
            insert.setString(7, row.payloadRevision());
            insert.setBytes(8, row.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            insert.setBytes(9, row.metaData() == null ? null
                    : row.metaData().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            insert.addBatch();
            if (++count % 1000 == 0) {
                insert.executeBatch();
            }
            if (count % 20_000 == 0) {
                connection.commit();
            }
            if (count % 200_000 == 0) {
                System.out.printf(Locale.ROOT, "    %,d events written (%.0f s)%n", count,
                        (System.nanoTime() - started) / 1e9);
            }
        }

        long finish() throws SQLException {
            insert.executeBatch();
            connection.commit();
            return count;
        }
    }
}
