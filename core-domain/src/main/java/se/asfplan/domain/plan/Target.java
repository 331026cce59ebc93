package se.asfplan.domain.plan;

import java.math.BigDecimal;

import se.asfplan.domain.shared.InputRules;
import se.asfplan.domain.shared.Values;

/** A goal's target (målvärde): e.g. at least 3 st, or at least 20 %. */
public record Target(TargetComparator comparator, BigDecimal value, String unit) {

    public Target {
        InputRules.require(comparator != null, () -> "target comparator must be given");
        InputRules.require(value != null, () -> "target value must be given");
        if (value != null) {
            BigDecimal given = value;
            InputRules.require(value.signum() >= 0,
                    () -> "target value must not be negative, but was " + given.toPlainString());
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }
        if (InputRules.apply() && (value.scale() > 4 || value.precision() - value.scale() > 12)) {
            throw new IllegalArgumentException("target value " + value.toPlainString()
                    + " has too many digits (at most 12 before and 4 after the decimal point)");
        }
        unit = Values.text(unit, "target unit", 30);
    }

    public static Target atLeast(long value, String unit) {
        return new Target(TargetComparator.AT_LEAST, BigDecimal.valueOf(value), unit);
    }

    @Override
    public String toString() {
        return comparator + " " + value.toPlainString() + " " + unit;
    }
}
