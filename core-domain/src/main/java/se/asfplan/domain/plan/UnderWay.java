package se.asfplan.domain.plan;

import se.asfplan.domain.shared.InputRules;

import java.time.LocalDate;

/**
 * An activity already under way when the plan was adopted: {@code since} the day it started, or
 * {@code sinceBeforePlan} when it is only known to have started before the plan. Exactly one of the two is given.
 */
public record UnderWay(LocalDate since, boolean sinceBeforePlan) {

    public UnderWay {
        if (since == null && !sinceBeforePlan && InputRules.apply()) {
            throw new IllegalArgumentException(
                    "under way needs either the date it started (since) or sinceBeforePlan: true");
        }
        if (since != null && sinceBeforePlan && InputRules.apply()) {
            throw new IllegalArgumentException(
                    "under way takes either the date it started (since) or sinceBeforePlan: true, not both");
        }
    }

    public static UnderWay since(LocalDate since) {
        return new UnderWay(since, false);
    }

    public static UnderWay beforePlan() {
        return new UnderWay(null, true);
    }
}
