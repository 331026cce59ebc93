package se.asfplan.web.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import se.asfplan.domain.shared.BusinessCalendar;

/**
 * A recording moment as a person writes it: a timestamp ({@code 2024-03-31T22:00:00Z}, or with an offset such as
 * {@code 2024-04-01T00:00:00+02:00}) or a date ({@code 2024-03-31}), which means the end of that day in Swedish
 * time (Europe/Stockholm) where a moment closes a range ({@code asOf}, {@code to}) and its start where it opens one
 * ({@code from}).
 */
public final class RecordingMoments {

    /** What a bad value is told, in the API's language: both forms. */
    public static final String FORMS = "must be a timestamp such as 2024-03-31T21:59:59Z or a date such as "
            + "2024-03-31 (the end of that day, Swedish time)";

    private static final String FORMS_START = "must be a timestamp such as 2024-03-31T21:59:59Z or a date such as "
            + "2024-03-31 (the start of that day, Swedish time)";

    /** The same, for the pages. */
    public static final String FORMS_SV = "Skriv ett datum som 2024-03-31 eller en tidpunkt som 2024-03-31T21:59:59Z.";

    private RecordingMoments() {
    }

    /** The moment a value closes a range at: a date is the last instant of that day in Sweden. */
    public static Instant endOf(String value) {
        String text = text(value, FORMS);
        LocalDate date = date(text, FORMS);
        if (date != null) {
            return date.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant().minusNanos(1);
        }
        return instant(text, FORMS);
    }

    /** The moment a value opens a range at: a date is the first instant of that day in Sweden. */
    public static Instant startOf(String value) {
        String text = text(value, FORMS_START);
        LocalDate date = date(text, FORMS_START);
        if (date != null) {
            return date.atStartOfDay(BusinessCalendar.ZONE).toInstant();
        }
        return instant(text, FORMS_START);
    }

    private static String text(String value, String forms) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(forms + ", but was empty");
        }
        return value.strip();
    }

    private static LocalDate date(String text, String forms) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(text, forms);
        }
    }

    private static Instant instant(String text, String forms) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw invalid(text, forms);
            }
        }
    }

    private static IllegalArgumentException invalid(String text, String forms) {
        return new IllegalArgumentException(forms + ", but was '" + text + "'");
    }
}
