package io.camelcount.component.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Client-side rate limit for COUNT: never more than {@code limit} permits in any rolling window of length
 * {@code window} (COUNT allows 100 requests per minute per client ID, all routes together, and the mock enforces it
 * as a rolling 60-second window). Bursts up to the limit pass at once; beyond that, callers <b>wait</b> for a permit.
 * <p>
 * Precisely: permits take turns in {@code limit} slots, and permit <i>n</i> is granted at an instant
 * {@code s(n) >= u(n - limit) + window}, where {@code u} is when the slot's previous permit stopped counting: the
 * instant its request was {@linkplain #answered(Permit) answered}, when that was reported before permit <i>n</i> was
 * asked for, else its grant. Grant instants never decrease, so every half-open interval {@code [t, t + window)} holds
 * at most {@code limit} grants.
 * <p>
 * <b>Why until the answer:</b> the limiter counts when it lets a request go, COUNT counts when the request arrives,
 * and the two differ by however long the request took to leave (a paused thread, a wait for a pooled connection, a
 * slow network). A request that left late could arrive less than a window before the request that reuses its slot,
 * and COUNT would refuse that one. COUNT has seen a request by the time it answers it, so a slot that is free again
 * only a window after the answer keeps COUNT's count within the limit too, whatever the delays. It costs a slot the
 * request's round trip in each window. This holds whenever a request is answered before its slot comes round again,
 * that is whenever fewer than {@code limit} requests are in flight at once; beyond that, and for requests whose
 * answer is never reported, a permit counts from its grant and COUNT's 429 remains possible and must still be
 * handled.
 * <p>
 * <b>Fairness:</b> each caller reserves the next free instant under a short lock and then sleeps without holding it,
 * so permits are handed out in the order callers arrive and a waiting thread never stops others from computing their
 * own wait. A caller interrupted while waiting throws {@link InterruptedException} and its reserved permit is not
 * given back (it stays counted: the limiter errs on the safe side).
 * <p>
 * One limiter per COUNT base URL and client ID, shared by every endpoint in the JVM: see
 * {@code io.camelcount.component.CountConnections}. Thread-safe.
 */
public final class RateLimiter {

    /** COUNT's documented limit: 100 requests ... */
    public static final int DEFAULT_LIMIT = 100;
    /** ... per minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

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

    /** A permit to send one request; report its answer with {@link #answered(Permit)}. */
    public static final class Permit {

        private static final Permit UNLIMITED = new Permit(-1, 0, Duration.ZERO);

        private final int slot;
        private final long ticket;
        private final Duration waited;

        private Permit(int slot, long ticket, Duration waited) {
            this.slot = slot;
            this.ticket = ticket;
            this.waited = waited;
        }

        /** How long its caller waited for it, on the limiter's clock: from asking to the grant. */
        public Duration waited() {
            return waited;
        }
    }

    /**
     * Where a limiter keeps its slots: in this JVM ({@link RateLimiter#RateLimiter(int, Duration, Clock, Sleeper) by default}),
     * or where several JVMs share them (cluster mode keeps them in a database). Implementations follow the rule of the
     * class comment and are thread-safe.
     */
    public interface Slots {

        /**
         * Takes the next slot, in turn, for a permit asked for at {@code asked}, and reserves its grant: the latest of
         * {@code asked}, the previous permit's grant, and a window after the slot's previous permit stopped counting.
         */
        Reservation reserve(Instant asked);

        /**
         * The request of the permit holding {@code slot} with {@code ticket} was answered at {@code now}: the slot
         * counts until then, unless a later permit has taken it meanwhile.
         */
        void answered(int slot, long ticket, Instant now);

        /**
         * How many permits count at {@code now}: taken less than a window before it, or reserved for later. Reads
         * what the slots record, nothing else.
         */
        int inUse(Instant now);
    }

    /** A slot taken by {@link Slots#reserve}: which, the ticket telling its permit from later ones, and the grant. */
    public record Reservation(int slot, long ticket, Instant grant) {
    }

    private final Slots slots;
    private final ReentrantLock lock = new ReentrantLock();
    private Duration waited = Duration.ZERO; // guarded by lock: every caller's wait for its permit, added up

    /**
     * @param limit   permits per window; {@code <= 0} means unlimited ({@link #acquire()} never waits)
     * @param window  the rolling window; must be positive when {@code limit > 0}
     * @param clock   the time; in production a monotonic clock (see {@link #RateLimiter(int, Duration)})
     * @param sleeper how to wait
     */
    public RateLimiter(int limit, Duration window, Clock clock, Sleeper sleeper) {
        this(limit, window, clock, sleeper, new LocalSlots(Math.max(0, limit), window));
    }

    /**
     * A limiter whose slots are kept by {@code slots}, which must have been made for the same limit and window.
     *
     * @param slots where the {@code limit} slots are kept, such as a database shared by several JVMs
     */
    public RateLimiter(int limit, Duration window, Clock clock, Sleeper sleeper, Slots slots) {
        this.limit = Math.max(0, limit);
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.slots = Objects.requireNonNull(slots, "slots");
        if (this.limit > 0 && (window.isZero() || window.isNegative())) {
            throw new IllegalArgumentException("The rate limit window must be positive: " + window);
        }
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
     * Waits until a permit is available and takes it. Returns at once when unlimited or when fewer than
     * {@code limit} permits counted in the last window.
     *
     * @return the permit, to report to {@link #answered(Permit)} once the request it was for has been answered (or
     *         has failed)
     * @throws InterruptedException if interrupted while waiting; the permit stays counted
     */
    public Permit acquire() throws InterruptedException {
        if (limit == 0) {
            return Permit.UNLIMITED;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Instant asked = clock.instant();
        Reservation reserved = slots.reserve(asked);
        Instant grant = reserved.grant();
        Duration wait = Duration.between(asked, grant);
        lock.lock();
        try {
            waited = waited.plus(wait);
        } finally {
            lock.unlock();
        }
        for (Instant now = clock.instant(); now.isBefore(grant); now = clock.instant()) {
            sleeper.sleep(Duration.between(now, grant));
        }
        return new Permit(reserved.slot(), reserved.ticket(), wait);
    }

    /**
     * The request of {@code permit} has been answered, or has failed: its slot stays taken until a window from now,
     * unless it has been taken again meanwhile. See the class comment for why.
     */
    public void answered(Permit permit) {
        if (permit == Permit.UNLIMITED) {
            return;
        }
        slots.answered(permit.slot, permit.ticket, clock.instant());
    }

    /**
     * How long callers have waited for their permits since this limiter was made, on its clock: each caller's wait
     * from asking to its permit's grant, added up (callers that wait at the same time each count), so a run can say
     * what COUNT's rate limit cost it. Zero when unlimited.
     */
    public Duration waited() {
        lock.lock();
        try {
            return waited;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many of the {@link #limit()} permits count now (in the cluster's database, every JVM's): at the limit, the
     * next caller waits. Zero when unlimited. Sends nothing to COUNT.
     */
    public int inUse() {
        return limit == 0 ? 0 : slots.inUse(clock.instant());
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

    /** Whether this limiter is what {@code new RateLimiter(otherLimit, otherWindow)} would be. */
    public boolean hasSettings(int otherLimit, Duration otherWindow) {
        int normalised = Math.max(0, otherLimit);
        return normalised == limit && (limit == 0 || window.equals(otherWindow));
    }

    /** Its limit and window as a sentence says them, such as {@code 100 requests per PT1M}. */
    public String describe() {
        return describe(limit, window);
    }

    /** As {@link #describe()}, for a limit and window. */
    public static String describe(int limit, Duration window) {
        return limit == 0 ? "no limit" : limit + " requests per " + window;
    }

    /** The slots of a limiter used by this JVM alone. */
    private static final class LocalSlots implements Slots {

        private final Duration window;
        private final ReentrantLock lock = new ReentrantLock();
        /**
         * Ring of the instants until which each slot's last permit counts: its grant (reserved ones may lie in the
         * future), moved on to its answer once reported; guarded by lock.
         */
        private final Instant[] countsUntil;
        /** Each slot's last permit's ticket, so a late answer cannot move a slot that was reused; guarded by lock. */
        private final long[] tickets;
        private long issued;       // guarded by lock
        private int next;          // guarded by lock: the ring slot of the oldest permit, taken by the next one
        private Instant lastGrant; // guarded by lock

        LocalSlots(int limit, Duration window) {
            this.window = window;
            this.countsUntil = new Instant[limit];
            this.tickets = new long[limit];
        }

        @Override
        public Reservation reserve(Instant asked) {
            lock.lock();
            try {
                Instant grant = asked;
                if (lastGrant != null && grant.isBefore(lastGrant)) {
                    grant = lastGrant; // keeps grants ordered, also if the clock goes backwards
                }
                Instant previous = countsUntil[next];
                if (previous != null) {
                    Instant free = previous.plus(window);
                    if (grant.isBefore(free)) {
                        grant = free;
                    }
                }
                Reservation reserved = new Reservation(next, ++issued, grant);
                countsUntil[next] = grant;
                tickets[next] = reserved.ticket();
                next = (next + 1) % countsUntil.length;
                lastGrant = grant;
                return reserved;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int inUse(Instant now) {
            Instant since = now.minus(window);
            lock.lock();
            try {
                int counting = 0;
                for (Instant until : countsUntil) {
                    if (until != null && until.isAfter(since)) {
                        counting++;
                    }
                }
                return counting;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void answered(int slot, long ticket, Instant now) {
            lock.lock();
            try {
                if (tickets[slot] == ticket && now.isAfter(countsUntil[slot])) {
                    countsUntil[slot] = now;
                }
            } finally {
                lock.unlock();
            }
        }
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
