package se.asfplan.domain.plan;

import se.asfplan.domain.shared.InputRules;

/**
 * Names the plan activity that a recorded fact carries out, e.g. an invitation to Integrationspakten that fulfils
 * "invite all known ASF to Integrationspakten", so that follow-up can show exactly which facts fulfilled it.
 */
public record PlanActivityReference(PlanId planId, ActivityId activityId) {

    public PlanActivityReference {
        InputRules.require(planId != null && activityId != null,
                () -> "an activity reference needs both planId and activityId");
    }
}
