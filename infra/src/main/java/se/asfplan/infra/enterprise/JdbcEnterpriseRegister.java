package se.asfplan.infra.enterprise;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.EnterpriseRegister;
import se.asfplan.domain.enterprise.EnterpriseRule;
import se.asfplan.domain.enterprise.RegisteredEnterprise;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.RuleViolationException;

/**
 * The register's set-based facts in the {@code enterprise_register} table. Axon handles each command in a Spring
 * transaction, and this JdbcTemplate joins it: the row is written in the same transaction as the events, so a
 * refused or failed command leaves neither. Other features read the table (organisation_number, counts_as_asf,
 * closed_on) to know whether a supplier is an ASF; its columns are a contract.
 */
@Component
class JdbcEnterpriseRegister implements EnterpriseRegister {

    private final JdbcTemplate jdbc;

    JdbcEnterpriseRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void registerNumber(EnterpriseId enterpriseId, OrganisationNumber organisationNumber,
                               boolean countsAsAsf) {
        String number = organisationNumber == null ? null : organisationNumber.value();
        if (number != null) {
            List<String> holders = jdbc.queryForList(
                    "select enterprise_id from enterprise_register where organisation_number = ?", String.class, number);
            if (!holders.isEmpty()) {
                throw numberTaken(organisationNumber, "is already registered as enterprise " + holders.get(0));
            }
        }
        try {
            jdbc.update("insert into enterprise_register (enterprise_id, organisation_number, counts_as_asf) "
                    + "values (?, ?, ?)", enterpriseId.value(), number, countsAsAsf);
        } catch (DuplicateKeyException e) {
            if (number == null) {
                throw new RuleViolationException(EnterpriseRule.ENTERPRISE_ID_MUST_BE_UNIQUE,
                        "An enterprise " + enterpriseId + " was registered at the same moment by another request");
            }
            throw numberTaken(organisationNumber, "or enterprise " + enterpriseId
                    + " was registered at the same moment by another request");
        }
    }

    @Override
    public void updateStatus(EnterpriseId enterpriseId, boolean countsAsAsf) {
        requireOneRow(jdbc.update("update enterprise_register set counts_as_asf = ? where enterprise_id = ?",
                countsAsAsf, enterpriseId.value()), enterpriseId);
    }

    @Override
    public void markClosed(EnterpriseId enterpriseId, LocalDate closedOn) {
        requireOneRow(jdbc.update("update enterprise_register set closed_on = ? where enterprise_id = ?",
                Date.valueOf(closedOn), enterpriseId.value()), enterpriseId);
    }

    @Override
    public Optional<RegisteredEnterprise> find(EnterpriseId enterpriseId) {
        return jdbc.query("select counts_as_asf, closed_on from enterprise_register where enterprise_id = ?",
                (rs, row) -> {
                    Date closedOn = rs.getDate("closed_on");
                    return new RegisteredEnterprise(enterpriseId, rs.getBoolean("counts_as_asf"),
                            closedOn == null ? null : closedOn.toLocalDate());
                }, enterpriseId.value()).stream().findFirst();
    }

    private static RuleViolationException numberTaken(OrganisationNumber number, String how) {
        return new RuleViolationException(EnterpriseRule.ORGANISATION_NUMBER_MUST_BE_UNIQUE,
                "Organisation number " + number + " " + how);
    }

    /** An enterprise with history but no register row means the table and the event store disagree: stop. */
    private static void requireOneRow(int updated, EnterpriseId enterpriseId) {
        if (updated != 1) {
            throw new IllegalStateException("enterprise_register has no row for enterprise " + enterpriseId
                    + ", which the event store holds");
        }
    }
}
