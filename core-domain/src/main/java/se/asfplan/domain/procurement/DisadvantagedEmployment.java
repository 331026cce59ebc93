package se.asfplan.domain.procurement;

import se.asfplan.domain.shared.InputRules;

import java.math.BigDecimal;
import java.time.LocalDate;

import se.asfplan.domain.shared.Values;

/**
 * What a supplier awarded a contract reserved under LOU 4 kap. 18 § showed: the share (percent) of its employees
 * in the reserved activity who have disabilities or are disadvantaged, as at the tender date, and the reference of
 * the evidence (e.g. a registry number of the supplier's certificate). Whether the share reaches the legal minimum
 * and the evidence is there are rules of the award, not of this record.
 */
public record DisadvantagedEmployment(BigDecimal sharePercent, LocalDate tenderDate, String evidenceReference) {

    public DisadvantagedEmployment {
        if (sharePercent != null && InputRules.apply()) {
            if (sharePercent.signum() < 0 || sharePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("share of disadvantaged employees is a percentage from 0 to 100, "
                        + "but was " + sharePercent.toPlainString());
            }
            if (sharePercent.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("share of disadvantaged employees has at most two decimals, but "
                        + "was " + sharePercent.toPlainString());
            }
        }
        evidenceReference = Values.optionalText(evidenceReference, "evidence reference", 200);
    }
}
