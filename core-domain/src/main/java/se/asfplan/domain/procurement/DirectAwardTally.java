package se.asfplan.domain.procurement;

import java.math.BigDecimal;

/**
 * A direct award counted against its financial year: all direct awards of the same purchase kind by the same
 * authority in one financial year add up (LOU 19 a kap.), and the sum including this award is compared with the
 * year's limit. Exceeding it is flagged for follow-up, not refused: the award has happened and must be recorded.
 */
public record DirectAwardTally(String purchaseKind, int financialYear, BigDecimal yearToDateTotal, BigDecimal limit,
                               boolean limitExceeded) {
}
