package io.camelcount.component.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Simulated time for several threads: a clock that stands still while any registered thread is running, and a
 * {@link RateLimiter.Sleeper} whose callers wait until the clock reaches their wake-up instant. When every registered
 * thread is asleep, time jumps to the earliest wake-up instant. So a thread observes the clock exactly at the instant
 * it was woken for, however the JVM schedules threads, and nothing really sleeps.
 * <p>
 * Register every participating thread before starting any of them; each must {@link #finished()} when done.
 */
final class VirtualTime extends Clock implements RateLimiter.Sleeper {

    private Instant now;
    private int participants;
    private final List<Instant> wakeUps = new ArrayList<>();

    VirtualTime(Instant start) {
        this.now = start;
    }

    synchronized void register(int threads) {
        participants += threads;
    }

    synchronized void finished() {
        participants--;
        advanceIfAllAsleep();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        synchronized (this) {
            Instant wakeUp = now.plus(duration);
            wakeUps.add(wakeUp);
            try {
                while (now.isBefore(wakeUp)) {
                    if (!advanceIfAllAsleep()) {
                        wait();
                    }
                }
            } finally {
                wakeUps.remove(wakeUp);
            }
        }
    }

    /** Jumps to the earliest wake-up if every participant sleeps and nobody is due yet. */
    private boolean advanceIfAllAsleep() {
        if (participants > 0 && wakeUps.size() == participants) {
            Instant earliest = Collections.min(wakeUps);
            if (earliest.isAfter(now)) {
                now = earliest;
                notifyAll();
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized Instant instant() {
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
