package io.camelcount.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.camelcount.component.http.CallListener;

/**
 * What the calls of one connection (a client ID at a COUNT) have done since it was made, counted as they happen: the
 * one source the health check and the dev console read, so that neither spends a request on COUNT to tell. Owned by
 * the connection in {@link CountConnections}; every holder's calls count here. Thread-safe, and cheap enough to be
 * told about every attempt.
 */
public final class ConnectionActivity implements CallListener {

    /** How many answers {@link #recentAnswers()} keeps: enough to find the request IDs of the last few calls. */
    static final int RECENT = 20;

    /** One answer of COUNT: when, to which operation, its status and request ID (for COUNT's support). */
    public record Answer(Instant at, String operation, int status, String requestId) {
    }

    private final Clock clock;
    private final LongAdder calls = new LongAdder();
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder refreshes = new LongAdder();
    private final LongAdder failedRefreshes = new LongAdder();
    private final LongAdder permits = new LongAdder();
    private final LongAdder waitedPermits = new LongAdder();
    private final AtomicLong waitedNanos = new AtomicLong();
    private final AtomicLong longestWaitNanos = new AtomicLong();
    private final Deque<Answer> recent = new ArrayDeque<>(RECENT); // guarded by itself
    private volatile Instant lastRefresh;

    ConnectionActivity(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void called(String operation, String outcome, Duration took) {
        calls.increment();
        if (!SUCCESS.equals(outcome)) {
            failedCalls.increment();
        }
    }

    @Override
    public void answered(String operation, int status, String requestId) {
        if (status == 429) {
            rateLimited.increment();
        }
        Answer answer = new Answer(clock.instant(), operation, status, requestId);
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(answer);
        }
    }

    @Override
    public void retried(String operation, String reason) {
        retries.increment();
    }

    @Override
    public void refreshed(String outcome) {
        if (SUCCESS.equals(outcome)) {
            refreshes.increment();
            lastRefresh = clock.instant();
        } else {
            failedRefreshes.increment();
        }
    }

    @Override
    public void waitedForPermit(Duration waited) {
        permits.increment();
        if (!waited.isZero() && !waited.isNegative()) {
            long nanos = waited.toNanos();
            waitedPermits.increment();
            waitedNanos.addAndGet(nanos);
            longestWaitNanos.accumulateAndGet(nanos, Math::max);
        }
    }

    /** Calls ended, each after all its attempts. */
    public long calls() {
        return calls.sum();
    }

    /** Calls that ended without COUNT's success: refused, unknown outcome or failed. */
    public long failedCalls() {
        return failedCalls.sum();
    }

    /** COUNT's 429 answers, each attempt's (a 429 retried successfully counts too). */
    public long rateLimited() {
        return rateLimited.sum();
    }

    /** Attempts sent again after a 429, a 5xx, a lost connection or a lookup. */
    public long retries() {
        return retries.sum();
    }

    /** Access tokens refreshed. */
    public long refreshes() {
        return refreshes.sum();
    }

    /** Token refreshes that failed: COUNT rejected the refresh token, or could not be reached. */
    public long failedRefreshes() {
        return failedRefreshes.sum();
    }

    /** When an access token was last refreshed through this connection; {@code null} if never. */
    public Instant lastRefresh() {
        return lastRefresh;
    }

    /** Rate limiter permits taken, token refreshes' included. */
    public long permits() {
        return permits.sum();
    }

    /** Permits that had to wait for the rate limit. */
    public long waitedPermits() {
        return waitedPermits.sum();
    }

    /** All the waits for permits added up. */
    public Duration waited() {
        return Duration.ofNanos(waitedNanos.get());
    }

    /** The longest wait for one permit. */
    public Duration longestWait() {
        return Duration.ofNanos(longestWaitNanos.get());
    }

    /** COUNT's last {@value #RECENT} answers, oldest first. */
    public List<Answer> recentAnswers() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
