package se.asfplan.domain.enterprise;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.RuleViolationException;

/**
 * The register port for fixture tests (of enterprises and of meetings): the same contract as the JDBC register,
 * held in a map.
 */
public final class InMemoryEnterpriseRegister implements EnterpriseRegister {

    /** One row of the register, as the JDBC table holds it. */
    public record Entry(OrganisationNumber organisationNumber, boolean countsAsAsf, LocalDate closedOn) {
    }

    private final Map<EnterpriseId, Entry> entries = new LinkedHashMap<>();

    @Override
    public void registerNumber(EnterpriseId enterpriseId, OrganisationNumber organisationNumber,
                               boolean countsAsAsf) {
        if (organisationNumber != null) {
            entries.forEach((id, entry) -> {
                if (organisationNumber.equals(entry.organisationNumber())) {
                    throw new RuleViolationException(EnterpriseRule.ORGANISATION_NUMBER_MUST_BE_UNIQUE,
                            "Organisation number " + organisationNumber + " is already registered as enterprise "
                                    + id);
                }
            });
        }
        entries.put(enterpriseId, new Entry(organisationNumber, countsAsAsf, null));
    }

    @Override
    public void updateStatus(EnterpriseId enterpriseId, boolean countsAsAsf) {
        Entry entry = entries.get(enterpriseId);
        entries.put(enterpriseId, new Entry(entry.organisationNumber(), countsAsAsf, entry.closedOn()));
    }

    @Override
    public void markClosed(EnterpriseId enterpriseId, LocalDate closedOn) {
        Entry entry = entries.get(enterpriseId);
        entries.put(enterpriseId, new Entry(entry.organisationNumber(), entry.countsAsAsf(), closedOn));
    }

    @Override
    public Optional<RegisteredEnterprise> find(EnterpriseId enterpriseId) {
        return entry(enterpriseId).map(entry -> new RegisteredEnterprise(enterpriseId, entry.countsAsAsf(),
                entry.closedOn()));
    }

    Optional<Entry> entry(EnterpriseId enterpriseId) {
        return Optional.ofNullable(entries.get(enterpriseId));
    }

    /** Enters an enterprise as if registered earlier, for tests whose history is given as events. */
    public void given(EnterpriseId enterpriseId, OrganisationNumber organisationNumber, boolean countsAsAsf) {
        entries.put(enterpriseId, new Entry(organisationNumber, countsAsAsf, null));
    }

    /** Enters an enterprise as if registered earlier and closed on the given date. */
    public void givenClosed(EnterpriseId enterpriseId, LocalDate closedOn) {
        entries.put(enterpriseId, new Entry(null, true, closedOn));
    }
}
