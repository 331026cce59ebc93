package se.asfplan.web.round;

import java.time.LocalDate;
import java.util.List;

/**
 * A reminder to one reporting party of an open round: the items it has not reported (nothing submitted, or
 * returned), whether the deadline has passed, and the message's Swedish subject line and text.
 */
public record Reminder(String recipient, List<String> subjects, List<String> titles, LocalDate deadline,
                       boolean overdue, String messageSubject, String messageBody) {
}
