package se.asfplan.domain.round;

import se.asfplan.domain.shared.InputRules;


import se.asfplan.domain.shared.Values;

/**
 * What an assessment is about: one activity or one goal of the round's plan, by its id.
 *
 * @param kind {@code ACTIVITY} or {@code GOAL}
 * @param id   the activity's or goal's id in the plan
 */
public record RoundSubject(Kind kind, String id) {

    public enum Kind { ACTIVITY, GOAL }

    public RoundSubject {
        InputRules.require(kind != null, () -> "subject kind must be given (ACTIVITY or GOAL)");
        Values.slug(id, "subject id");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
    }
}
