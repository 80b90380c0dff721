package io.camelcount.mock.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The faults injected through the admin API, in the order they were added. A request is hit by the
 * first fault that matches it, has hits left and, for a probabilistic fault, draws a hit.
 *
 * <p>Each fault draws from its own random sequence, seeded from the rule, so a test that sends the
 * same requests in the same order sees the same requests fail on every run. Spent faults stay listed
 * (with no hits left), so that a test can check that they fired.
 */
public final class Faults {

    /** A fault as the admin API shows it. */
    public record Status(String id, FaultRule rule, int hits, Integer remaining) {
    }

    private static final class Armed {
        private final String id;
        private final FaultRule rule;
        private final Random draws;
        private int hits;

        private Armed(String id, FaultRule rule) {
            this.id = id;
            this.rule = rule;
            this.draws = new Random(rule.seed());
        }

        private boolean spent() {
            return rule.times() != null && hits >= rule.times();
        }

        private Status status() {
            return new Status(id, rule, hits, rule.times() == null ? null : rule.times() - hits);
        }
    }

    /** Every request is checked against every fault, spent ones too, so their number stays small. */
    public static final int MAX_FAULTS = 100;

    private final List<Armed> armed = new ArrayList<>();
    private int lastId;

    /** @throws FaultRule.InvalidFault when {@link #MAX_FAULTS} faults are armed already */
    public synchronized Status add(FaultRule rule) {
        if (armed.size() >= MAX_FAULTS) {
            throw new FaultRule.InvalidFault("faults", "At most " + MAX_FAULTS + " faults can be armed at once, spent"
                    + " ones included; remove them with DELETE /__admin/count/faults first.");
        }
        Armed fault = new Armed("fault-" + ++lastId, rule);
        armed.add(fault);
        return fault.status();
    }

    public synchronized List<Status> list() {
        return armed.stream().map(Armed::status).toList();
    }

    public synchronized void clear() {
        armed.clear();
        lastId = 0;
    }

    /** The fault that hits this request, if any; a hit is counted against the fault's {@code times}. */
    public synchronized Optional<FaultRule> strike(String method, String urlPath) {
        for (Armed fault : armed) {
            if (fault.spent() || !fault.rule.matches(method, urlPath)) {
                continue;
            }
            if (fault.rule.probability() < 1 && fault.draws.nextDouble() >= fault.rule.probability()) {
                continue;
            }
            fault.hits++;
            return Optional.of(fault.rule);
        }
        return Optional.empty();
    }
}
