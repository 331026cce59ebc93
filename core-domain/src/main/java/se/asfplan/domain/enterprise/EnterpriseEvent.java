package se.asfplan.domain.enterprise;

import java.time.LocalDate;

import se.asfplan.domain.plan.PlanActivityReference;

/**
 * What every event in an enterprise's history says: which enterprise, the business date it happened on, and the
 * plan activity it carries out, if any ({@code null} otherwise).
 */
public interface EnterpriseEvent {

    EnterpriseId enterpriseId();

    LocalDate occurredOn();

    PlanActivityReference carriesOut();
}
