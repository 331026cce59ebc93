package se.asfplan.domain.procurement;

import java.time.LocalDate;

import se.asfplan.domain.shared.OrganisationNumber;

/** What the ASF register says of a supplier: a port, answered by the enterprise register. */
public interface SupplierRegister {

    /**
     * Whether the organisation is registered, counts as an ASF and was not closed on the date. An unknown number is
     * not an error: the supplier is simply not an ASF.
     */
    boolean countsAsAsf(OrganisationNumber organisationNumber, LocalDate on);
}
