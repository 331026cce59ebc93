package se.asfplan.web.round;

import se.asfplan.projections.plan.PlanQueries.PlanView;

/** The title of a round's subject as the plan reads: an activity's title, a goal's indicator. */
final class RoundTitles {

    private RoundTitles() {
    }

    static String title(PlanView plan, String subject) {
        int colon = subject.indexOf(':');
        String kind = subject.substring(0, colon);
        String id = subject.substring(colon + 1);
        if ("activity".equals(kind)) {
            return plan.activities().stream().filter(activity -> activity.activityId().value().equals(id))
                    .map(activity -> activity.title()).findFirst().orElse(id);
        }
        return plan.goals().stream().filter(goal -> goal.goalId().value().equals(id))
                .map(goal -> goal.indicator()).findFirst().orElse(id);
    }
}
