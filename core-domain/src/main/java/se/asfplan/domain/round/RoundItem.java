package se.asfplan.domain.round;

import se.asfplan.domain.shared.InputRules;


import se.asfplan.domain.shared.Values;

/**
 * An activity or goal in a round's scope, with the responsible party that reports on it.
 *
 * @param subject  the activity or goal
 * @param reporter the responsible party, as the plan names it (for example {@code Arbetsmarknadsnämnden})
 */
public record RoundItem(RoundSubject subject, String reporter) {

    public static final int REPORTER_MAX = 200;

    public RoundItem {
        InputRules.require(subject != null, () -> "each item needs its subject");
        reporter = Values.text(reporter, "reporter", REPORTER_MAX);
    }
}
