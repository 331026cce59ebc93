package se.asfplan.web.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import se.asfplan.infra.chain.ChainBreak;
import se.asfplan.infra.chain.ChainBreak.Kind;
import se.asfplan.infra.chain.Checkpoint;
import se.asfplan.infra.chain.EventChainVerifier;
import se.asfplan.infra.chain.EventChainVerifier.Report;
import se.asfplan.infra.chain.EventChainVerifier.SuppliedCheckpoint;

/**
 * The hash chain on PostgreSQL over a log of 100,000 events written through the service's storage engine: the
 * untouched log verifies; each change made directly in SQL (the append-only trigger disabled by the superuser) is
 * reported at its position and with its kind, and nothing else is; rolled-back appends and parallel appends never
 * look like tampering; the database refuses UPDATE, DELETE and TRUNCATE on the log and the chain.
 * <p>
 * Each change is made in a transaction that is rolled back after the verification (which reads through the same
 * connection), so every test starts from the same untouched log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventChainIT {

    private static final int EVENTS = 100_000;

    private ChainedLog log;
    private long gap;
    private Checkpoint checkpoint;

    @BeforeAll
    void aLogOfAHundredThousandEvents() throws Exception {
        log = new ChainedLog("_chain");
        log.write(EVENTS / 2, 1_000);
        // a rolled-back append leaves a gap in the positions
        Long before = log.jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThatThrownBy(() -> new TransactionTemplate(log.transactions).executeWithoutResult(status -> {
            log.engine.appendEvents(log.batch(3));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        log.write(EVENTS / 2, 1_000);
        gap = before + 1;
        assertThat(log.jdbc.queryForObject("select count(*) from domain_event_entry where global_index between ? "
                + "and ?", Long.class, gap, gap + 2)).isZero();
        checkpoint = log.checkpoints.checkpointIfDue(true).orElseThrow();
    }

    @AfterAll
    void close() {
        log.close();
    }

    @Test
    @Order(1)
    void theUntouchedLogVerifiesAndEveryEventIsChainedOnceInOrder() {
        assertThat(log.jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(EVENTS);
        assertThat(log.jdbc.queryForObject("select count(*) from event_chain", Long.class)).isEqualTo(EVENTS);
        Report report = log.verifier.verify(new SuppliedCheckpoint(checkpoint.position(), checkpoint.head()),
                EventChainVerifier.Progress.NONE);
        assertThat(report.breaks()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.events()).isEqualTo(EVENTS);
        assertThat(report.suppliedMatches()).isTrue();
        assertThat(report.checkpoints()).isEqualTo(1);
        assertThat(report.headLink()).isEqualTo(checkpoint.head());
    }

    @Test
    @Order(2)
    void aChangedPayloadIsReportedAtItsPosition() {
        long position = position(12_345);
        assertThat(tampered(sql -> sql.update("update domain_event_entry set payload = convert_to(replace("
                + "convert_from(payload, 'UTF8'), '\"value\":', '\"value\":4'), 'UTF8') where global_index = ?",
                position))).containsExactly(at(position, Kind.CHANGED_PAYLOAD));
    }

    @Test
    @Order(3)
    void aChangedMetadataValueIsReportedAtItsPosition() {
        long position = position(54_321);
        assertThat(tampered(sql -> sql.update("update domain_event_entry set meta_data = convert_to(replace("
                + "convert_from(meta_data, 'UTF8'), 'coordinator', 'mallory'), 'UTF8') where global_index = ?",
                position))).containsExactly(at(position, Kind.CHANGED_METADATA));
    }

    @Test
    @Order(4)
    void aDeletedRowIsReportedAtItsPosition() {
        long position = position(77_777);
        assertThat(tampered(sql -> sql.update("delete from domain_event_entry where global_index = ?", position)))
                .containsExactly(at(position, Kind.DELETED));
    }

    @Test
    @Order(5)
    void aRowDeletedWithItsChainRowIsReportedAtItsPosition() {
        long position = position(30_000);
        assertThat(tampered(sql -> {
            sql.update("delete from domain_event_entry where global_index = ?", position);
            sql.update("delete from event_chain where global_index = ?", position);
        })).containsExactly(at(position, Kind.DELETED));
    }

    @Test
    @Order(6)
    void anInsertedRowIsReportedAtItsPositionEvenInTheGapOfARollback() {
        assertThat(tampered(sql -> sql.update("""
                insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                    sequence_number, type, time_stamp, payload_type, payload, meta_data)
                select ?, 'forged', aggregate_identifier, 1000, type, time_stamp, payload_type, payload, meta_data
                from domain_event_entry where global_index = ?""", gap, gap - 1)))
                .containsExactly(at(gap, Kind.INSERTED));
    }

    @Test
    @Order(7)
    void twoSwappedPositionsAreBothReportedAsReordered() {
        long first = position(40_000);
        long second = position(40_010);
        assertThat(tampered(sql -> {
            sql.update("update domain_event_entry set global_index = -1 where global_index = ?", first);
            sql.update("update domain_event_entry set global_index = ? where global_index = ?", first, second);
            sql.update("update domain_event_entry set global_index = ? where global_index = -1", second);
        })).containsExactly(at(first, Kind.REORDERED), at(second, Kind.REORDERED));
    }

    @Test
    @Order(8)
    void aChangedStoredLinkIsReportedAtItsPositionOnly() {
        long position = position(60_000);
        assertThat(tampered(sql -> sql.update("update event_chain set link = repeat('0', 64) where global_index = ?",
                position))).containsExactly(at(position, Kind.CHANGED_LINK));
    }

    @Test
    @Order(9)
    void aChainRecomputedAfterAChangeDisagreesWithTheSignedCheckpoint() {
        long position = position(90_000);
        var breaks = tampered(sql -> {
            // the change, and the chain rewritten from there so that every row follows from its predecessor
            sql.update("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'\"value\":', '\"value\":4'), 'UTF8') where global_index = ?", position);
            String link = sql.queryForObject("select link from event_chain where global_index = ?", String.class,
                    position - 1);
            for (var event : sql.query("select " + se.asfplan.infra.chain.StoredEvent.COLUMNS
                    + " from domain_event_entry where global_index >= ? order by global_index",
                    (row, n) -> se.asfplan.infra.chain.StoredEvent.read(row), position)) {
                byte[] canonical = event.canonical();
                link = se.asfplan.infra.chain.ChainHash.link(link, canonical);
                sql.update("update event_chain set link = ?, event_sha256 = ?, payload_sha256 = ? "
                        + "where global_index = ?", link, se.asfplan.infra.chain.ChainHash.sha256(canonical),
                        se.asfplan.infra.chain.ChainHash.sha256(event.payload()), event.position());
            }
            sql.update("delete from event_chain_checkpoint where position > ?", checkpoint.position());
        });
        assertThat(breaks).containsExactly(at(checkpoint.position(), Kind.CHECKPOINT_MISMATCH));
    }

    @Test
    @Order(10)
    void theDatabaseRefusesToChangeTheLogOrTheChain() {
        long position = position(10);
        assertThatThrownBy(() -> log.jdbc.update("update domain_event_entry set payload = payload "
                + "where global_index = ?", position)).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> log.jdbc.update("delete from domain_event_entry where global_index = ?", position))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> log.jdbc.update("truncate domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> log.jdbc.update("update event_chain set link = link where global_index = ?",
                position)).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> log.jdbc.update("delete from event_chain"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> log.jdbc.update("delete from event_chain_checkpoint"))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    @Order(11)
    void parallelAppendsAndRolledBackOnesChainInCommitOrder() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int number = thread;
                appends.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        if (number == 0 && i % 5 == 0) {
                            try {
                                new TransactionTemplate(log.transactions).executeWithoutResult(status -> {
                                    log.engine.appendEvents(log.batch(2));
                                    throw new IllegalStateException("rolled back");
                                });
                            } catch (IllegalStateException expected) {
                                // the rollback
                            }
                        } else {
                            log.engine.appendEvents(log.batch(1 + i % 4));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(log.jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(log.jdbc.queryForObject("select count(*) from event_chain", Long.class));
        Report report = log.verifier.verify(new SuppliedCheckpoint(checkpoint.position(), checkpoint.head()),
                EventChainVerifier.Progress.NONE);
        assertThat(report.breaks()).isEmpty();
        assertThat(log.checkpoints.checkpointIfDue(true)).isPresent();
        assertThat(log.verifier.verify(null, EventChainVerifier.Progress.NONE).breaks()).isEmpty();
    }

    @Test
    @Order(12)
    void aSuppliedCheckpointThatDisagreesIsABreak() {
        Report report = log.verifier.verify(new SuppliedCheckpoint(checkpoint.position(), "ab".repeat(32)),
                EventChainVerifier.Progress.NONE);
        assertThat(report.suppliedMatches()).isFalse();
        assertThat(report.breaks()).extracting(ChainBreak::position, ChainBreak::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(checkpoint.position(), Kind.CHECKPOINT_MISMATCH));
    }

    /** The position of the n-th event (from 0). */
    private long position(long n) {
        return log.jdbc.queryForObject("select global_index from domain_event_entry order by global_index "
                + "offset ? limit 1", Long.class, n);
    }

    private static org.assertj.core.groups.Tuple at(long position, Kind kind) {
        return org.assertj.core.groups.Tuple.tuple(position, kind);
    }

    /** Makes the change as the superuser with the triggers off, verifies, and rolls it all back; the breaks. */
    private List<org.assertj.core.groups.Tuple> tampered(Consumer<JdbcTemplate> change) {
        try (Connection connection = log.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                sql.execute("alter table domain_event_entry disable trigger user");
                sql.execute("alter table event_chain disable trigger user");
                sql.execute("alter table event_chain_checkpoint disable trigger user");
                change.accept(sql);
                Report report = new EventChainVerifier(sql, log.keys).verify(
                        null, EventChainVerifier.Progress.NONE);
                assertThat(report.breakCount()).isEqualTo(report.breaks().size());
                return report.breaks().stream().map(b -> at(b.position(), b.kind())).toList();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
