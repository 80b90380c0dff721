package io.camelcount.mock.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A day as the API writes it, {@code YYYY-MM-DD}. Read field by field rather than with {@code LocalDate.parse}, whose
 * formatter took 8 to 14% of a create's handling in JFR; {@link LocalDate#of} refuses a day that does not exist
 * (2026-02-30) as the formatter's strict resolution does.
 */
final class IsoDay {

    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private IsoDay() {
    }

    /** The day, or empty when the text is not {@code YYYY-MM-DD} or names no day. */
    static Optional<LocalDate> parse(String text) {
        if (!DAY.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10)));
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
    }
}
