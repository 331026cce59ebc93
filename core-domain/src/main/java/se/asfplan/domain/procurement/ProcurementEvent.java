package se.asfplan.domain.procurement;

import java.time.LocalDate;

import se.asfplan.domain.plan.PlanActivityReference;

/**
 * What every event in a procurement's history says: which procurement, the business date it happened on, and the
 * plan activity it carries out, if it names one.
 */
public interface ProcurementEvent {

    ProcurementId procurementId();

    LocalDate occurredOn();

    PlanActivityReference carriesOut();
}
