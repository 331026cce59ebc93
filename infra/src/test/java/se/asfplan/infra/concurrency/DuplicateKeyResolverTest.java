package se.asfplan.infra.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.api.Test;

/** A unique violation is recognised however the driver wraps it; other failures are not taken for one. */
class DuplicateKeyResolverTest {

    private final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    @Test
    void recognisesPostgresUniqueViolationInsideABatchFailure() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO domain_event_entry", "23505",
                new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        BatchUpdateException withoutState = new BatchUpdateException("Batch entry 0", new int[0],
                new SQLException("duplicate key", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(withoutState)).isTrue();
    }

    @Test
    void recognisesTheStandardIntegrityException() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLIntegrityConstraintViolationException("dup"))).isTrue();
    }

    @Test
    void doesNotTakeOtherFailuresForADuplicate() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null violated", "23502"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection lost", "08006"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
