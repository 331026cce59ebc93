package se.asfplan.domain.enterprise;

import se.asfplan.domain.plan.PlanActivityReference;

/**
 * Which plan activities exist, for facts that name the activity they carry out: a reference to an activity that
 * no plan has would silently drop the fact from that activity's follow-up. Answered from the plans' own history,
 * not from a read model that may lag behind.
 */
public interface PlanActivities {

    /** Whether the plan the reference names has (or had) an activity with that id. */
    boolean contains(PlanActivityReference reference);
}
