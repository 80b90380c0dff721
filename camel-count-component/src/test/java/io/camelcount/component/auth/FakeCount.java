package io.camelcount.component.auth;

import io.camelcount.component.CountAuthorizationException;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * COUNT's refresh route as far as tokens go: one valid refresh token at a time, rotated on every refresh, 403 for
 * any other. Counts calls; can hold every call until a gate opens, to widen races. Tokens contain "SECRET" so that
 * tests can check they never leak.
 */
final class FakeCount implements TokenRefresher {

    static final String MARK = "SECRET";

    private final Clock clock;
    private final Duration accessLifetime;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger rejections = new AtomicInteger();
    private volatile String validRefreshToken;
    private volatile int generation;
    private volatile CountDownLatch gate;

    FakeCount(Clock clock, Duration accessLifetime, String validRefreshToken) {
        this.clock = clock;
        this.accessLifetime = accessLifetime;
        this.validRefreshToken = validRefreshToken;
    }

    static TokenPair initialPair() {
        return new TokenPair(access(0), refresh(0));
    }

    static String access(int generation) {
        return "at-" + MARK + "-" + generation;
    }

    static String refresh(int generation) {
        return "rt-" + MARK + "-" + generation;
    }

    /** Continue numbering after {@code last}, as if this many refreshes had happened. */
    FakeCount generation(int last) {
        this.generation = last;
        return this;
    }

    /** Every call waits until {@code gate} opens (bounded, so that a broken test fails instead of hanging). */
    FakeCount holdCallsUntil(CountDownLatch gate) {
        this.gate = gate;
        return this;
    }

    @Override
    public synchronized TokenPair refresh(String refreshToken) throws RefreshTokenRejectedException, InterruptedException {
        calls.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null && !g.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test's gate never opened");
        }
        if (!refreshToken.equals(validRefreshToken)) {
            rejections.incrementAndGet();
            throw new RefreshTokenRejectedException(new CountAuthorizationException("token refresh", 403, "FORBIDDEN",
                    "Invalid refresh token", "req-" + calls.get(),
                    "{\"status\":\"error\",\"statusCode\":403,\"message\":\"Invalid refresh token\"}"));
        }
        int next = ++generation;
        validRefreshToken = refresh(next);
        return new TokenPair(access(next), refresh(next), clock.instant().plus(accessLifetime),
                clock.instant().plus(Duration.ofDays(30)));
    }

    int calls() {
        return calls.get();
    }

    int rejections() {
        return rejections.get();
    }

    String validRefreshToken() {
        return validRefreshToken;
    }
}
