package io.camelcount.component.auth;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelcount.component.CountAuthorizationException;
import io.camelcount.component.CountException;
import io.camelcount.component.testing.LogCapture;
import io.camelcount.mock.domain.MockClock;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelcount.component.auth.FakeCount.access;
import static io.camelcount.component.auth.FakeCount.refresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class TokenManagerTest {

    private static final String KEY = "demo-client@https://api.getcount.com#0123456789abcdef";
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final MockClock clock = MockClock.fixed(T0);
    private final FakeCount count = new FakeCount(clock, Duration.ofHours(1), refresh(0));
    private final List<Throwable> thrown = new ArrayList<>();
    private ExecutorService pool;

    @TempDir
    Path dir;

    @AfterEach
    void noSecretsInAnythingThrown() {
        if (pool != null) {
            pool.shutdownNow();
        }
        thrown.forEach(TokenManagerTest::assertNoSecrets);
    }

    private TokenManager manager(TokenStore store, TokenPair initial) {
        return new TokenManager(KEY, store, initial, clock, MARGIN);
    }

    private Throwable failure(Callable<?> call) {
        Throwable t = catchThrowable(call::call);
        assertThat(t).isNotNull();
        thrown.add(t);
        return t;
    }

    static void assertNoSecrets(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(FakeCount.MARK);
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertThat(String.valueOf(c.getMessage())).doesNotContain(FakeCount.MARK);
            assertThat(c.toString()).doesNotContain(FakeCount.MARK);
        }
    }

    // ------------------------------------------------------------------------------------ proactive refresh

    @Test
    void refreshesProactivelyOnceTheExpiryIsWithinTheMargin() {
        TokenPair initial = new TokenPair(access(0), refresh(0), T0.plus(Duration.ofMinutes(10)), null);
        InMemoryTokenStore store = new InMemoryTokenStore();
        TokenManager manager = manager(store, initial);

        assertThat(manager.accessToken(count)).isEqualTo(access(0));
        clock.set(T0.plus(Duration.ofMinutes(9)).minusMillis(1));
        assertThat(manager.accessToken(count)).isEqualTo(access(0));
        assertThat(count.calls()).isZero();

        clock.set(T0.plus(Duration.ofMinutes(9))); // expiry - margin
        assertThat(manager.accessToken(count)).isEqualTo(access(1));
        assertThat(count.calls()).isEqualTo(1);
        assertThat(store.load(KEY)).get().extracting(TokenPair::accessToken).isEqualTo(access(1));

        // the new token lives an hour: no further refresh until its own expiry - margin
        clock.advance(Duration.ofMinutes(58));
        assertThat(manager.accessToken(count)).isEqualTo(access(1));
        assertThat(count.calls()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(manager.accessToken(count)).isEqualTo(access(2));
        assertThat(count.calls()).isEqualTo(2);
    }

    @Test
    void anUnknownExpiryIsNeverRefreshedProactively() {
        TokenManager manager = manager(new InMemoryTokenStore(), FakeCount.initialPair());
        clock.advance(Duration.ofDays(365));
        assertThat(manager.accessToken(count)).isEqualTo(access(0));
        assertThat(count.calls()).isZero();
    }

    @Test
    void aPairWithoutAccessTokenIsRefreshedOnFirstUse() {
        TokenManager manager = manager(new InMemoryTokenStore(), new TokenPair(null, refresh(0)));
        assertThat(manager.accessToken(count)).isEqualTo(access(1));
        assertThat(count.calls()).isEqualTo(1);
    }

    @Test
    void aRejectionBeforeAnyAccessTokenExistedGetsTheFirstOne() {
        TokenManager manager = manager(new InMemoryTokenStore(), new TokenPair(null, refresh(0)));
        assertThat(manager.refreshAfterRejection("whatever", count)).isEqualTo(access(1));
        assertThat(manager.refreshAfterRejection("whatever", count)).isEqualTo(access(1));
        assertThat(count.calls()).isEqualTo(1);
    }

    @Test
    void tokensLivingShorterThanTheMarginAreRefreshedAfterHalfTheirLifeNotOnEveryCall() {
        FakeCount shortLived = new FakeCount(clock, Duration.ofSeconds(30), refresh(0));
        TokenManager manager = new TokenManager(KEY, new InMemoryTokenStore(), new TokenPair(null, refresh(0)),
                clock, MARGIN);

        try (LogCapture log = LogCapture.of(TokenManager.class, Level.INFO)) {
            assertThat(manager.accessToken(shortLived)).isEqualTo(access(1));
            assertThat(manager.accessToken(shortLived)).isEqualTo(access(1));
            clock.advance(Duration.ofSeconds(14));
            assertThat(manager.accessToken(shortLived)).isEqualTo(access(1));
            assertThat(shortLived.calls()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(manager.accessToken(shortLived)).isEqualTo(access(2));
            assertThat(shortLived.calls()).isEqualTo(2);
            assertThat(log.messages(Level.WARN)).anySatisfy(m -> assertThat(m).contains("less than the refresh margin"));
        }
    }

    @Test
    void fiftyThreadsFindingTheTokenExpiringCauseOneRefresh() throws Exception {
        TokenPair initial = new TokenPair(access(0), refresh(0), T0.plus(Duration.ofSeconds(30)), null);
        TokenManager manager = manager(new InMemoryTokenStore(), initial);
        List<String> answers = race(50, count, () -> manager.accessToken(count));
        assertThat(count.calls()).isEqualTo(1);
        assertThat(answers).hasSize(50).containsOnly(access(1));
    }

    // ------------------------------------------------------------------------------------ refresh after 401

    @Test
    void aRejectionOfAnOlderTokenDoesNotRefreshAgain() {
        TokenManager manager = manager(new InMemoryTokenStore(), FakeCount.initialPair());
        assertThat(manager.refreshAfterRejection(access(0), count)).isEqualTo(access(1));
        assertThat(count.calls()).isEqualTo(1);

        // a request sent with the old token comes back 401 after the refresh: no second refresh
        assertThat(manager.refreshAfterRejection(access(0), count)).isEqualTo(access(1));
        assertThat(manager.refreshAfterRejection("some-other-token", count)).isEqualTo(access(1));
        assertThat(count.calls()).isEqualTo(1);

        assertThat(manager.refreshAfterRejection(access(1), count)).isEqualTo(access(2));
        assertThat(count.calls()).isEqualTo(2);
    }

    @Test
    void fiftyThreadsRejectedWithTheSameTokenCauseExactlyOneRefreshAndAllGetTheNewToken() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        TokenManager manager = manager(store, FakeCount.initialPair());
        String rejected = manager.accessToken(count);

        List<String> answers = race(50, count, () -> manager.refreshAfterRejection(rejected, count));

        assertThat(count.calls()).isEqualTo(1);
        assertThat(count.rejections()).isZero();
        assertThat(answers).hasSize(50).containsOnly(access(1));
        assertThat(store.load(KEY)).get().extracting(TokenPair::refreshToken).isEqualTo(refresh(1));
    }

    /**
     * Lines {@code threads} threads up on a barrier, lets them call at once, and holds the refresher until all of them
     * have called, so that they all find the old token.
     */
    private List<String> race(int threads, FakeCount refresher, Callable<String> call) throws Exception {
        pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        CountDownLatch arrived = new CountDownLatch(threads);
        refresher.holdCallsUntil(arrived);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                arrived.countDown();
                return call.call();
            }));
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> future : futures) {
            answers.add(future.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    // ------------------------------------------------------------------------------------ persist before use

    @Test
    void aNewPairThatCannotBeStoredIsNotUsedAndIsStoredAndUsedOnceTheStoreWorksAgain() {
        FlakyStore store = new FlakyStore();
        TokenManager manager = manager(store, FakeCount.initialPair());
        store.failSaves.set(true);

        Throwable failure = failure(() -> manager.refreshAfterRejection(access(0), count));

        assertThat(failure).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("the new refresh token could not be stored")
                .hasMessageContaining("The new pair is not used")
                .hasMessageContaining(KEY)
                .hasMessageContaining("disk full");
        assertThat(count.calls()).isEqualTo(1);
        assertThat(manager.currentPair().accessToken()).isEqualTo(access(0));
        assertThat(manager.accessToken(count)).isEqualTo(access(0)); // the unsaved access token is never handed out
        assertThat(store.load(KEY)).isEmpty();

        // still broken: COUNT is not asked again (that would burn the unsaved pair's refresh token)
        assertThat(failure(() -> manager.refreshAfterRejection(access(0), count)))
                .isInstanceOf(TokenStoreException.class).hasMessageContaining("could not be stored");
        assertThat(count.calls()).isEqualTo(1);

        store.failSaves.set(false);
        assertThat(manager.refreshAfterRejection(access(0), count)).isEqualTo(access(1));
        assertThat(count.calls()).isEqualTo(1);
        assertThat(store.load(KEY)).get().extracting(TokenPair::refreshToken).isEqualTo(refresh(1));
    }

    @Test
    void theNewPairIsSavedBeforeAnyoneCanUseIt() {
        InMemoryTokenStore delegate = new InMemoryTokenStore();
        List<String> events = new ArrayList<>();
        TokenManager[] holder = new TokenManager[1];
        TokenStore store = new TokenStore() {
            @Override
            public Optional<TokenPair> load(String key) {
                return delegate.load(key);
            }

            @Override
            public void save(String key, TokenPair pair) {
                // while saving, the manager must still hand out the old token
                events.add("save " + pair.accessToken() + ", current " + holder[0].currentPair().accessToken());
                delegate.save(key, pair);
            }
        };
        holder[0] = manager(store, FakeCount.initialPair());
        holder[0].accessToken(count);
        assertThat(holder[0].refreshAfterRejection(access(0), count)).isEqualTo(access(1));
        assertThat(events).containsExactly("save " + access(1) + ", current " + access(0));
    }

    // ------------------------------------------------------------------------------------ rotation across restarts and processes

    @Test
    void theRotatedPairSurvivesARestartAndWinsOverTheConfiguredPair() {
        Path file = dir.resolve("tokens/count-tokens.json");
        TokenManager first = manager(new FileTokenStore(file), FakeCount.initialPair());
        assertThat(first.refreshAfterRejection(access(0), count)).isEqualTo(access(1));

        // a new process: new store instance on the same file, same configuration
        TokenManager restarted = manager(new FileTokenStore(file), FakeCount.initialPair());
        assertThat(restarted.accessToken(count)).isEqualTo(access(1));
        assertThat(restarted.refreshAfterRejection(access(1), count)).isEqualTo(access(2));
        assertThat(count.calls()).isEqualTo(2);
        assertThat(count.rejections()).isZero(); // the used-up configured refresh token was never sent again
    }

    @Test
    void aManagerAdoptsThePairAnotherProcessRefreshedInsteadOfRefreshing() {
        Path file = dir.resolve("count-tokens.json");
        TokenPair initial = new TokenPair(access(0), refresh(0), T0.plus(Duration.ofMinutes(5)), null);
        TokenManager processA = manager(new FileTokenStore(file), initial);
        TokenManager processB = manager(new FileTokenStore(file), initial);
        assertThat(processB.accessToken(count)).isEqualTo(access(0));

        assertThat(processA.refreshAfterRejection(access(0), count)).isEqualTo(access(1));

        // B still holds generation 0; its 401 makes it re-read the store rather than burn the used-up refresh token
        assertThat(processB.refreshAfterRejection(access(0), count)).isEqualTo(access(1));
        assertThat(count.calls()).isEqualTo(1);

        // also when the expiry, not a 401, prompts B: A refreshes at T0 + 30 min (new token valid until T0 + 90 min),
        // B's copy of generation 1 (valid until T0 + 60 min) is due at T0 + 59 min
        clock.advance(Duration.ofMinutes(30));
        assertThat(processA.refreshAfterRejection(access(1), count)).isEqualTo(access(2));
        clock.advance(Duration.ofMinutes(29));
        assertThat(processB.accessToken(count)).isEqualTo(access(2));
        assertThat(count.calls()).isEqualTo(2);
        assertThat(count.rejections()).isZero();
    }

    @Test
    void twoManagersOnOneFileRacingCauseOneRefresh() throws Exception {
        Path file = dir.resolve("count-tokens.json");
        TokenManager processA = manager(new FileTokenStore(file), FakeCount.initialPair());
        TokenManager processB = manager(new FileTokenStore(file), FakeCount.initialPair());
        AtomicInteger turn = new AtomicInteger();

        List<String> answers = race(20, count, () -> (turn.getAndIncrement() % 2 == 0 ? processA : processB)
                .refreshAfterRejection(access(0), count));

        assertThat(count.calls()).isEqualTo(1);
        assertThat(count.rejections()).isZero();
        assertThat(answers).hasSize(20).containsOnly(access(1));
        assertThat(new FileTokenStore(file).load(KEY)).get().extracting(TokenPair::refreshToken).isEqualTo(refresh(1));
    }

    // ------------------------------------------------------------------------------------ failures

    @Test
    void aRejectedRefreshTokenBecomesAnAuthorizationExceptionThatSaysWhatToDo() {
        FakeCount rotatedElsewhere = new FakeCount(clock, Duration.ofHours(1), refresh(7)).generation(7);
        InMemoryTokenStore store = new InMemoryTokenStore();
        TokenManager manager = new TokenManager(KEY, store, new TokenPair(access(0), refresh(0), null,
                T0.plus(Duration.ofDays(2))), clock, MARGIN);

        Throwable failure = failure(() -> manager.refreshAfterRejection(access(0), rotatedElsewhere));

        assertThat(failure).isInstanceOf(CountAuthorizationException.class)
                .isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("token refresh")
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("Invalid refresh token")
                .hasMessageContaining("no longer valid")
                .hasMessageContaining("Authorise the application again (OAuth authorization code flow)")
                .hasMessageContaining(KEY)
                .hasMessageContaining("its recorded expiry is " + T0.plus(Duration.ofDays(2)))
                .hasCauseInstanceOf(RefreshTokenRejectedException.class);
        CountAuthorizationException authorization = (CountAuthorizationException) failure;
        assertThat(authorization.getStatusCode()).isEqualTo(403);
        assertThat(authorization.getCountMessage()).isEqualTo("Invalid refresh token");
        assertThat(authorization.getRequestId()).isEqualTo("req-1");

        // the dead refresh token is not sent again
        assertThat(failure(() -> manager.accessToken(rotatedElsewhere)
                                 + manager.refreshAfterRejection(access(0), rotatedElsewhere)))
                .isInstanceOf(ReauthorizationRequiredException.class).hasMessageContaining("was not sent again");
        assertThat(rotatedElsewhere.calls()).isEqualTo(1);

        // the user authorises again and the new pair lands in the store: the manager recovers
        store.save(KEY, new TokenPair(access(7), refresh(7)));
        assertThat(manager.refreshAfterRejection(access(0), rotatedElsewhere)).isEqualTo(access(7));
        assertThat(manager.refreshAfterRejection(access(7), rotatedElsewhere)).isEqualTo(access(8));
        assertThat(rotatedElsewhere.calls()).isEqualTo(2);
    }

    @Test
    void aNetworkFailureKeepsTheTokensAndTheNextCallRetries() {
        AtomicBoolean down = new AtomicBoolean(true);
        TokenRefresher flaky = refreshToken -> {
            if (down.get()) {
                throw new IOException("Connection refused: api.getcount.com");
            }
            return count.refresh(refreshToken);
        };
        TokenManager manager = new TokenManager(KEY, new InMemoryTokenStore(), FakeCount.initialPair(), clock, MARGIN);

        assertThat(failure(() -> manager.refreshAfterRejection(access(0), flaky)))
                .isExactlyInstanceOf(CountException.class)
                .hasMessageContaining("Could not refresh the COUNT access token")
                .hasMessageContaining("Connection refused");
        down.set(false);
        assertThat(manager.refreshAfterRejection(access(0), flaky)).isEqualTo(access(1));
    }

    @Test
    void noTokensAnywhereIsAClearError() {
        TokenManager manager = manager(new InMemoryTokenStore(), null);
        assertThat(failure(() -> manager.accessToken(count))).isInstanceOf(CountException.class)
                .hasMessageContaining("no COUNT tokens for " + KEY)
                .hasMessageContaining("Authorise the application");
    }

    @Test
    void theStoresPairWinsOverTheConfiguredOne() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(KEY, new TokenPair(access(3), refresh(3)));
        TokenManager manager = manager(store, FakeCount.initialPair());
        assertThat(manager.accessToken(count)).isEqualTo(access(3));
    }

    // ------------------------------------------------------------------------------------ secrets

    @Test
    void tokensNeverAppearInToStringOrLogs() {
        TokenPair pair = new TokenPair(access(0), refresh(0), T0, T0.plus(Duration.ofDays(1)));
        assertThat(pair.toString()).doesNotContain(FakeCount.MARK).contains("******").contains(T0.toString());
        assertThat(new TokenPair(null, refresh(0)).toString()).doesNotContain(FakeCount.MARK);

        try (LogCapture log = LogCapture.of(TokenManager.class, Level.DEBUG)) {
            Path file = dir.resolve("count-tokens.json");
            TokenManager manager = manager(new FileTokenStore(file), FakeCount.initialPair());
            TokenManager other = manager(new FileTokenStore(file), FakeCount.initialPair());
            other.accessToken(count);
            manager.refreshAfterRejection(access(0), count);
            assertThat(other.refreshAfterRejection(access(0), count)).isEqualTo(access(1)); // adopts
            assertThat(manager.toString()).doesNotContain(FakeCount.MARK).contains(KEY);

            TokenManager rejected = new TokenManager(KEY, new InMemoryTokenStore(), FakeCount.initialPair(), clock, MARGIN);
            failure(() -> rejected.refreshAfterRejection(access(0),
                    new FakeCount(clock, Duration.ofHours(1), "something-else")));

            assertThat(log.messages(Level.INFO)).anySatisfy(m -> assertThat(m).startsWith("Refreshed the COUNT access token for " + KEY));
            assertThat(log.messages(Level.INFO)).anySatisfy(m -> assertThat(m).startsWith("Adopted the COUNT tokens"));
            assertThat(log.messages(Level.WARN)).anySatisfy(m -> assertThat(m).contains("rejected the refresh token"));
            assertThat(log.messages()).allSatisfy(m -> assertThat(m).doesNotContain(FakeCount.MARK));
        }
    }

    @Test
    void blankTokensAreRefusedWithoutEchoingThem() {
        assertThat(catchThrowable(() -> new TokenPair(access(0), " "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(FakeCount.MARK);
        assertThat(catchThrowable(() -> new TokenPair(" ", refresh(0)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(FakeCount.MARK);
    }

    /** An in-memory store whose saves fail while {@link #failSaves} is set. */
    private static final class FlakyStore implements TokenStore {
        final AtomicBoolean failSaves = new AtomicBoolean();
        private final InMemoryTokenStore delegate = new InMemoryTokenStore();

        @Override
        public Optional<TokenPair> load(String key) {
            return delegate.load(key);
        }

        @Override
        public void save(String key, TokenPair pair) {
            if (failSaves.get()) {
                throw new TokenStoreException("disk full");
            }
            delegate.save(key, pair);
        }

        @Override
        public Lock lock(String key) {
            return delegate.lock(key);
        }
    }

}
