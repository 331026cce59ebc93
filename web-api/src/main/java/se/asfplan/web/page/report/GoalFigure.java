package se.asfplan.web.page.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One goal's figure for one year as the pages show it, from a row of the yearly goal report.
 *
 * @param series      what the figure belongs to across years: its recurring goal, else its indicator
 * @param target      the target in Swedish with comparator and unit ("minst 3 st")
 * @param comparator  the comparator alone in Swedish ("minst")
 * @param outcomeText the outcome with a decimal comma, or a Swedish note that there is none
 * @param comment     the source of an outcome reported by hand, a target's revision, the previous year's outcome
 * @param events      the positions of the events that make up the outcome; {@code eventIds} their identifiers
 */
record GoalFigure(String goalId, int year, String indicator, String kind, String measure, String target,
                  String comparator, BigDecimal targetValue, String unit, BigDecimal outcome, String outcomeText, String status,
                  String statusClass, String comment, String series, List<Long> events, List<String> eventIds) {

    /** The number of events behind the figure. */
    public int eventCount() {
        return events.size();
    }
}
