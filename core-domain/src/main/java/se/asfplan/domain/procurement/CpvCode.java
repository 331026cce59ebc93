package se.asfplan.domain.procurement;

import java.util.regex.Pattern;

import se.asfplan.domain.shared.Identifier;

/**
 * A code of the Common Procurement Vocabulary (CPV), written {@code NNNNNNNN-N}: eight digits naming the subject
 * and a check digit. Only the format is checked; the CPV check digit's algorithm is not published with the
 * vocabulary, so a code with a wrong check digit is not detected here.
 */
public record CpvCode(String value) implements Identifier, Comparable<CpvCode> {

    private static final Pattern FORMAT = Pattern.compile("\\d{8}-\\d");

    public CpvCode {
        if (value == null || !FORMAT.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException("CPV code must be written NNNNNNNN-N (eight digits, a hyphen and a "
                    + "check digit), but was " + (value == null ? "null" : "'" + value + "'"));
        }
        value = value.strip();
    }

    /** The eight digits that place the code in the vocabulary, as a number for range checks. */
    public int subject() {
        return Integer.parseInt(value.substring(0, 8));
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
