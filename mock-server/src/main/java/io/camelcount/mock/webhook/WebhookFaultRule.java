package io.camelcount.mock.webhook;

import io.camelcount.mock.domain.DomainException;

import java.time.Duration;
import java.util.Objects;

/**
 * Which deliveries a fault hits, and how.
 *
 * @param event       the event it hits ({@code invoice.updated}), or null for any
 * @param probability the chance that a matching delivery is hit, drawn from a random sequence seeded with
 *                    {@code seed}, so that a run that causes the same events in the same order sees the same faults
 * @param times       how many deliveries it hits before it is spent; null for no end
 * @param delay       how long a {@link WebhookFaultKind#DELAY} holds the delivery, on the mock's clock
 */
public record WebhookFaultRule(WebhookFaultKind kind, String event, double probability, Integer times, long seed,
                               Duration delay) {

    /** The longest back-off step: a delay beyond it is a delivery that never comes within a test. */
    public static final Duration LONGEST_DELAY = Duration.ofHours(6);
    public static final int MAX_TIMES = 1_000_000;

    public WebhookFaultRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (event != null && !Subscriptions.EVENTS.contains(event)) {
            throw DomainException.validation("event", "event must be one of " + String.join(", ", Subscriptions.EVENTS)
                    + ", or left out for any");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw DomainException.validation("probability", "probability must be above 0 and at most 1, got " + probability);
        }
        if (times != null && (times < 1 || times > MAX_TIMES)) {
            throw DomainException.validation("times", "times must be from 1 to " + MAX_TIMES + ", or left out for no end");
        }
        if (delay.isNegative() || delay.isZero() || delay.compareTo(LONGEST_DELAY) > 0) {
            throw DomainException.validation("delaySeconds", "delaySeconds must be from 1 to " + LONGEST_DELAY.toSeconds()
                    + " (six hours on the mock's clock)");
        }
    }

    boolean matches(String eventName) {
        return event == null || event.equals(eventName);
    }
}
