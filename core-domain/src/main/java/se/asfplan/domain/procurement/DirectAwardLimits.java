package se.asfplan.domain.procurement;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The value limit for direct awards per financial year, in SEK, as configured by the administrator. */
public record DirectAwardLimits(Map<Integer, BigDecimal> limits) {

    public DirectAwardLimits {
        TreeMap<Integer, BigDecimal> copy = new TreeMap<>();
        limits.forEach((year, limit) -> copy.put(year, Money.sek(limit, "direct-award limit for " + year)));
        limits = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<BigDecimal> limitFor(int financialYear) {
        return Optional.ofNullable(limits.get(financialYear));
    }
}
