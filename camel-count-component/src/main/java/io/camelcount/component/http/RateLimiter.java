package io.camelcount.component.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side rate limit for COUNT: never more than {@code limit} permits in any rolling window of length
 * {@code window} (COUNT allows 100 requests per minute per client ID, all routes together, and the mock enforces it
 * as a rolling 60-second window). Bursts up to the limit pass at once; beyond that, callers <b>wait</b> for a permit.
 * <p>
 * Precisely: permit <i>n</i> is granted at an instant {@code s(n) >= s(n - limit) + window}, and grant instants never
 * decrease, so every half-open interval {@code [t, t + window)} holds at most {@code limit} grants. A permit granted
 * at {@code t} leaves the window at {@code t + window}.
 * <p>
 * <b>Fairness:</b> each caller reserves the next free instant under a short lock and then sleeps without holding it,
 * so permits are handed out in the order callers arrive and a waiting thread never stops others from computing their
 * own wait. A caller interrupted while waiting throws {@link InterruptedException} and its reserved permit is not
 * given back (it stays counted: the limiter errs on the safe side).
 * <p>
 * The limiter counts the instants it grants permits; COUNT counts the instants requests arrive. Requests that leave
 * late (a slow connection, a paused thread) can still bunch up at the server; COUNT's 429 remains possible and must
 * still be handled.
 * <p>
 * One limiter per COUNT base URL and client ID, shared by every endpoint in the JVM: see
 * {@link #forClient(String, String, int, Duration)}. Thread-safe.
 */
public final class RateLimiter {

    /** COUNT's documented limit: 100 requests ... */
    public static final int DEFAULT_LIMIT = 100;
    /** ... per minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
    private static final ConcurrentMap<String, RateLimiter> REGISTRY = new ConcurrentHashMap<>();

    /** How a waiting caller passes time; tests substitute one that advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {

        /** Real sleeping ({@link TimeUnit#sleep}); interruptible. */
        Sleeper SYSTEM = duration -> {
            long nanos = duration.toNanos();
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };

        /**
         * Returns after about {@code duration} (the limiter checks the clock again, so waking early or late is safe).
         *
         * @param duration positive
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;

    private final ReentrantLock lock = new ReentrantLock();
    /** Ring of the last {@code limit} grant instants (reserved ones may lie in the future); guarded by lock. */
    private final Instant[] grants;
    private int next;         // guarded by lock: the ring slot of the oldest grant, overwritten by the next one
    private Instant lastGrant; // guarded by lock

    /**
     * @param limit   permits per window; {@code <= 0} means unlimited ({@link #acquire()} never waits)
     * @param window  the rolling window; must be positive when {@code limit > 0}
     * @param clock   the time; in production a monotonic clock (see {@link #RateLimiter(int, Duration)})
     * @param sleeper how to wait
     */
    public RateLimiter(int limit, Duration window, Clock clock, Sleeper sleeper) {
        this.limit = Math.max(0, limit);
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (this.limit > 0 && (window.isZero() || window.isNegative())) {
            throw new IllegalArgumentException("The rate limit window must be positive: " + window);
        }
        this.grants = new Instant[this.limit];
    }

    /**
     * A limiter on a monotonic clock (immune to wall-clock jumps) that really sleeps.
     *
     * @param limit  permits per window; {@code <= 0} means unlimited
     * @param window the rolling window
     */
    public RateLimiter(int limit, Duration window) {
        this(limit, window, new MonotonicClock(), Sleeper.SYSTEM);
    }

    /**
     * The JVM-wide limiter for one COUNT base URL and client ID, created on first use. Base URLs are compared without
     * trailing slashes and ignoring case.
     * <p>
     * <b>The first caller's settings win.</b> If a later caller asks for the same base URL and client ID with a
     * different limit or window, it gets the existing limiter unchanged and a WARN is logged: COUNT's limit belongs to
     * the client ID, so all endpoints must share one budget, and changing the budget of a limiter in use would break
     * its guarantee. Configure the same limit on every endpoint of a client ID.
     *
     * @param limit  permits per window; {@code <= 0} means unlimited
     * @param window the rolling window, e.g. {@link #DEFAULT_WINDOW}
     */
    public static RateLimiter forClient(String baseUrl, String clientId, int limit, Duration window) {
        return forClient(baseUrl, clientId, limit, window, null, null);
    }

    /**
     * As {@link #forClient(String, String, int, Duration)}, with the clock and sleeper of a limiter made now;
     * {@code null} for the monotonic clock and real sleeping.
     */
    public static RateLimiter forClient(String baseUrl, String clientId, int limit, Duration window, Clock clock,
                                        Sleeper sleeper) {
        String key = registryKey(baseUrl, clientId);
        RateLimiter limiter = REGISTRY.computeIfAbsent(key, k -> clock == null
                ? new RateLimiter(limit, window)
                : new RateLimiter(limit, window, clock, sleeper == null ? Sleeper.SYSTEM : sleeper));
        if (!limiter.hasSettings(limit, window)) {
            LOG.warn("COUNT rate limiter for client ID {} at {} already exists with {}; the requested {} is ignored"
                            + " (the first configuration wins). Configure the same rate limit on every endpoint of a"
                            + " client ID.", clientId, baseUrl, limiter.describe(),
                    describe(Math.max(0, limit), window));
        }
        return limiter;
    }

    /**
     * Waits until a permit is available and takes it. Returns at once when unlimited or when fewer than
     * {@code limit} permits were granted in the last window.
     *
     * @throws InterruptedException if interrupted while waiting; the permit stays counted
     */
    public void acquire() throws InterruptedException {
        if (limit == 0) {
            return;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Instant grant;
        lock.lock();
        try {
            grant = clock.instant();
            if (lastGrant != null && grant.isBefore(lastGrant)) {
                grant = lastGrant; // keeps grants ordered, also if the clock goes backwards
            }
            Instant oldest = grants[next];
            if (oldest != null) {
                Instant free = oldest.plus(window);
                if (grant.isBefore(free)) {
                    grant = free;
                }
            }
            grants[next] = grant;
            next = (next + 1) % limit;
            lastGrant = grant;
        } finally {
            lock.unlock();
        }
        for (Instant now = clock.instant(); now.isBefore(grant); now = clock.instant()) {
            sleeper.sleep(Duration.between(now, grant));
        }
    }

    /** Permits per window; 0 when unlimited. */
    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    public boolean isUnlimited() {
        return limit == 0;
    }

    @Override
    public String toString() {
        return "RateLimiter[" + describe() + "]";
    }

    private boolean hasSettings(int otherLimit, Duration otherWindow) {
        int normalised = Math.max(0, otherLimit);
        return normalised == limit && (limit == 0 || window.equals(otherWindow));
    }

    private String describe() {
        return describe(limit, window);
    }

    private static String describe(int limit, Duration window) {
        return limit == 0 ? "no limit" : limit + " requests per " + window;
    }

    private static String registryKey(String baseUrl, String clientId) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(clientId, "clientId");
        String url = baseUrl.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url.toLowerCase(Locale.ROOT) + "#" + clientId.trim();
    }

    /** Wall-clock origin plus {@link System#nanoTime()}: never jumps, never goes backwards. */
    private static final class MonotonicClock extends Clock {

        private final Instant origin = Instant.now();
        private final long originNanos = System.nanoTime();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return origin.plusNanos(System.nanoTime() - originNanos);
        }
    }
}
