package se.asfplan.domain.plan;

import java.math.BigDecimal;

/** How an outcome is compared with a target value. */
public enum TargetComparator {
    AT_LEAST, AT_MOST, EXACTLY;

    public boolean isMet(BigDecimal outcome, BigDecimal target) {
        int c = outcome.compareTo(target);
        return switch (this) {
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
            case EXACTLY -> c == 0;
        };
    }
}
