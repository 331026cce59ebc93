package se.asfplan.infra.concurrency;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

/**
 * Tells Axon's event store that an insert failed on a unique key, so that it answers a concurrent append of the
 * same (aggregate, sequence number) with {@code ConcurrencyException} (or {@code AggregateStreamCreationException}
 * for a first event) — a 409 — rather than a generic store failure (500).
 * <p>
 * Axon's own resolver only knows {@code SQLIntegrityConstraintViolationException}; the PostgreSQL driver reports a
 * unique violation as a plain {@code SQLException} with SQL state {@value #UNIQUE_VIOLATION} (wrapped in a
 * {@code BatchUpdateException} when Axon appends in a batch). H2 uses the same state.
 */
public class DuplicateKeyResolver implements PersistenceExceptionResolver {

    /** The SQL state of a unique violation (SQL standard class 23, "integrity constraint violation"). */
    static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_DEPTH = 20;

    private final PersistenceExceptionResolver axonDefault = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        if (axonDefault.isDuplicateKeyViolation(exception)) {
            return true;
        }
        Throwable cause = exception;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                SQLException next = sql;
                for (int chained = 0; next != null && chained < MAX_DEPTH; chained++, next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
