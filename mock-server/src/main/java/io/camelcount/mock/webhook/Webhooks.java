package io.camelcount.mock.webhook;

import io.camelcount.mock.domain.MockClock;

import java.time.Duration;

/**
 * The mock's webhooks (contract §8): the partner apps' subscriptions, the deliveries under way and the delivery faults
 * injected through the admin API. A reset forgets all three; a data directory keeps the subscriptions only.
 */
public final class Webhooks implements AutoCloseable {

    private final Subscriptions subscriptions;
    private final WebhookFaults faults = new WebhookFaults();
    private final WebhookDeliveries deliveries;

    public Webhooks(MockClock clock, EventPayload payload, Duration timeout) {
        this.subscriptions = new Subscriptions(clock);
        this.deliveries = new WebhookDeliveries(clock, subscriptions, faults, payload, timeout);
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public WebhookFaults faults() {
        return faults;
    }

    public WebhookDeliveries deliveries() {
        return deliveries;
    }

    public void reset() {
        subscriptions.clear();
        faults.clear();
        deliveries.clear();
    }

    /** Stops the sender; a delivery under way is cut short. */
    @Override
    public void close() {
        deliveries.close();
    }
}
