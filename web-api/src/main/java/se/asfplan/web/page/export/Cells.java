package se.asfplan.web.page.export;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What every exported cell goes through. A text beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return is read by spreadsheet programs as a formula (CSV injection, OWASP); it is neutralised by a
 * leading single quote, which shows the text as written. Numbers and dates are typed values, never formulas.
 */
public final class Cells {

    private Cells() {
    }

    /** The text with a leading single quote when a spreadsheet would otherwise read it as a formula. */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + text : text;
    }

    /** Whether the cell is written as a number. */
    static boolean isNumber(Object cell) {
        return cell instanceof Number;
    }

    /** Whether the cell is written as a date. */
    static boolean isDate(Object cell) {
        return cell instanceof LocalDate;
    }

    /** A number as an exact decimal, without exponent. */
    static BigDecimal decimal(Number number) {
        BigDecimal value = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Any other cell as its neutralised text. */
    static String text(Object cell) {
        return neutralised(String.valueOf(cell));
    }
}
