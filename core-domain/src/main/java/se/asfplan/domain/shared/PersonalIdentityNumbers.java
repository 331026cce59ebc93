package se.asfplan.domain.shared;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer) in text, in
 * any of their written forms: YYMMDD-NNNN, YYMMDD+NNNN (age 100 or more), YYMMDDNNNN, YYYYMMDD-NNNN and
 * YYYYMMDDNNNN. The separator may also be a space or a typographic dash, with spaces around it
 * ({@code 640823 - 3234}). The text is screened in a normal form, so that a number typed in other digits or
 * characters that look alike is found too: Unicode compatibility normalisation (NFKC: full-width digits and
 * dashes), then every decimal digit of any script (Arabic-Indic, Devanagari, ...) as its ASCII digit, and every
 * dash as a hyphen. A match must end in a correct Luhn digit and encode a real date (for a samordningsnummer the
 * day plus 60). Organisation numbers pass: their third and fourth digits (20 or more) are no month.
 *
 * <p>Participants in ASF are vulnerable people and the event log is immutable; destroying records is gallring
 * under arkivlagen and needs a formal decision. So such numbers are kept out of every recorded text.
 */
public final class PersonalIdentityNumbers {

    /** Spaces a separator may stand between, after NFKC (which makes no-break and typographic spaces plain). */
    private static final String SPACES = "[ \\t\u200b]{0,3}";
    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![0-9])((?:19|20)?)([0-9]{2})([0-9]{2})([0-9]{2})"
                    + SPACES + "(?:[-+]" + SPACES + ")?"
                    + "([0-9]{4})(?![0-9])");

    private PersonalIdentityNumbers() {
    }

    /**
     * Whether the text can hold a number at all, decided without normalising it: false for a text of ASCII characters
     * only (which NFKC leaves as they are) with fewer than ten digits, the shortest number's count. Any other character
     * may become one or more digits under NFKC (a full-width or circled digit), so such a text is always screened.
     * Most stored texts are identifiers, dates and codes: this keeps the screen off the event-reading path for them.
     */
    public static boolean mayHoldNumber(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 127) {
                return true;
            }
            if (c >= '0' && c <= '9' && ++digits >= 10) {
                return true;
            }
        }
        return false;
    }

    /** What {@link #mask} writes in place of each number. */
    public static final String MASK = "[personnummer dolt]";

    /** The first personal identity or coordination number written in the text, in its screened form. */
    public static Optional<String> findIn(String text) {
        if (text == null || !mayHoldNumber(text)) {
            return Optional.empty();
        }
        Matcher matcher = CANDIDATE.matcher(screeningForm(text));
        while (matcher.find()) {
            if (isNumber(matcher)) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    /**
     * The text with every personal identity or coordination number in it replaced by {@link #MASK}: the screen
     * applied when stored texts are read back (a text recorded before the screen, or one that slipped past it,
     * never shows a number). A text with no such number is returned unchanged; one with a number comes back in its
     * screened form (see {@link #screeningForm}) with the numbers masked.
     */
    public static String mask(String text) {
        if (text == null || !mayHoldNumber(text)) {
            return text;
        }
        String screened = screeningForm(text);
        Matcher matcher = CANDIDATE.matcher(screened);
        StringBuilder masked = new StringBuilder(screened.length());
        int copied = 0;
        while (matcher.find()) {
            if (isNumber(matcher)) {
                masked.append(screened, copied, matcher.start()).append(MASK);
                copied = matcher.end();
            }
        }
        if (copied == 0) {
            return text;
        }
        return masked.append(screened, copied, screened.length()).toString();
    }

    private static boolean isNumber(Matcher matcher) {
        String century = matcher.group(1);
        String year = matcher.group(2);
        int month = Integer.parseInt(matcher.group(3));
        int day = Integer.parseInt(matcher.group(4));
        String digits = year + matcher.group(3) + matcher.group(4) + matcher.group(5);
        return Luhn.isValid(digits) && isRealDate(century, Integer.parseInt(year), month, day > 60 ? day - 60 : day);
    }

    /**
     * The text as it is screened: NFKC-normalised, every decimal digit as an ASCII digit, every dash (the Unicode
     * dash punctuation, the minus sign) as a hyphen.
     */
    static String screeningForm(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder screened = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                screened.append((char) ('0' + Character.digit(c, 10)));
            } else if (Character.getType(c) == Character.DASH_PUNCTUATION || c == '\u2212') {
                screened.append('-');
            } else {
                screened.appendCodePoint(c);
            }
        });
        return screened.toString();
    }

    private static boolean isRealDate(String century, int year, int month, int day) {
        if (!century.isEmpty()) {
            return exists(Integer.parseInt(century) * 100 + year, month, day);
        }
        return exists(1900 + year, month, day) || exists(2000 + year, month, day);
    }

    private static boolean exists(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
