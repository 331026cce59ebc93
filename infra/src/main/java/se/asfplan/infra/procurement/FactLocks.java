package se.asfplan.infra.procurement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises the awards that read and extend the same cross-procurement facts, for the rest of the command's
 * transaction: the row of {@code procurement_fact_lock} for the key is created if missing and locked.
 */
@Component
class FactLocks {

    private final JdbcTemplate jdbc;

    FactLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void lock(String key) {
        jdbc.update("insert into procurement_fact_lock (lock_key) select ? where not exists "
                + "(select 1 from procurement_fact_lock where lock_key = ?)", key, key);
        jdbc.queryForList("select lock_key from procurement_fact_lock where lock_key = ? for update", String.class, key);
    }
}
