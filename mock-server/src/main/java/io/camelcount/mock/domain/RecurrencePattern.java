package io.camelcount.mock.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How often a recurring template issues an invoice, before {@code recurrenceInterval} multiplies it. */
public enum RecurrencePattern {
    DAILY(Period.ofDays(1)),
    WEEKLY(Period.ofDays(7)),
    BIWEEKLY(Period.ofDays(14)),
    MONTHLY(Period.ofMonths(1)),
    QUARTERLY(Period.ofMonths(3)),
    YEARLY(Period.ofYears(1));

    private final Period step;

    RecurrencePattern(Period step) {
        this.step = step;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Also reads {@code bi-weekly}, which some COUNT screens and clients spell with a hyphen. */
    public static Optional<RecurrencePattern> fromWireName(String name) {
        String normalised = "bi-weekly".equals(name) ? "biweekly" : name;
        return Arrays.stream(values()).filter(pattern -> pattern.wireName().equals(normalised)).findFirst();
    }

    /**
     * The {@code steps}-th date after {@code anchor}, always counted from the anchor so that a monthly
     * schedule that starts on the 31st comes back to the 31st after a short month.
     */
    LocalDate stepsAfter(LocalDate anchor, long steps) {
        return anchor.plus(step.getMonths() == 0 && step.getYears() == 0
                ? Period.ofDays(Math.toIntExact(step.getDays() * steps))
                : Period.ofMonths(Math.toIntExact(step.toTotalMonths() * steps)));
    }
}
