package se.asfplan.web.page.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import se.asfplan.domain.shared.BusinessCalendar;

/**
 * The moment a page's figures are asked for ("som registrerat vid"), as a person writes it in the filter form: a date
 * (the end of that day, Swedish time), a date and time in Swedish time (as a datetime-local field sends it), or an
 * ISO instant (as the API takes it). Blank: now.
 */
final class AsOf {

    static final String HELP = "Skriv ett datum (2024-01-31) eller ett datum och en tid (2024-01-31T16:00).";

    private AsOf() {
    }

    /** The moment, or null for blank. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Instant.parse(value);
            }
            if (value.contains("T")) {
                return LocalDateTime.parse(value).atZone(BusinessCalendar.ZONE).toInstant();
            }
            return LocalDate.parse(value).plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant().minusNanos(1);
        } catch (DateTimeException e) {
            throw new InvalidFilter("asOf", "Tidpunkten ”" + value + "” kunde inte läsas. " + HELP);
        }
    }

    /** A filter value a page could not use, with the Swedish message to show at its field. */
    static final class InvalidFilter extends IllegalArgumentException {

        private final String field;

        InvalidFilter(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
