package se.asfplan.domain.procurement;

import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.shared.OrganisationNumber;

/**
 * Contracts awarded by reserving a welfare-services procurement, per authority and supplier, across all
 * procurements: a port whose implementation writes in the same transaction as the award event.
 */
public interface ReservedAwardHistory {

    /** Every date the authority awarded the supplier a contract that way, in no particular order. */
    List<LocalDate> awardDates(ContractingAuthority authority, OrganisationNumber supplier);

    void record(ProcurementId procurementId, ContractingAuthority authority, OrganisationNumber supplier,
                LocalDate awardedOn);

    /** Forgets the procurement's award: it was cancelled, so it bars no later award. */
    void withdraw(ProcurementId procurementId);
}
