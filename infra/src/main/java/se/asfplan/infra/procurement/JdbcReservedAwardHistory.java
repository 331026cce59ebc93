package se.asfplan.infra.procurement;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.party.PartyNames;
import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.CpvCode;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.domain.procurement.ReservedAwardHistory;
import se.asfplan.domain.procurement.ReservedAwardHistory.ReservedAward;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.infra.party.JdbcPartyNames;

/**
 * {@code reserved_welfare_award} and its services, {@code reserved_welfare_award_service}: written by the award
 * command inside its transaction, so a refused or failed award leaves no row, and a procurement can hold at most
 * one award row (its one award). An authority's awards are those recorded under any of its names in the register of
 * parties ({@link JdbcPartyNames#sameBodyAs}), or under its own name, compared ignoring case and spacing, when the
 * register does not know it.
 */
@Component
class JdbcReservedAwardHistory implements ReservedAwardHistory {

    private final JdbcTemplate jdbc;
    private final FactLocks locks;
    private final JdbcPartyNames partyNames;

    JdbcReservedAwardHistory(JdbcTemplate jdbc, FactLocks locks, JdbcPartyNames partyNames) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.partyNames = partyNames;
    }

    /** Locks the authority and supplier for the rest of the transaction, so the awards stay true until recorded. */
    @Override
    public List<ReservedAward> awards(ContractingAuthority authority, OrganisationNumber supplier) {
        locks.lock("reserved-welfare|" + partyNames.body(authority.value()) + "|" + supplier.value());
        Set<String> names = partyNames.sameBodyAs(authority.value());
        record Row(String procurementId, String authority, LocalDate awardedOn, String cpvCode) {
        }
        List<Row> rows = jdbc.query("""
                select award.procurement_id, award.authority, award.awarded_on, service.cpv_code
                from reserved_welfare_award award
                left join reserved_welfare_award_service service on service.procurement_id = award.procurement_id
                where award.organisation_number = ?
                order by award.procurement_id, service.cpv_code""",
                (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)),
                supplier.value()).stream().filter(row -> names.contains(PartyNames.storedKey(row.authority()))).toList();
        Map<String, List<Row>> byProcurement = new LinkedHashMap<>();
        rows.forEach(row -> byProcurement.computeIfAbsent(row.procurementId(), id -> new ArrayList<>()).add(row));
        return byProcurement.entrySet().stream().map(award -> new ReservedAward(new ProcurementId(award.getKey()),
                award.getValue().get(0).awardedOn(), award.getValue().stream().map(Row::cpvCode)
                        .filter(Objects::nonNull).map(CpvCode::new).toList())).toList();
    }

    @Override
    public void record(ProcurementId procurementId, ContractingAuthority authority, OrganisationNumber supplier,
                       LocalDate awardedOn, List<CpvCode> services) {
        jdbc.update("insert into reserved_welfare_award (procurement_id, authority, organisation_number, awarded_on) "
                + "values (?, ?, ?, ?)", procurementId.value(), authority.value(), supplier.value(),
                Date.valueOf(awardedOn));
        for (CpvCode service : new LinkedHashSet<>(services)) {
            jdbc.update("insert into reserved_welfare_award_service (procurement_id, cpv_code) values (?, ?)",
                    procurementId.value(), service.value());
        }
    }

    @Override
    public void withdraw(ProcurementId procurementId) {
        jdbc.update("delete from reserved_welfare_award_service where procurement_id = ?", procurementId.value());
        jdbc.update("delete from reserved_welfare_award where procurement_id = ?", procurementId.value());
    }
}
