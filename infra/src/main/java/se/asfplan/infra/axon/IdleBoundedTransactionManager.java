package se.asfplan.infra.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Axon's transactions (every command's unit of work, every batch of the event processors, every append) with a bound
 * on how long PostgreSQL lets one sit idle: {@code SET LOCAL idle_in_transaction_session_timeout} at its start.
 * <p>
 * A node that stops between two statements of a transaction (frozen, swapped out, paused by the operating system,
 * cut off from the network with its connection still open) keeps that transaction's row locks: the event store's
 * append lock, a token row, a projection row it had written. Every other node waits on them, and for a processor's
 * segments that means they cannot be taken over until the stopped node goes on. With the bound, PostgreSQL ends such
 * a transaction after the timeout and its locks go: the other nodes go on, and the stopped node, when it resumes,
 * finds its transaction rolled back (a command not acknowledged, a batch processed again by whoever holds the segment
 * then). A transaction that works (statements running, or the service between two of them for less than the bound)
 * is never touched. Only on PostgreSQL; H2 (the embedded default, one node) has no such setting.
 */
public final class IdleBoundedTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final DataSource dataSource;
    private final String setting;

    /**
     * @param delegate   Axon's Spring transaction manager
     * @param dataSource the data source whose transactions the delegate binds
     * @param idle       the longest a transaction may sit idle between two statements
     */
    public IdleBoundedTransactionManager(TransactionManager delegate, DataSource dataSource, Duration idle) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("tracker.database.idle-transaction-timeout must be positive, but was "
                    + idle);
        }
        this.delegate = delegate;
        this.dataSource = dataSource;
        this.setting = "set local idle_in_transaction_session_timeout = " + idle.toMillis();
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            bound();
        } catch (SQLException | RuntimeException e) {
            transaction.rollback();
            throw new IllegalStateException("Could not bound the transaction's idle time", e);
        }
        return transaction;
    }

    private void bound() throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.getAutoCommit() || !"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(setting);
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
