package io.camelcount.mock.webhook;

import io.camelcount.mock.domain.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook subscriptions (contract §8), each owned by one partner app (client ID) in one workspace: an app sees,
 * changes and deletes only its own, and another app's or another workspace's UUID is a 404, as for any resource.
 * Thread-safe.
 */
public final class Subscriptions {

    /** The v1 events (contract §8); COUNT's {@code vendor.*} and {@code bill.*} are out of the mock's scope. */
    public static final List<String> EVENTS = List.of("customer.created", "customer.updated", "customer.deleted",
            "invoice.created", "invoice.updated", "invoice.deleted",
            "transaction.created", "transaction.updated", "transaction.deleted");
    /** Decision (mock): COUNT's limit is unknown; this one keeps a runaway client from filling the mock's memory. */
    public static final int MAX_PER_APP = 100;
    /** Decision (mock): COUNT's rules for a secret are unknown; any text up to this length signs. */
    static final int LONGEST_SECRET = 256;

    private final Clock clock;
    private final Map<UUID, Subscription> subscriptions = new LinkedHashMap<>();
    /** Counts the changes, so that a data directory knows when to save them. */
    private final AtomicLong changes = new AtomicLong();

    public Subscriptions(Clock clock) {
        this.clock = clock;
    }

    public synchronized Subscription create(UUID workspace, String clientId, SubscriptionRequest request) {
        String event = event(request.event());
        String callbackUrl = CallbackUrl.check(request.callbackUrl());
        String secret = secret(request.signingSecret());
        if (own(workspace, clientId).size() >= MAX_PER_APP) {
            throw DomainException.rule("too_many_webhooks", "This app has " + MAX_PER_APP + " webhook subscriptions in"
                    + " this workspace, the mock's limit; delete one first");
        }
        Instant now = now();
        Subscription subscription = new Subscription(UUID.randomUUID(), workspace, clientId, event, callbackUrl, secret,
                request.status() == null ? SubscriptionStatus.ACTIVE : request.status(), now, now);
        put(subscription);
        return subscription;
    }

    /** The app's subscriptions in the workspace, oldest first. */
    public synchronized List<Subscription> own(UUID workspace, String clientId) {
        return subscriptions.values().stream()
                .filter(subscription -> subscription.workspaceUuid().equals(workspace)
                        && subscription.clientId().equals(clientId))
                .toList();
    }

    /** Only the fields sent change; the result is checked like a create. */
    public synchronized Subscription update(UUID workspace, String clientId, UUID uuid, SubscriptionRequest request) {
        Subscription current = owned(workspace, clientId, uuid);
        String event = request.sent().contains("event") ? event(request.event()) : current.event();
        String callbackUrl = request.sent().contains("callbackUrl") ? CallbackUrl.check(request.callbackUrl())
                : current.callbackUrl();
        String secret = request.sent().contains("signingSecret") ? secret(request.signingSecret())
                : current.signingSecret();
        if (request.sent().contains("status") && request.status() == null) {
            throw DomainException.ruleOnField("invalid_status", "status", "status must be active, paused or disabled");
        }
        SubscriptionStatus status = request.status() == null ? current.status() : request.status();
        Subscription updated = new Subscription(uuid, workspace, clientId, event, callbackUrl, secret, status,
                current.createdAt(), now());
        put(updated);
        return updated;
    }

    public synchronized Subscription delete(UUID workspace, String clientId, UUID uuid) {
        Subscription deleted = owned(workspace, clientId, uuid);
        subscriptions.remove(uuid);
        changes.incrementAndGet();
        return deleted;
    }

    /** The active subscriptions, of any app, that deliver {@code event} of the workspace. */
    synchronized List<Subscription> delivering(UUID workspace, String event) {
        return subscriptions.values().stream().filter(subscription -> subscription.delivers(workspace, event)).toList();
    }

    /** Every subscription, for a data directory; secrets included. */
    public synchronized List<Subscription> all() {
        return List.copyOf(subscriptions.values());
    }

    public synchronized void restore(Collection<Subscription> kept) {
        subscriptions.clear();
        kept.forEach(this::put);
    }

    public synchronized void clear() {
        subscriptions.clear();
        changes.incrementAndGet();
    }

    /** How many changes there were (a count that only grows). */
    public long changes() {
        return changes.get();
    }

    private Subscription owned(UUID workspace, String clientId, UUID uuid) {
        Subscription subscription = subscriptions.get(uuid);
        if (subscription == null || !subscription.workspaceUuid().equals(workspace)
                || !subscription.clientId().equals(clientId)) {
            throw DomainException.notFound("uuid", "Webhook " + uuid + " not found for this app in this workspace");
        }
        return subscription;
    }

    private void put(Subscription subscription) {
        subscriptions.put(subscription.uuid(), subscription);
        changes.incrementAndGet();
    }

    private static String event(String event) {
        if (event == null) {
            throw DomainException.ruleOnField("invalid_event", "event", "event is required: one of " + String.join(", ", EVENTS));
        }
        if (!EVENTS.contains(event)) {
            throw DomainException.ruleOnField("invalid_event", "event", "event must be one of " + String.join(", ", EVENTS)
                    + ", got \"" + abbreviated(event) + "\"");
        }
        return event;
    }

    /** Null (not sent, or sent as null) for no secret; never echoed in a message. */
    private static String secret(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.isBlank() || secret.length() > LONGEST_SECRET) {
            throw DomainException.ruleOnField("invalid_signing_secret", "signingSecret", "signingSecret must be 1 to "
                    + LONGEST_SECRET + " characters, not blank; send null to sign nothing");
        }
        return secret;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
