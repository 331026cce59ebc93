package se.asfplan.infra.procurement;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.domain.procurement.ReservedAwardHistory;
import se.asfplan.domain.shared.OrganisationNumber;

/**
 * {@code reserved_welfare_award}: written by the award command inside its transaction, so a refused or failed
 * award leaves no row, and a procurement can hold at most one row (its one award).
 */
@Component
class JdbcReservedAwardHistory implements ReservedAwardHistory {

    private final JdbcTemplate jdbc;
    private final FactLocks locks;

    JdbcReservedAwardHistory(JdbcTemplate jdbc, FactLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    /** Locks the authority and supplier for the rest of the transaction, so the dates stay true until recorded. */
    @Override
    public List<LocalDate> awardDates(ContractingAuthority authority, OrganisationNumber supplier) {
        locks.lock("reserved-welfare|" + authority.value() + "|" + supplier.value());
        return jdbc.query("select awarded_on from reserved_welfare_award where authority = ? and organisation_number = ?",
                (rs, row) -> rs.getDate("awarded_on").toLocalDate(), authority.value(), supplier.value());
    }

    @Override
    public void record(ProcurementId procurementId, ContractingAuthority authority, OrganisationNumber supplier,
                       LocalDate awardedOn) {
        jdbc.update("insert into reserved_welfare_award (procurement_id, authority, organisation_number, awarded_on) "
                + "values (?, ?, ?, ?)", procurementId.value(), authority.value(), supplier.value(),
                Date.valueOf(awardedOn));
    }

    @Override
    public void withdraw(ProcurementId procurementId) {
        jdbc.update("delete from reserved_welfare_award where procurement_id = ?", procurementId.value());
    }
}
