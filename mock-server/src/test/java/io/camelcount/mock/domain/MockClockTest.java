package io.camelcount.mock.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MockClockTest {

    private static final Instant START = Instant.parse("2026-11-24T23:30:00Z");

    @Test
    void fixedClockMovesOnlyWhenToldTo() {
        MockClock clock = MockClock.fixed(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 11, 24));

        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(3600));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 11, 25));

        clock.set(START.minusSeconds(60));
        assertThat(clock.instant()).isEqualTo(START.minusSeconds(60));
    }

    @Test
    void systemClockTicksFromWhereverItWasSet() {
        MockClock clock = MockClock.system();
        assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, java.time.temporal.ChronoUnit.SECONDS));

        clock.set(START);
        assertThat(clock.instant()).isBetween(START, START.plusSeconds(5));
    }

    @Test
    void anotherZoneSharesTheTimeLine() {
        MockClock utc = MockClock.fixed(START);
        MockClock auckland = utc.withZone(ZoneId.of("Pacific/Auckland"));

        utc.advance(Duration.ofMinutes(10));

        assertThat(auckland.instant()).isEqualTo(START.plusSeconds(600));
        assertThat(auckland.today()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(utc.today()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void concurrentAdvancesAreAllCounted() throws InterruptedException {
        MockClock clock = MockClock.fixed(START);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8_000; i++) {
            pool.execute(() -> clock.advance(Duration.ofSeconds(1)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(8_000));
    }
}
