package se.asfplan.domain.enterprise;

import java.time.LocalDate;
import java.util.Optional;

import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.RuleViolationException;

/**
 * The set-based facts of the register that no single enterprise's history can decide: which organisation numbers
 * are taken, and, for readers such as contract awards, whether an enterprise counts as an ASF and since when it
 * is closed. An implementation writes in the same transaction as the events, so a refused command leaves no trace.
 */
public interface EnterpriseRegister {

    /**
     * Enters a newly registered enterprise.
     *
     * @param organisationNumber {@code null} for a sole trader, who is registered without one
     * @throws RuleViolationException with {@link EnterpriseRule#ORGANISATION_NUMBER_MUST_BE_UNIQUE} when another
     *                                enterprise is registered with the same number
     */
    void registerNumber(EnterpriseId enterpriseId, OrganisationNumber organisationNumber, boolean countsAsAsf);

    /** Records whether the enterprise now counts as an ASF (after its details changed). */
    void updateStatus(EnterpriseId enterpriseId, boolean countsAsAsf);

    /** Records the date the enterprise closed. */
    void markClosed(EnterpriseId enterpriseId, LocalDate closedOn);

    /** The registered enterprise, or empty when no enterprise is registered under the id. */
    Optional<RegisteredEnterprise> find(EnterpriseId enterpriseId);
}
