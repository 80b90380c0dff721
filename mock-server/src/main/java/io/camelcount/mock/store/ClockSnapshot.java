package io.camelcount.mock.store;

import io.camelcount.mock.domain.MockClock;

import java.time.Duration;
import java.time.Instant;

/**
 * The mock's clock as saved: where it stood, whether it ticked, and how far it had been moved from its source.
 *
 * <p>Restoring: a ticking clock that was saved ticking takes the saved {@code offset} again, so that a clock set a
 * week ahead is still a week ahead of real time after a restart (the time the mock was down passes for it too, as it
 * does for a real server and for the expiry of the tokens it issued). Every other pairing continues from the saved
 * {@code now}: a frozen clock stands where it stood, and a ticking clock that was saved frozen ticks on from there.
 */
record ClockSnapshot(Instant now, boolean ticking, Duration offset) {

    static ClockSnapshot of(MockClock clock) {
        return new ClockSnapshot(clock.instant(), clock.ticking(), clock.offset());
    }

    void restoreInto(MockClock clock) {
        if (ticking && clock.ticking()) {
            clock.advance(offset.minus(clock.offset()));
        } else {
            clock.set(now);
        }
    }
}
