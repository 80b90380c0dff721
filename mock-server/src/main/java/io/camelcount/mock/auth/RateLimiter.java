package io.camelcount.mock.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * COUNT's limit of so many requests per minute per client ID, all routes together (contract §2),
 * as a rolling 60-second window on the mock's clock: the strictest reading, so that a client that
 * passes here passes COUNT's limiter whatever its exact algorithm.
 *
 * <p>A request that is admitted takes a slot for the window; a refused one (429) takes none, so a
 * client that waits {@code Retry-After} seconds gets through. A shorter window than COUNT's minute
 * lets a benchmark or soak test see many windows pass in a short run.
 */
public final class RateLimiter {

    public static final int DEFAULT_LIMIT = 100;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> admittedByClientId = new ConcurrentHashMap<>();

    /** @param limit requests per 60 seconds and client ID; 0 turns the limiter off */
    public RateLimiter(Clock clock, int limit) {
        this(clock, limit, DEFAULT_WINDOW);
    }

    /**
     * @param limit  requests per window and client ID; 0 turns the limiter off
     * @param window the rolling window, positive
     */
    public RateLimiter(Clock clock, int limit, Duration window) {
        if (limit < 0) {
            throw new IllegalArgumentException("The rate limit must be 0 (off) or more, got " + limit);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("The rate limit window must be positive, got " + window);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = limit;
        this.window = window;
    }

    public boolean enabled() {
        return limit > 0;
    }

    public int limit() {
        return limit;
    }

    /**
     * Takes a slot for {@code clientId} if one is free.
     *
     * @return the quota after this request; {@link Quota#exceeded()} when it was refused
     */
    public Quota admit(String clientId) {
        if (!enabled()) {
            throw new IllegalStateException("The rate limiter is off");
        }
        Deque<Instant> admitted = admittedByClientId.computeIfAbsent(clientId, id -> new ArrayDeque<>());
        synchronized (admitted) {
            Instant now = clock.instant();
            forgetOutsideWindow(admitted, now);
            boolean exceeded = admitted.size() >= limit;
            if (!exceeded) {
                admitted.addLast(now);
            }
            return quota(admitted, now, exceeded);
        }
    }

    /** The quota as it stands, for the headers of a response; empty when the limiter is off. */
    public Optional<Quota> quota(String clientId) {
        if (!enabled()) {
            return Optional.empty();
        }
        Deque<Instant> admitted = admittedByClientId.computeIfAbsent(clientId, id -> new ArrayDeque<>());
        synchronized (admitted) {
            Instant now = clock.instant();
            forgetOutsideWindow(admitted, now);
            return Optional.of(quota(admitted, now, false));
        }
    }

    public void clear() {
        admittedByClientId.clear();
    }

    private void forgetOutsideWindow(Deque<Instant> admitted, Instant now) {
        Instant windowStart = now.minus(window);
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(windowStart)) {
            admitted.removeFirst();
        }
    }

    private Quota quota(Deque<Instant> admitted, Instant now, boolean exceeded) {
        Instant nextSlotFree = admitted.isEmpty() ? now : admitted.peekFirst().plus(window);
        return new Quota(limit, limit - admitted.size(), nextSlotFree, Duration.between(now, nextSlotFree), exceeded);
    }

    /**
     * @param remaining   requests left in the window
     * @param reset       when the oldest request in the window leaves it and a slot frees
     * @param untilReset  how long from now that is
     * @param exceeded    whether the request this quota answers was refused
     */
    public record Quota(int limit, int remaining, Instant reset, Duration untilReset, boolean exceeded) {

        /** Whole seconds to wait before a retry can succeed; at least 1. */
        public long retryAfterSeconds() {
            long millis = untilReset.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }

        /** {@code X-RateLimit-Reset}: the Unix time in seconds, rounded up, at which a slot frees. */
        public long resetEpochSecond() {
            return reset.getNano() == 0 ? reset.getEpochSecond() : reset.getEpochSecond() + 1;
        }
    }
}
