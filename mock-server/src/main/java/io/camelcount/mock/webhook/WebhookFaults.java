package io.camelcount.mock.webhook;

import io.camelcount.mock.domain.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The delivery faults injected through the admin API, in the order they were added. A new delivery is hit by the
 * first fault that matches its event, has hits left and, for a probabilistic fault, draws a hit; each fault draws
 * from its own sequence seeded from its rule, so a run repeats. Spent faults stay listed, so a test can check that
 * they fired. Thread-safe.
 */
public final class WebhookFaults {

    /** A fault as the admin API shows it. */
    public record Status(String id, WebhookFaultRule rule, int hits) {
    }

    /** Every delivery is checked against every fault, spent ones too, so their number stays small. */
    public static final int MAX_FAULTS = 100;

    private final List<Status> armed = new ArrayList<>();
    private final List<Random> draws = new ArrayList<>();
    private int lastId;

    /** @throws DomainException when {@link #MAX_FAULTS} faults are armed already */
    public synchronized Status add(WebhookFaultRule rule) {
        if (armed.size() >= MAX_FAULTS) {
            throw DomainException.validation("faults", "At most " + MAX_FAULTS
                    + " webhook faults can be armed at once, spent ones included; remove them first");
        }
        Status fault = new Status("webhook-fault-" + ++lastId, rule, 0);
        armed.add(fault);
        draws.add(new Random(rule.seed()));
        return fault;
    }

    public synchronized List<Status> list() {
        return List.copyOf(armed);
    }

    public synchronized void clear() {
        armed.clear();
        draws.clear();
        lastId = 0;
    }

    /** The fault that hits a new delivery of {@code event}, if any; the hit is counted. */
    synchronized Optional<WebhookFaultRule> strike(String event) {
        for (int i = 0; i < armed.size(); i++) {
            Status fault = armed.get(i);
            WebhookFaultRule rule = fault.rule();
            boolean spent = rule.times() != null && fault.hits() >= rule.times();
            if (spent || !rule.matches(event)
                    || rule.probability() < 1 && draws.get(i).nextDouble() >= rule.probability()) {
                continue;
            }
            armed.set(i, new Status(fault.id(), rule, fault.hits() + 1));
            return Optional.of(rule);
        }
        return Optional.empty();
    }
}
