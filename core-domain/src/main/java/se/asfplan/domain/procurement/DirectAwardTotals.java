package se.asfplan.domain.procurement;

import java.math.BigDecimal;

/**
 * The running sum of direct awards per authority, purchase kind and financial year: a port whose implementation
 * writes in the same transaction as the award event.
 */
public interface DirectAwardTotals {

    /** The sum of the direct awards recorded so far; zero when there are none. */
    BigDecimal totalSoFar(ContractingAuthority authority, String purchaseKind, int financialYear);

    void record(ProcurementId procurementId, ContractingAuthority authority, String purchaseKind, int financialYear,
                BigDecimal value);

    /** Takes the procurement's direct award out of its year's sum: it was cancelled. */
    void withdraw(ProcurementId procurementId);
}
