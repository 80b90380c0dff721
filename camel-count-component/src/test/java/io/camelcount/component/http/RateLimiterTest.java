package io.camelcount.component.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    /** One thread's fake time: sleeping moves the clock forward by exactly the requested duration. */
    private static final class FakeTime extends Clock implements RateLimiter.Sleeper {
        Instant now = T0;
        final List<Duration> sleeps = new ArrayList<>();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public void sleep(Duration duration) {
            assertThat(duration).isPositive();
            sleeps.add(duration);
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aBurstUpToTheLimitPassesAndTheNextWaitsExactlyUntilTheOldestPermitLeavesTheWindow() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(5, Duration.ofSeconds(10), time, time);

        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }
        assertThat(time.sleeps).isEmpty();
        assertThat(time.now).isEqualTo(T0);

        time.advance(Duration.ofSeconds(3));
        limiter.acquire(); // 6th: the permits of T0 leave the window at T0 + 10 s
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(time.now).isEqualTo(T0.plusSeconds(10));

        for (int i = 0; i < 4; i++) {
            limiter.acquire(); // the other four permits of T0 have left too
        }
        assertThat(time.sleeps).hasSize(1);

        limiter.acquire(); // 11th: the oldest in the window is the 6th, granted at T0 + 10 s
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(10));
        assertThat(time.now).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void anAnsweredPermitCountsUntilItsAnswerSoARequestThatArrivedLateCannotMeetTheNextInCountsWindow()
            throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(10), time, time);
        RateLimiter.Permit late = limiter.acquire();  // T0, but COUNT sees the request only when it gets there
        limiter.acquire();                              // T0
        time.advance(Duration.ofSeconds(3));
        limiter.answered(late);                         // answered at T0 + 3: it arrived by then

        limiter.acquire();                              // its slot: free a window after the answer, not the grant

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(10));
        assertThat(time.now).isEqualTo(T0.plusSeconds(13));
    }

    @Test
    void anAnswerReportedAfterItsSlotWasTakenAgainChangesNothing() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(10), time, time);
        RateLimiter.Permit first = limiter.acquire();   // T0
        limiter.acquire();                              // T0 + 10: the slot taken again before the answer came
        time.advance(Duration.ofSeconds(5));
        limiter.answered(first);                        // T0 + 15: too late to move the slot's current permit

        limiter.acquire();

        assertThat(time.now).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void theLimiterAddsUpHowLongCallersWaitedForTheirPermits() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(10), time, time);
        limiter.acquire();             // T0
        time.advance(Duration.ofSeconds(4));
        limiter.acquire();             // T0 + 4
        assertThat(limiter.waited()).isZero();

        limiter.acquire();             // waits 6 s, for T0 + 10
        limiter.acquire();             // waits 4 s, for T0 + 14

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(6), Duration.ofSeconds(4));
        assertThat(limiter.waited()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void permitsLeaveTheWindowOneByOne() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(10), time, time);
        limiter.acquire();             // T0
        time.advance(Duration.ofSeconds(4));
        limiter.acquire();             // T0 + 4
        time.advance(Duration.ofSeconds(4));
        limiter.acquire();             // T0 + 8
        limiter.acquire();             // waits for T0 + 10
        assertThat(time.now).isEqualTo(T0.plusSeconds(10));
        limiter.acquire();             // waits for T0 + 14
        assertThat(time.now).isEqualTo(T0.plusSeconds(14));
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aLongSequentialRunNeverExceedsTheLimitInAnyWindowAndReachesTheLimitUnderLoad() throws Exception {
        FakeTime time = new FakeTime();
        int limit = 100;
        Duration window = Duration.ofSeconds(60);
        RateLimiter limiter = new RateLimiter(limit, window, time, time);
        Random random = new Random(42);
        List<Instant> grants = new ArrayList<>();

        // phase 1: irregular traffic: bursts, pauses, trickles
        for (int i = 0; i < 20_000; i++) {
            int dice = random.nextInt(100);
            if (dice < 3) {
                time.advance(Duration.ofMillis(random.nextInt(90_000)));
            } else if (dice < 50) {
                time.advance(Duration.ofMillis(random.nextInt(1_500)));
            }
            limiter.acquire();
            grants.add(time.now);
        }
        // phase 2: saturated: a caller that always wants the next permit, for 50 windows
        Instant saturatedFrom = time.now;
        Instant saturatedUntil = saturatedFrom.plus(window.multipliedBy(50));
        List<Instant> saturated = new ArrayList<>();
        while (time.now.isBefore(saturatedUntil)) {
            limiter.acquire();
            if (time.now.isBefore(saturatedUntil)) {
                saturated.add(time.now);
            }
            grants.add(time.now);
        }

        assertThat(maxInAnyWindow(grants, window)).isEqualTo(limit);
        assertThat(saturated.size()).as("permits granted in 50 windows under load")
                .isGreaterThanOrEqualTo((int) (0.95 * 50 * limit));
    }

    @Test
    void manyThreadsNeverExceedTheLimitInAnyWindowAndReachTheLimitUnderLoad() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int limit = 100;
            Duration window = Duration.ofSeconds(60);
            int windows = 30;
            int threads = 8;
            VirtualTime time = new VirtualTime(T0);
            RateLimiter limiter = new RateLimiter(limit, window, time, time);

            // saturated: every thread wants permits back to back
            List<Instant> grants = runThreads(time, limiter, threads, limit * windows, random -> Duration.ZERO);
            assertThat(grants).hasSize(limit * windows);
            assertThat(maxInAnyWindow(grants, window)).isEqualTo(limit);
            Instant end = T0.plus(window.multipliedBy(windows));
            long inTime = grants.stream().filter(g -> g.isBefore(end)).count();
            assertThat(inTime).as("permits granted in %d windows under load", windows)
                    .isGreaterThanOrEqualTo((long) (0.95 * windows * limit));

            // irregular: threads pause between requests for random times
            VirtualTime time2 = new VirtualTime(T0);
            RateLimiter limiter2 = new RateLimiter(limit, window, time2, time2);
            List<Instant> grants2 = runThreads(time2, limiter2, threads, 5_000,
                    random -> random.nextInt(4) == 0 ? Duration.ofMillis(random.nextInt(20_000)) : Duration.ZERO);
            assertThat(grants2).hasSize(5_000);
            assertThat(maxInAnyWindow(grants2, window)).isLessThanOrEqualTo(limit);
        });
    }

    /** {@code threads} workers take {@code permits} permits in all, pausing {@code pause} (virtual time) after each. */
    private static List<Instant> runThreads(VirtualTime time, RateLimiter limiter, int threads, int permits,
                                            java.util.function.Function<Random, Duration> pause) throws Exception {
        List<Instant> grants = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(permits);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            time.register(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(t);
                futures.add(pool.submit(() -> {
                    try {
                        while (left.getAndDecrement() > 0) {
                            limiter.acquire();
                            grants.add(time.instant());
                            Duration rest = pause.apply(random);
                            if (!rest.isZero()) {
                                time.sleep(rest);
                            }
                        }
                    } finally {
                        time.finished();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return grants;
    }

    /** The largest number of grants in any half-open window {@code [t, t + window)}. */
    static int maxInAnyWindow(List<Instant> grants, Duration window) {
        List<Instant> sorted = new ArrayList<>(grants);
        Collections.sort(sorted);
        int max = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            Instant limitInstant = sorted.get(start).plus(window);
            while (end < sorted.size() && sorted.get(end).isBefore(limitInstant)) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }

    @Test
    void aLimitOfZeroOrLessNeverWaits() throws Exception {
        for (int limit : new int[] {0, -1}) {
            FakeTime time = new FakeTime();
            RateLimiter limiter = new RateLimiter(limit, Duration.ofSeconds(60), time, d -> {
                throw new AssertionError("an unlimited limiter slept");
            });
            for (int i = 0; i < 100_000; i++) {
                limiter.acquire();
            }
            assertThat(limiter.isUnlimited()).isTrue();
            assertThat(limiter.limit()).isZero();
        }
    }

    @Test
    void waitingThreadsDoNotHoldTheLockAndEachComputesItsOwnWait() throws Exception {
        int threads = 3;
        CountDownLatch allAsleep = new CountDownLatch(threads);
        CountDownLatch wakeUp = new CountDownLatch(1);
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        Clock frozen = Clock.fixed(T0, ZoneOffset.UTC);
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(10), frozen, d -> {
            sleeps.add(d);
            allAsleep.countDown();
            wakeUp.await(30, TimeUnit.SECONDS);
            throw new InterruptedException("test over"); // the frozen clock would never let them through
        });
        limiter.acquire(); // the one permit of the window

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> catchThrowable(limiter::acquire)));
            }
            // all three reach their sleeper at once: none of them holds the limiter's lock while sleeping
            assertThat(allAsleep.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sleeps).containsExactlyInAnyOrder(Duration.ofSeconds(10), Duration.ofSeconds(20),
                    Duration.ofSeconds(30));
            wakeUp.countDown();
            for (Future<Throwable> future : futures) {
                assertThat(future.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedCallerGetsInterruptedException() {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(5, Duration.ofSeconds(10), time, time);
        Thread.currentThread().interrupt();
        assertThatThrownBy(limiter::acquire).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void aPositiveLimitNeedsAPositiveWindow() {
        assertThatThrownBy(() -> new RateLimiter(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateLimiter(0, Duration.ZERO).isUnlimited()).isTrue();
    }
}
