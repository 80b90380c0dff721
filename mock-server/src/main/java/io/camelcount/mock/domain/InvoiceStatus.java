package io.camelcount.mock.domain;

import java.util.Locale;

/** The derived lifecycle indicator COUNT shows as {@code status}. */
public enum InvoiceStatus {
    DRAFT, PAID, PARTIAL, OVERDUE, SENT, APPROVED, APPLIED, OPEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
