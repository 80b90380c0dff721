package io.camelcount.mock.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * A subscription's state (contract §8). Only an active one is delivered to. COUNT does not document whether a paused
 * subscription keeps its events for later; the mock delivers nothing for it, as for a disabled one, and nothing is
 * sent when it becomes active again.
 */
public enum SubscriptionStatus {
    ACTIVE("active"),
    PAUSED("paused"),
    DISABLED("disabled");

    private final String wireName;

    SubscriptionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SubscriptionStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }
}
