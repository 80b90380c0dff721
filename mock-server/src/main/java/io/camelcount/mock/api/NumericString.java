package io.camelcount.mock.api;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount written as a JSON string, as COUNT accepts amounts, quantities and prices (contract §2):
 * {@code "120.00"}, {@code "-5"}. Plain decimal notation only; {@code "1e3"}, {@code " 5"} or {@code ".5"} are
 * no numbers here, since what COUNT makes of them is not known.
 */
public final class NumericString {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private NumericString() {
    }

    /** @return the number, or empty when {@code text} is not one in plain decimal notation */
    public static Optional<BigDecimal> parse(String text) {
        return PLAIN_DECIMAL.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }
}
