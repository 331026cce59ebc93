package se.asfplan.domain.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in Swedish kronor (SEK), exact to the öre: never floating point. */
final class Money {

    private Money() {
    }

    /** A non-negative amount with at most two decimals, returned with exactly two. */
    public static BigDecimal sek(BigDecimal amount, String what) {
        if (amount == null) {
            throw new IllegalArgumentException(what + " must be given, in SEK");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, but was " + amount.toPlainString());
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new IllegalArgumentException(what + " must be whole öre (at most two decimals), but was "
                    + amount.toPlainString());
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
