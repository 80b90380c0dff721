package io.camelcount.mock.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a bank or cash transaction is, as COUNT spells it. count-cli normalises the lower-case forms
 * ({@code income}, {@code journal_entry}, {@code journal}) before sending; COUNT accepts them too, so the mock does.
 */
public enum TransactionType {
    INCOME("Income"), EXPENSE("Expense"), TRANSFER("Transfer"), JOURNAL_ENTRY("Journal Entry");

    private final String wireName;

    TransactionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** {@code Income}, {@code income}, {@code Journal Entry}, {@code journal_entry}, {@code journal}, … */
    public static Optional<TransactionType> fromWireName(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "_");
        if (key.equals("JOURNAL")) {
            return Optional.of(JOURNAL_ENTRY);
        }
        return Arrays.stream(values()).filter(type -> type.name().equals(key)).findFirst();
    }
}
