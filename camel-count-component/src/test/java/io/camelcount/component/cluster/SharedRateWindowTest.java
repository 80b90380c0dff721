package io.camelcount.component.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.camelcount.component.http.RateLimiter;
import io.camelcount.component.testing.EmbeddedPostgres;
import io.camelcount.mock.domain.MockClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One client ID's rate window shared through a real PostgreSQL by several limiters, each standing for a JVM (its own
 * data source, so its own connections). Time is a clock the test moves: a limiter that must wait moves it to its grant.
 */
class SharedRateWindowTest {

    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final String CLIENT = "http://localhost:8089#demo-client";
    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final MockClock clock = MockClock.fixed(T0);

    @BeforeEach
    void emptyDatabase() throws Exception {
        POSTGRES.dropClusterTables();
    }

    @Test
    void threeJvmsOverDemandingNeverPutMoreThanTheLimitInAWindowAndUseAtLeastNinetyFivePercentOfIt() throws Exception {
        List<RateLimiter> jvms = List.of(limiter(), limiter(), limiter());
        Duration roundTrip = Duration.ofMillis(100);
        List<Instant> arrivals = new ArrayList<>();
        // One request after another, taking turns between the JVMs: ten a second, five times the limit.
        for (int request = 0; request < 6 * LIMIT; request++) {
            RateLimiter jvm = jvms.get(request % jvms.size());
            RateLimiter.Permit permit = jvm.acquire();
            clock.advance(roundTrip.dividedBy(2));
            arrivals.add(clock.instant()); // when COUNT counts it
            clock.advance(roundTrip.dividedBy(2));
            jvm.answered(permit);
        }

        for (int i = 0; i + LIMIT < arrivals.size(); i++) {
            assertThat(Duration.between(arrivals.get(i), arrivals.get(i + LIMIT)))
                    .as("request %d arrives a window after request %d, so COUNT never answers 429", i + LIMIT, i)
                    .isGreaterThanOrEqualTo(WINDOW);
        }
        Duration run = Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1));
        double allowed = LIMIT * (double) run.toNanos() / WINDOW.toNanos() + LIMIT;
        assertThat(arrivals.size() / allowed).as("share of the limit used").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aPermitCountsUntilItsAnswerInEveryJvm() throws Exception {
        RateLimiter one = limiter();
        RateLimiter other = limiter();
        List<RateLimiter.Permit> slow = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            slow.add(one.acquire()); // all at T0, answered 3 s later
        }
        clock.advance(Duration.ofSeconds(3));
        slow.forEach(one::answered);

        other.acquire();

        assertThat(clock.instant()).as("the other JVM waits a window from the answer, not from the grant")
                .isEqualTo(T0.plusSeconds(3).plus(WINDOW));
    }

    @Test
    void threadsOfThreeJvmsReservingAtOnceTakeEachSlotOnceAndKeepTheLimit() throws Exception {
        List<SharedRateWindow> jvms = List.of(window(), window(), window());
        int threads = 6;
        int each = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<RateLimiter.Reservation> reservations = new ArrayList<>();
        try {
            List<Future<List<RateLimiter.Reservation>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SharedRateWindow jvm = jvms.get(t % jvms.size());
                Callable<List<RateLimiter.Reservation>> reserving = () -> {
                    start.await();
                    List<RateLimiter.Reservation> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(jvm.reserve(T0)); // nobody answers: every permit counts from its grant
                    }
                    return mine;
                };
                results.add(pool.submit(reserving));
            }
            start.countDown();
            for (Future<List<RateLimiter.Reservation>> result : results) {
                reservations.addAll(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(reservations).extracting(RateLimiter.Reservation::ticket).doesNotHaveDuplicates()
                .hasSize(threads * each);
        for (RateLimiter.Reservation reserved : reservations) {
            long turn = (reserved.ticket() - 1) / LIMIT;
            assertThat(reserved.grant()).as("permit %d", reserved.ticket()).isEqualTo(T0.plus(WINDOW.multipliedBy(turn)));
            assertThat(reserved.slot()).isEqualTo((int) ((reserved.ticket() - 1) % LIMIT));
        }
    }

    @Test
    void theFirstJvmRecordsTheLimitAndAJvmConfiguredOtherwiseFailsToStart() throws Exception {
        window();

        assertThatThrownBy(() -> new SharedRateWindow(POSTGRES.dataSource(), CLIENT, LIMIT + 1, WINDOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("21 requests per PT10S here").hasMessageContaining("records 20 requests per PT10S");
        try (Connection connection = POSTGRES.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT version FROM count_cluster_schema")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getInt(1)).isEqualTo(ClusterSchema.VERSION);
            assertThat(version.next()).as("one version row").isFalse();
        }
    }

    /** A JVM's limiter: its own data source on the shared database, and the test's clock. */
    private RateLimiter limiter() {
        return new RateLimiter(LIMIT, WINDOW, clock, clock::advance, window());
    }

    private SharedRateWindow window() {
        DataSource jvm = POSTGRES.dataSource();
        return new SharedRateWindow(jvm, CLIENT, LIMIT, WINDOW);
    }
}
