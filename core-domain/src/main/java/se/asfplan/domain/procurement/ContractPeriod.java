package se.asfplan.domain.procurement;

import se.asfplan.domain.shared.InputRules;

import java.time.LocalDate;

/** The days a contract runs, both inclusive. */
public record ContractPeriod(LocalDate from, LocalDate to) {

    public ContractPeriod {
        if ((from == null || to == null) && InputRules.apply()) {
            throw new IllegalArgumentException("contract period needs both from and to");
        }
        if (from != null && to != null && to.isBefore(from) && InputRules.apply()) {
            throw new IllegalArgumentException("contract period to " + to + " must not be before from " + from);
        }
    }

    /**
     * Whether the contract runs at most the given number of years: the last day may be at most the day before
     * the same date that many years later (2024-03-01 to 2027-02-28 is three years; to 2027-03-01 is longer).
     */
    public boolean runsAtMostYears(int years) {
        return to.isBefore(from.plusYears(years));
    }
}
