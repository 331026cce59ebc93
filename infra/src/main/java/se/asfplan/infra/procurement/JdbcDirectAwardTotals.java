package se.asfplan.infra.procurement;

import java.math.BigDecimal;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.party.PartyNames;
import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.DirectAwardTotals;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.infra.party.JdbcPartyNames;

/**
 * {@code direct_award_entry}: one row per direct award, written in the award command's transaction; the total is
 * their sum. Reading the total locks the authority, kind and year until the transaction ends, so two direct awards
 * recorded at the same moment are counted one after the other. An authority's direct awards are those recorded under
 * any of its names in the register of parties ({@link JdbcPartyNames#sameBodyAs}), or under its own name, compared
 * ignoring case and spacing, when the register does not know it.
 */
@Component
class JdbcDirectAwardTotals implements DirectAwardTotals {

    private final JdbcTemplate jdbc;
    private final FactLocks locks;
    private final JdbcPartyNames partyNames;

    JdbcDirectAwardTotals(JdbcTemplate jdbc, FactLocks locks, JdbcPartyNames partyNames) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.partyNames = partyNames;
    }

    @Override
    public BigDecimal totalSoFar(ContractingAuthority authority, String purchaseKind, int financialYear) {
        locks.lock("direct-award|" + partyNames.body(authority.value()) + "|" + purchaseKind + "|" + financialYear);
        Set<String> names = partyNames.sameBodyAs(authority.value());
        return jdbc.query("""
                select authority, award_value from direct_award_entry
                where purchase_kind = ? and financial_year = ?""",
                (rs, n) -> names.contains(PartyNames.storedKey(rs.getString(1))) ? rs.getBigDecimal(2) : BigDecimal.ZERO,
                purchaseKind, financialYear).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
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
