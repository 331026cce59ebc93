package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.asfplan.domain.procurement.SupplierRegister;
import se.asfplan.domain.shared.OrganisationNumber;

/**
 * Whether a supplier counts as an ASF on a date, as the register table says: an enterprise still exists on its
 * closing day (as the register's own rule has it: nothing can be recorded after that day, on it still can).
 */
class SupplierRegisterIT extends ProcurementApiSupport {

    private static final LocalDate CLOSED_ON = LocalDate.of(2024, 6, 30);

    @Autowired
    SupplierRegister register;

    @Test
    void countsAnAsfUpToAndIncludingItsClosingDay() {
        String number = randomOrganisationNumber();
        jdbc.update("insert into enterprise_register (enterprise_id, organisation_number, counts_as_asf, closed_on) "
                + "values (?, ?, true, ?)", "it-closing-" + number.substring(7) + "-" + suffix, number,
                Date.valueOf(CLOSED_ON));

        assertThat(register.countsAsAsf(new OrganisationNumber(number), CLOSED_ON.minusDays(1))).isTrue();
        assertThat(register.countsAsAsf(new OrganisationNumber(number), CLOSED_ON)).isTrue();
        assertThat(register.countsAsAsf(new OrganisationNumber(number), CLOSED_ON.plusDays(1))).isFalse();
    }

    @Test
    void countsNeitherANonAsfNorAnUnknownNumber() {
        String number = randomOrganisationNumber();
        jdbc.update("insert into enterprise_register (enterprise_id, organisation_number, counts_as_asf, closed_on) "
                + "values (?, ?, false, null)", "it-not-asf-" + number.substring(7) + "-" + suffix, number);

        assertThat(register.countsAsAsf(new OrganisationNumber(number), CLOSED_ON)).isFalse();
        assertThat(register.countsAsAsf(new OrganisationNumber(randomOrganisationNumber()), CLOSED_ON)).isFalse();
    }
}
