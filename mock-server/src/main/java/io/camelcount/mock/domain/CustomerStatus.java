package io.camelcount.mock.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a customer is in use ({@code active}) or kept only for its history ({@code inactive}). */
public enum CustomerStatus {
    ACTIVE, INACTIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CustomerStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
