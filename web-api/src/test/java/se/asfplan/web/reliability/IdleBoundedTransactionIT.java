package se.asfplan.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import se.asfplan.infra.axon.IdleBoundedTransactionManager;

/**
 * On PostgreSQL, an Axon transaction left idle longer than its bound is ended by the database, which releases its
 * locks (a stopped node's, in production), while one that keeps working is untouched and the bound does not outlive
 * the transaction. The two-node check shows the same on a paused node.
 */
class IdleBoundedTransactionIT {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private IdleBoundedTransactionManager transactions;

    @BeforeEach
    void pool() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(System.getenv().getOrDefault("TEST_DATABASE_BASE_URL",
                "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUsername(System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres"));
        dataSource.setPassword(System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", ""));
        dataSource.setMaximumPoolSize(2);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new IdleBoundedTransactionManager(new SpringTransactionManager(
                new DataSourceTransactionManager(dataSource)), dataSource, Duration.ofMillis(1500));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aTransactionIdleLongerThanItsBoundIsEndedByTheDatabase() throws Exception {
        Transaction transaction = transactions.startTransaction();
        assertThat(jdbc.queryForObject("show idle_in_transaction_session_timeout", String.class)).isEqualTo("1500ms");
        Thread.sleep(3000);
        assertThatThrownBy(() -> jdbc.queryForObject("select 1", Integer.class))
                .hasStackTraceContaining("idle-in-transaction timeout");
        assertThatThrownBy(transaction::commit);
    }

    @Test
    void aWorkingTransactionIsUntouchedAndTheBoundEndsWithIt() throws Exception {
        Transaction transaction = transactions.startTransaction();
        for (int i = 0; i < 6; i++) {
            Thread.sleep(500);
            assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
        transaction.commit();
        assertThat(jdbc.queryForObject("show idle_in_transaction_session_timeout", String.class)).isEqualTo("0");
    }
}
