package io.camelcount.mock.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The derived lifecycle indicator COUNT shows as {@code status}. */
public enum InvoiceStatus {
    DRAFT, PAID, PARTIAL, OVERDUE, SENT, APPROVED, APPLIED, OPEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InvoiceStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
