package io.camelcount.mock.webhook;

import java.time.Instant;

/**
 * One try at a delivery.
 *
 * @param at             when, on the mock's clock
 * @param outcome        {@code delivered} (a 2xx), {@code failed} (another status, a timeout, no connection, a refused
 *                       address) or {@code dropped} (an injected fault: never sent, as if the network lost it)
 * @param responseStatus the receiver's HTTP status; null when none came
 * @param error          why it failed without a status, in a few words; null otherwise. Never the URL or a secret.
 */
public record DeliveryAttempt(int number, Instant at, String outcome, Integer responseStatus, String error) {

    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    static final String DROPPED = "dropped";

    boolean delivered() {
        return outcome.equals(DELIVERED);
    }
}
