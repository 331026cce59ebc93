package se.asfplan.web.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Changes the append-only tables as an intruder with the database's superuser would: the log and its chain refuse
 * {@code UPDATE} and {@code DELETE} through triggers (V302), which a superuser's session can switch off for its own
 * transaction ({@code session_replication_role = replica}) without touching anyone else's. The tests that make a
 * stored event unreadable, or repair it, go through here; the tests connect as the superuser.
 */
public final class Tampering {

    private Tampering() {
    }

    /** Runs one statement in a transaction of its own with the triggers off for it; answers the rows changed. */
    public static int update(JdbcTemplate jdbc, String sql, Object... args) {
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local session_replication_role = replica");
                }
                int changed = new JdbcTemplate(new SingleConnectionDataSource(connection, true)).update(sql, args);
                connection.commit();
                return changed;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the append-only table: " + e.getMessage(), e);
        }
    }
}
