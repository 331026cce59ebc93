package se.asfplan.web.browser;

import java.util.concurrent.ThreadLocalRandom;

/** Random organisation numbers of legal persons, with a correct Luhn check digit (or, on request, a wrong one). */
public final class OrganisationNumbers {

    private OrganisationNumbers() {
    }

    public static String valid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder();
        digits.append(random.nextInt(10)).append(random.nextInt(10)).append(2 + random.nextInt(8));
        for (int i = 0; i < 6; i++) {
            digits.append(random.nextInt(10));
        }
        digits.append(checkDigit(digits));
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** The same number with its last digit wrong. */
    static String withWrongCheckDigit(String number) {
        int last = number.charAt(number.length() - 1) - '0';
        return number.substring(0, number.length() - 1) + (last + 1) % 10;
    }

    private static int checkDigit(CharSequence nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = nine.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
