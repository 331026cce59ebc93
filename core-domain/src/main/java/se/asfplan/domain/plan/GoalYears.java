package se.asfplan.domain.plan;

import se.asfplan.domain.shared.InputRules;
import se.asfplan.domain.shared.Values;

/**
 * The years a recurring goal is set for, as the plan or the coordination function wrote them: from {@code fromYear}
 * to {@code toYear}, where a missing first year means the plan's first year and a missing last year the plan's last
 * year ("each year of the plan"). Both missing is {@link #EVERY_YEAR_OF_THE_PLAN}.
 */
public record GoalYears(Integer fromYear, Integer toYear) {

    /** Each year of the plan period, and of any years a later revision adds at its end. */
    public static final GoalYears EVERY_YEAR_OF_THE_PLAN = new GoalYears(null, null);

    public GoalYears {
        if (fromYear != null) {
            Values.year(fromYear, "years from");
        }
        if (toYear != null) {
            Values.year(toYear, "years to");
            if (fromYear != null && toYear < fromYear && InputRules.apply()) {
                throw new IllegalArgumentException("years to " + toYear + " must not be before years from " + fromYear);
            }
        }
    }

    public static GoalYears of(int fromYear, int toYear) {
        return new GoalYears(fromYear, toYear);
    }

    /** Whether the goal runs until the plan ends, so that a plan period lengthened later lengthens the goal too. */
    public boolean untilThePlanEnds() {
        return toYear == null;
    }

    @Override
    public String toString() {
        if (fromYear == null && toYear == null) {
            return "each year of the plan";
        }
        return (fromYear == null ? "the plan's first year" : fromYear) + "-"
                + (toYear == null ? "the plan's last year" : toYear);
    }
}
