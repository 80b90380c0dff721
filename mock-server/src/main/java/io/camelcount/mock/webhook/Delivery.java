package io.camelcount.mock.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One event on its way to one subscription: the exact bytes to send (the same on every retry, so that a signature
 * and a de-duplication by {@code X-Webhook-Id} hold), where and when. Not thread-safe: {@link WebhookDeliveries}
 * changes it under its lock. The subscription's URL and secret are taken when the event happens, so that a change
 * of the subscription does not change what a delivery already under way signs.
 */
final class Delivery {

    enum State {
        PENDING("pending"), DELIVERED("delivered"), GIVEN_UP("givenUp");

        final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }
    }

    final UUID id;
    final UUID workspaceUuid;
    final UUID subscriptionUuid;
    final String event;
    final String callbackUrl;
    final String signingSecret;
    final byte[] body;
    final Instant createdAt;
    /** The fault that hit it, or null; it applies to the first attempt only. */
    final WebhookFaultRule fault;
    final List<DeliveryAttempt> attempts = new ArrayList<>();
    State state = State.PENDING;
    /** When the next attempt is due, on the mock's clock. */
    Instant dueAt;
    /** Failures since it was last (re)delivered: they choose the next back-off step. */
    int failures;
    /** Counts redeliveries, so that an attempt under way when one was asked for does not decide the new round. */
    int round;
    /** Held back by an {@link WebhookFaultKind#OUT_OF_ORDER} fault until another delivery is sent. */
    boolean heldBack;
    boolean inFlight;

    Delivery(UUID id, Subscription subscription, String event, byte[] body, Instant createdAt, WebhookFaultRule fault) {
        this.id = id;
        this.workspaceUuid = subscription.workspaceUuid();
        this.subscriptionUuid = subscription.uuid();
        this.event = event;
        this.callbackUrl = subscription.callbackUrl();
        this.signingSecret = subscription.signingSecret();
        this.body = body;
        this.createdAt = createdAt;
        this.fault = fault;
        this.dueAt = createdAt;
    }

    /** Whether an attempt should start now: pending, not under way, not held back, and due. */
    boolean due(Instant now) {
        return state == State.PENDING && !inFlight && !heldBack && !dueAt.isAfter(now);
    }

    /** The kind of fault that hits this attempt: the injected one on the first attempt only. */
    Optional<WebhookFaultKind> faultNow() {
        return fault == null || !attempts.isEmpty() ? Optional.empty() : Optional.of(fault.kind());
    }

    DeliveryStatus status() {
        return new DeliveryStatus(id, workspaceUuid, subscriptionUuid, event, callbackUrl, state.wireName, createdAt,
                state == State.PENDING ? dueAt : null, fault == null ? null : fault.kind().wireName(), List.copyOf(attempts));
    }

    @Override
    public String toString() {
        return "Delivery[" + id + ", " + event + "]";
    }
}
