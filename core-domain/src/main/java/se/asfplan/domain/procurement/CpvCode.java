package se.asfplan.domain.procurement;

import se.asfplan.domain.shared.InputRules;

import java.util.regex.Pattern;

import se.asfplan.domain.shared.Identifier;

/**
 * A code of the Common Procurement Vocabulary (CPV), written {@code NNNNNNNN-N}: eight digits naming the subject
 * and a check digit. Only the format is checked; the CPV check digit's algorithm is not published with the
 * vocabulary, so a code with a wrong check digit is not detected here.
 */
public record CpvCode(String value) implements Identifier, Comparable<CpvCode> {

    /** The form of a CPV code as a regular expression; the API description shows it. */
    public static final String PATTERN = "\\d{8}-\\d";
    /** A code to show as an example in the API description (social work services without accommodation). */
    public static final String EXAMPLE = "85312000-9";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public CpvCode {
        if (InputRules.apply() && (value == null || !FORMAT.matcher(value.strip()).matches())) {
            throw new IllegalArgumentException("CPV code must be written NNNNNNNN-N (eight digits, a hyphen and a "
                    + "check digit), but was " + (value == null ? "null" : "'" + value + "'"));
        }
        value = value == null ? null : value.strip();
    }

    /** The eight digits that place the code in the vocabulary, as a number for range checks. */
    public int subject() {
        return Integer.parseInt(value.substring(0, 8));
    }

    /**
     * Whether the two codes name services of which one includes the other: the same code, or one code a division,
     * group, class or category (its eight digits ending in zeros) that the other lies in. {@code 85000000-9}
     * (health and social work services) thus concerns the same services as {@code 85312000-9} (social work
     * services without accommodation), while {@code 85312000-9} and {@code 80511000-9} (staff training) do not.
     */
    public boolean concernsSameServicesAs(CpvCode other) {
        String mine = significantDigits();
        String theirs = other.significantDigits();
        return mine.startsWith(theirs) || theirs.startsWith(mine);
    }

    /** The subject's digits without the trailing zeros that leave a level of the vocabulary open (at least two). */
    private String significantDigits() {
        String digits = value.substring(0, 8);
        int end = 8;
        while (end > 2 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    @Override
    public int compareTo(CpvCode other) {
        return Integer.compare(subject(), other.subject());
    }

    @Override
    public String toString() {
        return value;
    }
}
