package se.asfplan.domain.shared;

import java.util.regex.Pattern;

/**
 * Checks shared by value-object constructors. Each failure is an {@link IllegalArgumentException} whose message
 * names the value and the expectation, so that the edge can report it against the field it came from. While a stored
 * event is read ({@link InputRules}) nothing is refused: a text is only trimmed, a slug or year taken as stored.
 */
public final class Values {

    /** The form of a slug ({@link #slug}) as a regular expression, which the API description shows for such ids. */
    public static final String SLUG_PATTERN = "[a-z0-9][a-z0-9-]{1,62}";
    private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);

    private Values() {
    }

    /** A lowercase identifier of 2 to 63 letters a-z, digits and hyphens, starting with a letter or digit. */
    public static String slug(String value, String what) {
        if (!InputRules.apply()) {
            return value;
        }
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 2-63 characters a-z, 0-9 or '-', starting with a letter"
                    + " or digit, but was " + quoted(value));
        }
        if (PersonalIdentityNumbers.findIn(value).isPresent()) {
            throw new IllegalArgumentException(what + " must not be or contain a personal identity or coordination "
                    + "number (personnummer or samordningsnummer): ids are stored for good; choose another id");
        }
        return value;
    }

    /**
     * Non-blank text of at most {@code max} characters, trimmed ({@link #trimmed}: a protective tab before a
     * formula character is kept), holding no personal identity or coordination number (see
     * {@link PersonalIdentityNumbers}).
     */
    public static String text(String value, String what, int max) {
        if (!InputRules.apply()) {
            return value == null ? null : value.strip();
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        String trimmed = trimmed(value);
        if (trimmed.length() > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters, but has " + trimmed.length());
        }
        PersonalIdentityNumbers.findIn(trimmed).ifPresent(number -> {
            throw new IllegalArgumentException(what + " must not contain a personal identity or coordination number"
                    + " (personnummer or samordningsnummer): the log is permanent and keeps no personal data; "
                    + "name the organisation or leave the number out");
        });
        return trimmed;
    }

    /**
     * The text without leading and trailing white space, except that a tab directly before a leading {@code =},
     * {@code +}, {@code -} or {@code @} is kept: a writer who put it there protects spreadsheet readers from the
     * text being run as a formula (OWASP's advice on CSV injection), and that protection is not taken away. The
     * exports neutralise such texts anyway; the tab is the writer's own choice and stays as written.
     */
    public static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        int start = value.length() - value.stripLeading().length();
        if (start > 0 && !trimmed.isEmpty() && value.charAt(start - 1) == '\t'
                && "=+-@".indexOf(trimmed.charAt(0)) >= 0) {
            return "\t" + trimmed;
        }
        return trimmed;
    }

    /** Optional text: {@code null} or blank becomes {@code null}; otherwise as {@link #text}. */
    public static String optionalText(String value, String what, int max) {
        return value == null || value.isBlank() ? null : text(value, what, max);
    }

    /** A calendar year a plan can plausibly concern. */
    public static int year(int year, String what) {
        if (InputRules.apply() && (year < 1990 || year > 2100)) {
            throw new IllegalArgumentException(what + " must be a year between 1990 and 2100, but was " + year);
        }
        return year;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
