package se.asfplan.domain.procurement;

import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.shared.OrganisationNumber;

/**
 * Contracts awarded by reserving a welfare-services procurement, per authority and supplier, across all
 * procurements: a port whose implementation writes in the same transaction as the award event.
 */
public interface ReservedAwardHistory {

    /**
     * A contract the authority awarded the supplier that way: when, and for which services (the CPV codes of its
     * procurement). An award whose services are not known (none listed) is taken to concern every service.
     */
    record ReservedAward(ProcurementId procurementId, LocalDate awardedOn, List<CpvCode> services) {

        public ReservedAward {
            services = List.copyOf(services);
        }

        /** Whether this award was for any of the given services ("the services concerned", see the rule). */
        public boolean concernsAnyOf(List<CpvCode> codes) {
            return services.isEmpty() || services.stream()
                    .anyMatch(service -> codes.stream().anyMatch(service::concernsSameServicesAs));
        }
    }

    /** Every contract the authority awarded the supplier that way, in no particular order. */
    List<ReservedAward> awards(ContractingAuthority authority, OrganisationNumber supplier);

    void record(ProcurementId procurementId, ContractingAuthority authority, OrganisationNumber supplier,
                LocalDate awardedOn, List<CpvCode> services);

    /** Forgets the procurement's award: it was cancelled, so it bars no later award. */
    void withdraw(ProcurementId procurementId);
}
