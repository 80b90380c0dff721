package io.camelcount.mock.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mock's notion of "now": the timestamp window, {@code createdAt}/{@code updatedAt} and the
 * "today" that decides whether an invoice is overdue all read it, so a test can move time instead
 * of sleeping.
 *
 * <p>A clock is either frozen ({@link #fixed}), moving only when told, or follows the system clock
 * ({@link #system}) shifted by whatever {@link #set}/{@link #advance} asked for; a standalone mock
 * needs the latter, or its signature window would close after five minutes.
 */
public final class MockClock extends Clock {

    private final Clock source;
    private final boolean ticking;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;
    /** Told after each {@link #set}/{@link #advance}: what waits for the mock's time (webhook retries) looks again. */
    private final List<Runnable> moveListeners;

    private MockClock(Clock source, boolean ticking, AtomicReference<Duration> offset, ZoneId zone,
                      List<Runnable> moveListeners) {
        this.source = source;
        this.ticking = ticking;
        this.offset = offset;
        this.zone = zone;
        this.moveListeners = moveListeners;
    }

    /** A clock that stands still at {@code start} until set or advanced. */
    public static MockClock fixed(Instant start) {
        return new MockClock(Clock.fixed(start, ZoneOffset.UTC), false, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC,
                new CopyOnWriteArrayList<>());
    }

    /** A clock that ticks with the system clock. */
    public static MockClock system() {
        return new MockClock(Clock.systemUTC(), true, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC,
                new CopyOnWriteArrayList<>());
    }

    /** Moves the clock to {@code instant}; a ticking clock keeps ticking from there. */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(Duration.between(source.instant(), instant));
        moved();
    }

    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        offset.accumulateAndGet(duration, Duration::plus);
        moved();
    }

    /** Runs {@code listener} after every move of this time line, in the thread that moved it, until removed. */
    public void onMove(Runnable listener) {
        moveListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeMoveListener(Runnable listener) {
        moveListeners.remove(listener);
    }

    private void moved() {
        moveListeners.forEach(Runnable::run);
    }

    /** Whether the clock follows the system clock ({@link #system}) rather than standing still ({@link #fixed}). */
    public boolean ticking() {
        return ticking;
    }

    /** How far {@link #set}/{@link #advance} moved the clock from its source: zero for an untouched clock. */
    public Duration offset() {
        return offset.get();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(instant(), zone);
    }

    @Override
    public Instant instant() {
        return source.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time line seen from another zone: setting either clock moves both. */
    @Override
    public MockClock withZone(ZoneId zone) {
        return new MockClock(source, ticking, offset, zone, moveListeners);
    }
}
