package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** COUNT's money rules: amounts in the workspace currency with at most two decimals, rounded half-up. */
final class Money {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** Rejects an amount with more than two decimals rather than rounding it silently. */
    static BigDecimal requireAmount(BigDecimal value, String field) {
        if (value.stripTrailingZeros().scale() > 2) {
            throw DomainException.validation(field, field + " must have at most 2 decimals, got " + value.toPlainString());
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A plain loop: a stream's set-up costs more than the few amounts an invoice sums. */
    static BigDecimal sum(Iterable<BigDecimal> amounts) {
        BigDecimal sum = ZERO;
        for (BigDecimal amount : amounts) {
            sum = sum.add(amount);
        }
        return sum;
    }

    static boolean isPositive(BigDecimal value) {
        return value.signum() > 0;
    }
}
