package se.asfplan.infra.procurement;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.procurement.SupplierRegister;
import se.asfplan.domain.shared.OrganisationNumber;

/** Answers from {@code enterprise_register}, the table the enterprise register keeps; only read here. */
@Component
class JdbcSupplierRegister implements SupplierRegister {

    private final JdbcTemplate jdbc;

    JdbcSupplierRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean countsAsAsf(OrganisationNumber organisationNumber, LocalDate on) {
        Integer matches = jdbc.queryForObject("""
                select count(*) from enterprise_register
                where organisation_number = ? and counts_as_asf and (closed_on is null or closed_on >= ?)""",
                Integer.class, organisationNumber.value(), Date.valueOf(on));
        return matches != null && matches > 0;
    }
}
