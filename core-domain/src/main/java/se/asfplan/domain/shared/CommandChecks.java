package se.asfplan.domain.shared;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The checks every aggregate makes of a command before it records anything: a value the command must carry, and a
 * business date that has already come. A missing value is bad input ({@link IllegalArgumentException}); a date in
 * the future breaks the rule the caller names, so each feature's refusal keeps its own rule code.
 */
public final class CommandChecks {

    private CommandChecks() {
    }

    /** The value a command must carry; missing, it is bad input that names the field. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be given");
        }
        return value;
    }

    /**
     * A date that is not after today in Sweden (see {@link BusinessCalendar}): things are recorded once they have
     * happened, never in advance.
     *
     * @param rule the feature's own code for this rule, which the refusal names
     */
    public static LocalDate dateMustNotLieInTheFuture(LocalDate date, Clock clock, RuleCode rule) {
        LocalDate today = BusinessCalendar.today(clock);
        if (date.isAfter(today)) {
            throw new RuleViolationException(rule,
                    "The date " + date + " lies in the future (today is " + today + "); record things once they happen");
        }
        return date;
    }

    /**
     * The business date of a fact as a command gives it: required, then not in the future. An aggregate adds its
     * own rules on top (not before the plan's adoption, not after the enterprise's closing, ...).
     *
     * @param futureRule the feature's own code for "date must not lie in the future"
     */
    public static LocalDate recordable(LocalDate date, String field, Clock clock, RuleCode futureRule) {
        return dateMustNotLieInTheFuture(required(date, field), clock, futureRule);
    }
}
