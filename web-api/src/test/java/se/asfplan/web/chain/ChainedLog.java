package se.asfplan.web.chain;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;

import se.asfplan.infra.axon.AxonStorageConfiguration;
import se.asfplan.infra.axon.SerialisedAppendsEventStorageEngine;
import se.asfplan.infra.chain.EventChainCheckpoints;
import se.asfplan.infra.chain.EventChainVerifier;
import se.asfplan.infra.chain.SigningKeys;

/**
 * An event store of its own, in a schema of its own on the PostgreSQL test database, without the application: the
 * service's storage engine (which chains every append) on a plain pool, for writing large histories fast, in batches,
 * straight through the engine. For the chain's ITs and the verify benchmark.
 */
final class ChainedLog implements AutoCloseable {

    static final String BASE =
            System.getenv().getOrDefault("TEST_DATABASE_BASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", "");

    final String schema;
    final HikariDataSource dataSource;
    final JdbcTemplate jdbc;
    final DataSourceTransactionManager transactions;
    final SerialisedAppendsEventStorageEngine engine;
    final SigningKeys keys;
    final EventChainCheckpoints checkpoints;
    final EventChainVerifier verifier;
    private long written;

    /** Drops and creates the schema {@code TEST_DATABASE_SCHEMA + suffix} and migrates it. */
    ChainedLog(String suffix) throws Exception {
        this(suffix, false);
    }

    /** The same, but keeps the schema and what it holds when {@code keep} and it exists. */
    ChainedLog(String suffix, boolean keep) throws Exception {
        schema = System.getenv().getOrDefault("TEST_DATABASE_SCHEMA", "asf_tracker_it") + suffix;
        try (Connection connection = DriverManager.getConnection(BASE, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            if (!keep) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
            statement.execute("create schema if not exists " + schema);
        }
        dataSource = new HikariDataSource();
        // multi-row inserts for the engine's batches: writing 100,000 events takes seconds, not minutes
        dataSource.setJdbcUrl(BASE + "?currentSchema=" + schema + "&reWriteBatchedInserts=true");
        dataSource.setUsername(USER);
        dataSource.setPassword(PASSWORD);
        dataSource.setMaximumPoolSize(12);
        Flyway.configure().dataSource(dataSource).schemas(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = new SerialisedAppendsEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(AxonStorageConfiguration.snakeCaseSchema()),
                new SpringTransactionManager(transactions), 60_000);
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("test");
        keys = new SigningKeys(null, null, environment, jdbc);
        checkpoints = new EventChainCheckpoints(jdbc, keys, 10_000, java.time.Duration.ofMinutes(10),
                java.time.Clock.systemUTC());
        verifier = new EventChainVerifier(jdbc, keys);
    }

    /**
     * Appends {@code count} events in batches of {@code batch}, each batch one aggregate's next events, payloads
     * like a recorded award and metadata like a recording's.
     */
    void write(long count, int batch) {
        for (long done = 0; done < count; done += batch) {
            int size = (int) Math.min(batch, count - done);
            engine.appendEvents(batch(size));
        }
    }

    List<EventMessage<?>> batch(int size) {
        String aggregate = "bulk-" + UUID.randomUUID();
        List<EventMessage<?>> events = new ArrayList<>(size);
        for (int sequence = 0; sequence < size; sequence++) {
            long n = written++;
            events.add(new GenericDomainEventMessage<>("Procurement", aggregate, sequence,
                    Map.of("procurementId", aggregate, "value", 480_000 + n % 1000, "occurredOn", "2024-03-31",
                            "note", "Tilldelning nr " + n),
                    MetaData.with("recordedBy", "coordinator").and("recordedVia", "rest-api")
                            .and("requestId", "req-" + n)));
        }
        return events;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
