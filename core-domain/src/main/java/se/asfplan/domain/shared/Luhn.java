package se.asfplan.domain.shared;

/** The Luhn (mod 10) check used by Swedish organisation and personal identity numbers. */
public final class Luhn {

    private Luhn() {
    }

    /** Whether the string of digits ends in a correct Luhn check digit. */
    public static boolean isValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }
}
