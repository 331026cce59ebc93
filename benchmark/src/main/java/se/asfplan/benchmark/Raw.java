package se.asfplan.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The raw baseline: plain JDBC on a table shaped like {@code domain_event_entry} (same columns, same keys, same
 * indices), in a schema of its own on the same server, with the payloads of the generated events.
 */
final class Raw {

    /** One stored event's columns that a raw row copies: payload type, payload and metadata bytes. */
    record Sample(String type, String payloadType, byte[] payload, byte[] metaData) {
    }

    private static final String TABLE = """
            create table raw_event (
                global_index         bigserial    primary key,
                event_identifier     varchar(255) not null,
                aggregate_identifier varchar(255) not null,
                sequence_number      bigint       not null,
                type                 varchar(255),
                time_stamp           varchar(255) not null,
                payload_type         varchar(255) not null,
                payload_revision     varchar(255),
                payload              bytea        not null,
                meta_data            bytea,
                constraint raw_event_event_identifier_uk unique (event_identifier),
                constraint raw_event_aggregate_sequence_uk unique (aggregate_identifier, sequence_number)
            )""";
    private static final String INSERT = "insert into raw_event (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "values (?, ?, ?, ?, ?, ?, null, ?, ?)";

    private final Settings settings;
    private final Sample command;
    private final List<Sample> mix;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param command the event a measured command records (its payload size is the raw cycle's)
     * @param mix     events in the generated proportions, for the batched inserts
     */
    Raw(Settings settings, Sample command, List<Sample> mix) {
        this.settings = settings;
        this.command = command;
        this.mix = mix;
    }

    Connection connect(String suffix) throws SQLException {
        return DriverManager.getConnection(settings.url(suffix), settings.user(), settings.password());
    }

    void createSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.baseUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + settings.schema("raw") + " cascade");
            statement.execute("create schema " + settings.schema("raw"));
            statement.execute("set search_path to " + settings.schema("raw"));
            statement.execute(TABLE);
        }
    }

    /**
     * Read one aggregate's events and insert the next, one transaction: the work of a command without a framework.
     * Each client works on its own aggregates, a new one every 10 events, so an aggregate read holds 0-9 events.
     */
    Load.Result commandCycle(int clients) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Queue<Connection> opened = new ConcurrentLinkedQueue<>();
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> open(false, opened));
        try {
            return Load.measure(clients, settings.seconds(), (client, iteration) -> {
                Connection connection = connections.get();
                String aggregate = "cycle-" + run + "-" + client + "-" + (iteration / 10);
                long next = 0;
                try (PreparedStatement read = connection.prepareStatement("select global_index, event_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data "
                        + "from raw_event where aggregate_identifier = ? and sequence_number >= ? "
                        + "order by sequence_number")) {
                    read.setString(1, aggregate);
                    read.setLong(2, 0);
                    try (ResultSet rows = read.executeQuery()) {
                        while (rows.next()) {
                            json.readTree(rows.getBytes(8));
                            next = rows.getLong(3) + 1;
                        }
                    }
                }
                insert(connection, aggregate, next, command);
                connection.commit();
            });
        } finally {
            closeAll(opened);
        }
    }

    /** One event per transaction (autocommit), each client on new aggregates. */
    Load.Result singleInserts(int clients) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Queue<Connection> opened = new ConcurrentLinkedQueue<>();
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> open(true, opened));
        try {
            return Load.measure(clients, settings.seconds(), (client, iteration) ->
                    insert(connections.get(), "single-" + run + "-" + UUID.randomUUID(), 0, command));
        } finally {
            closeAll(opened);
        }
    }

    /** Inserts {@code rows} events in JDBC batches of 100, one transaction per batch; events per second. */
    double batchedInserts(long rows) throws SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = open(false, new ConcurrentLinkedQueue<>());
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            long t0 = System.nanoTime();
            for (long i = 0; i < rows; i++) {
                Sample sample = mix.get((int) (i % mix.size()));
                bind(insert, "batch-" + run + "-" + (i / 50), i % 50, sample);
                insert.addBatch();
                if (i % 100 == 99 || i == rows - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Reads every event of the generated store ({@code <schema>_app.domain_event_entry}, the events the project
     * replays) in pages of 1,000 by global index, parsing each payload and metadata with Jackson; events per second.
     */
    double pagedRead() throws Exception {
        try (Connection connection = connect("app");
             PreparedStatement page = connection.prepareStatement("select global_index, event_identifier, "
                     + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                     + "payload, meta_data from domain_event_entry where global_index > ? order by global_index "
                     + "limit 1000")) {
            connection.setAutoCommit(false);
            long last = -1;
            long count = 0;
            long t0 = System.nanoTime();
            while (true) {
                page.setLong(1, last);
                int inPage = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        last = rows.getLong(1);
                        json.readTree(rows.getBytes(9));
                        json.readTree(rows.getBytes(10));
                        inPage++;
                    }
                }
                count += inPage;
                if (inPage < 1000) {
                    break;
                }
            }
            connection.commit();
            return count / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private void insert(Connection connection, String aggregate, long sequence, Sample sample) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, aggregate, sequence, sample);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement insert, String aggregate, long sequence, Sample sample)
            throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, aggregate);
        insert.setLong(3, sequence);
        insert.setString(4, sample.type());
        insert.setString(5, Instant.now().toString());
        insert.setString(6, sample.payloadType());
        insert.setBytes(7, sample.payload());
        insert.setBytes(8, sample.metaData());
    }

    private Connection open(boolean autoCommit, Queue<Connection> opened) {
        try {
            Connection connection = connect("raw");
            connection.setAutoCommit(autoCommit);
            opened.add(connection);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the connections of a load's threads (which have ended): the server's connections are shared. */
    private static void closeAll(Queue<Connection> opened) {
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing after the measurement; nothing depends on it
            }
        }
    }
}
