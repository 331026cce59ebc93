package se.asfplan.infra.procurement;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
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

    /**
     * Locks the key. When another transaction created the same key's row at the same moment, this one cannot go on
     * (the database refuses the duplicate and aborts it): it fails as a concurrent change, answered 409, with
     * nothing written, and a retry then waits for the other award and sees it.
     */
    void lock(String key) {
        try {
            jdbc.update("insert into procurement_fact_lock (lock_key) select ? where not exists "
                    + "(select 1 from procurement_fact_lock where lock_key = ?)", key, key);
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("Another award reading the same facts (" + key + ") was recorded at the "
                    + "same moment; retry", e);
        }
        jdbc.queryForList("select lock_key from procurement_fact_lock where lock_key = ? for update", String.class, key);
    }
}
