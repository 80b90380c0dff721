package io.camelcount.features.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A document's derived {@code status} as COUNT reports it (contract §3, "Derived status"): an invoice's, an estimate's or a credit
 * memo's. A scenario names it in COUNT's own word, so a misspelt word fails the step instead of an assertion.
 */
public enum DocumentStatus {
    DRAFT, APPROVED, SENT, PARTIAL, PAID, OVERDUE, OPEN, APPLIED;

    /** The status a scenario names, or a failure that lists the words COUNT uses. */
    public static DocumentStatus named(String word) {
        return Arrays.stream(values())
                .filter(status -> status.word().equals(word))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("COUNT has no document status \"" + word
                        + "\"; it has " + Arrays.stream(values()).map(DocumentStatus::word)
                                .collect(Collectors.joining(", "))));
    }

    /** The word COUNT puts in {@code status}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
