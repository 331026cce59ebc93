package se.asfplan.domain.plan;

import se.asfplan.domain.shared.InputRules;

import se.asfplan.domain.shared.Values;

/**
 * When an activity is meant to happen: a year range ({@code 2021-2024}), ongoing from a year ({@code toYear}
 * {@code null}), or ongoing throughout the plan (both {@code null}). Only a range can run late.
 */
public record Timeline(Integer fromYear, Integer toYear) {

    public Timeline {
        if (fromYear != null) {
            Values.year(fromYear, "timeline from-year");
        }
        if (toYear != null) {
            Values.year(toYear, "timeline to-year");
            if (fromYear == null && InputRules.apply()) {
                throw new IllegalArgumentException("timeline with a to-year needs a from-year");
            }
            if (fromYear != null && toYear < fromYear && InputRules.apply()) {
                throw new IllegalArgumentException(
                        "timeline to-year " + toYear + " must not be before from-year " + fromYear);
            }
        }
    }

    public static Timeline years(int fromYear, int toYear) {
        return new Timeline(fromYear, toYear);
    }

    public static Timeline ongoingFrom(int fromYear) {
        return new Timeline(fromYear, null);
    }

    public static Timeline ongoing() {
        return new Timeline(null, null);
    }

    public boolean isOngoing() {
        return toYear == null;
    }

    @Override
    public String toString() {
        if (fromYear == null && InputRules.apply()) {
            return "ongoing";
        }
        return toYear == null ? "ongoing from " + fromYear : fromYear + "-" + toYear;
    }
}
