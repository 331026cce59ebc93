package se.asfplan.domain.plan;

/**
 * Names the plan activity that a recorded fact carries out, e.g. an invitation to Integrationspakten that fulfils
 * "invite all known ASF to Integrationspakten", so that follow-up can show exactly which facts fulfilled it.
 */
public record PlanActivityReference(PlanId planId, ActivityId activityId) {

    public PlanActivityReference {
        if (planId == null || activityId == null) {
            throw new IllegalArgumentException("an activity reference needs both planId and activityId");
        }
    }
}
