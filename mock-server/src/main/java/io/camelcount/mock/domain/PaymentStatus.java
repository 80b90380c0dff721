package io.camelcount.mock.domain;

import java.util.Locale;

public enum PaymentStatus {
    UNPAID, PARTIAL, PAID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
