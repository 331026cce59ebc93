package se.asfplan.domain.enterprise;

import java.time.LocalDate;

/**
 * What the register knows of an enterprise for other features' rules: whether it counts as an ASF and, once it
 * closed, its closing date ({@code null} while open). Never its organisation number.
 */
public record RegisteredEnterprise(EnterpriseId enterpriseId, boolean countsAsAsf, LocalDate closedOn) {

    /** Whether the enterprise still existed on the date: not closed, or closed on that date or later. */
    public boolean existedOn(LocalDate date) {
        return closedOn == null || !date.isAfter(closedOn);
    }
}
