package se.asfplan.domain.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates are calendar dates in Sweden: an event at 23:30 on 31 December counts for that year,
 * whatever the UTC timestamp of its recording says.
 */
public final class BusinessCalendar {

    /** The time zone that decides which date, and so which year, something happened on. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private BusinessCalendar() {
    }

    /** Today's date in Sweden according to the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
