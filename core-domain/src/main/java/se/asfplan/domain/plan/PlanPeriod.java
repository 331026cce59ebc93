package se.asfplan.domain.plan;

import se.asfplan.domain.shared.InputRules;

import se.asfplan.domain.shared.Values;

/**
 * The calendar years a plan covers: {@code 2021-2024}, or open-ended ("ongoing") from a first year when
 * {@code toYear} is {@code null}.
 */
public record PlanPeriod(int fromYear, Integer toYear) {

    public PlanPeriod {
        Values.year(fromYear, "period from-year");
        if (toYear != null) {
            Values.year(toYear, "period to-year");
            if (toYear < fromYear && InputRules.apply()) {
                throw new IllegalArgumentException(
                        "period to-year " + toYear + " must not be before from-year " + fromYear);
            }
        }
    }

    public static PlanPeriod of(int fromYear, int toYear) {
        return new PlanPeriod(fromYear, toYear);
    }

    public static PlanPeriod ongoingFrom(int fromYear) {
        return new PlanPeriod(fromYear, null);
    }

    public boolean isOngoing() {
        return toYear == null;
    }

    public boolean contains(int year) {
        return year >= fromYear && (toYear == null || year <= toYear);
    }

    /**
     * True when the timeline fits this period: a year range must lie wholly within it; an ongoing timeline runs
     * until the plan ends, so only its from-year, if it has one, must lie within the period.
     */
    public boolean covers(Timeline timeline) {
        if (timeline.fromYear() != null && !contains(timeline.fromYear())) {
            return false;
        }
        if (timeline.toYear() != null) {
            return contains(timeline.toYear());
        }
        return true;
    }

    @Override
    public String toString() {
        return toYear == null ? fromYear + "-" : fromYear + "-" + toYear;
    }
}
