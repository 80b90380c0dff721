package io.camelcount.mock.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What an injected fault does to the first attempt of a delivery it hits; retries and redeliveries are left alone. */
public enum WebhookFaultKind {
    /** Not sent, as if the network lost it: the attempt fails and the delivery is retried on the back-off schedule. */
    DROP("drop"),
    /** Sent twice, with the same {@code X-Webhook-Id} and body: the receiver must de-duplicate. */
    DUPLICATE("duplicate"),
    /** Held until the mock's clock has passed {@code delaySeconds} after the event. */
    DELAY("delay"),
    /**
     * Held back until the next delivery has been sent, so that the two arrive in the reverse order; sent after a
     * minute on the mock's clock when no other comes.
     */
    OUT_OF_ORDER("outOfOrder");

    private final String wireName;

    WebhookFaultKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookFaultKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(WebhookFaultKind::wireName).toList());
    }
}
