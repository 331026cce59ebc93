package se.asfplan.domain.shared;

/**
 * A Swedish organisation number (organisationsnummer), written NNNNNN-NNNN, whose last digit is a Luhn check
 * digit. A legal person's number has 2 or more as its third digit; a number with a smaller third digit reads as a
 * date, which is what a personal identity number (personnummer) is, and is refused: a sole trader's (enskild
 * firma's) organisation number is the owner's personnummer and must never be stored.
 */
public record OrganisationNumber(String value) implements Identifier {

    /** The form of the number as a regular expression (the hyphen may be left out); the API description shows it. */
    public static final String PATTERN = "\\d{6}-?\\d{4}";
    /** A valid number to show as an example in the API description (no real organisation's). */
    public static final String EXAMPLE = "556677-8899";

    public OrganisationNumber {
        value = InputRules.apply() ? checked(value) : asStored(value);
    }

    private static String checked(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("organisation number must be given, written NNNNNN-NNNN");
        }
        String digits = value.strip().replace("-", "");
        if (!digits.matches("\\d{10}") || !value.strip().matches("\\d{6}-?\\d{4}")) {
            throw new IllegalArgumentException("organisation number must be written NNNNNN-NNNN (10 digits)");
        }
        if (!Luhn.isValid(digits)) {
            throw new IllegalArgumentException("organisation number " + digits.substring(0, 6) + "-"
                    + digits.substring(6) + " has a wrong check digit (the last digit fails the Luhn check)");
        }
        if (digits.charAt(2) < '2') {
            throw new IllegalArgumentException("a legal person's organisation number has 2 or more as its third "
                    + "digit; this one reads as a personal identity number, which is never stored (register a sole "
                    + "trader without an organisation number)");
        }
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** A stored number as it was recorded, in the canonical form when it has ten digits at all. */
    private static String asStored(String value) {
        String digits = value == null ? null : value.strip().replace("-", "");
        return digits != null && digits.matches("\\d{10}") ? digits.substring(0, 6) + "-" + digits.substring(6) : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
