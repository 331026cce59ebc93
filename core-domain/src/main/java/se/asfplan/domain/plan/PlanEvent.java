package se.asfplan.domain.plan;

import java.time.LocalDate;

/**
 * What every event in a plan's history says: which plan, and the business date it happened on, which decides
 * the year it counts for. When and by whom it was recorded travels in the event's timestamp and metadata.
 */
public interface PlanEvent {

    PlanId planId();

    LocalDate occurredOn();
}
