package se.asfplan.domain.procurement;

import java.time.LocalDate;

import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;

/** Another aggregate's event, stored under the id a procurement command names: the id is taken. */
final class PlanFixtures {

    private PlanFixtures() {
    }

    static PlanAdoptedEvent planAdopted() {
        return new PlanAdoptedEvent(new PlanId(ProcurementFixtures.ID.value()), "Handlingsplan", "Stockholms stad",
                new Decision("Kommunfullmäktige", null, null), PlanPeriod.of(2021, 2024), LocalDate.of(2021, 3, 15));
    }
}
