package se.asfplan.infra.procurement;

import java.math.BigDecimal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.DirectAwardTotals;
import se.asfplan.domain.procurement.ProcurementId;

/**
 * {@code direct_award_entry}: one row per direct award, written in the award command's transaction; the total is
 * their sum. Reading the total locks the authority, kind and year until the transaction ends, so two direct awards
 * recorded at the same moment are counted one after the other.
 */
@Component
class JdbcDirectAwardTotals implements DirectAwardTotals {

    private final JdbcTemplate jdbc;
    private final FactLocks locks;

    JdbcDirectAwardTotals(JdbcTemplate jdbc, FactLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    @Override
    public BigDecimal totalSoFar(ContractingAuthority authority, String purchaseKind, int financialYear) {
        locks.lock("direct-award|" + authority.value() + "|" + purchaseKind + "|" + financialYear);
        BigDecimal total = jdbc.queryForObject("""
                select coalesce(sum(award_value), 0) from direct_award_entry
                where authority = ? and purchase_kind = ? and financial_year = ?""",
                BigDecimal.class, authority.value(), purchaseKind, financialYear);
        return total == null ? BigDecimal.ZERO : total;
    }

    @Override
    public void record(ProcurementId procurementId, ContractingAuthority authority, String purchaseKind,
                       int financialYear, BigDecimal value) {
        jdbc.update("insert into direct_award_entry (procurement_id, authority, purchase_kind, financial_year, "
                + "award_value) values (?, ?, ?, ?, ?)", procurementId.value(), authority.value(), purchaseKind,
                financialYear, value);
    }

    @Override
    public void withdraw(ProcurementId procurementId) {
        jdbc.update("delete from direct_award_entry where procurement_id = ?", procurementId.value());
    }
}
