package io.camelcount.component.cluster;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.auth.TokenStore;
import io.camelcount.component.auth.TokenStoreException;
import io.camelcount.component.testing.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The JDBC token store's own rules, on a real PostgreSQL. */
class JdbcTokenStoreTest {

    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    private static final String KEY = "demo-client@http://localhost:8089#0123456789abcdef";
    private static final TokenPair PAIR = new TokenPair("at-SECRET-1", "rt-SECRET-1",
            Instant.parse("2026-12-02T11:00:00.123456Z"), Instant.parse("2027-01-01T10:00:00Z"));

    @BeforeEach
    void emptyDatabase() throws SQLException {
        POSTGRES.dropClusterTables();
    }

    @Test
    void aSavedPairIsWhatEveryStoreOnTheDatabaseLoads() {
        JdbcTokenStore one = new JdbcTokenStore(POSTGRES.dataSource());
        assertThat(one.load(KEY)).isEmpty();

        one.save(KEY, PAIR);

        assertThat(new JdbcTokenStore(POSTGRES.dataSource()).load(KEY)).contains(PAIR);
        one.save(KEY, new TokenPair(null, "rt-SECRET-2"));
        assertThat(one.load(KEY)).contains(new TokenPair(null, "rt-SECRET-2"));
    }

    @Test
    void aLockTakenAndReleasedWithoutASaveLeavesNoPair() {
        JdbcTokenStore store = new JdbcTokenStore(POSTGRES.dataSource());
        try (TokenStore.Lock lock = store.lock(KEY)) {
            assertThat(store.load(KEY)).isEmpty();
        }
        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void theLockHeldAroundASaveExcludesAnotherJvmUntilItIsReleased() throws Exception {
        JdbcTokenStore mine = new JdbcTokenStore(POSTGRES.dataSource());
        JdbcTokenStore other = new JdbcTokenStore(POSTGRES.dataSource());
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<TokenPair>> otherReads;
            try (TokenStore.Lock lock = mine.lock(KEY)) {
                otherReads = thread.submit(() -> {
                    try (TokenStore.Lock theirs = other.lock(KEY)) {
                        return other.load(KEY);
                    }
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> POSTGRES.backendsWaitingForALock() == 1);
                mine.save(KEY, PAIR); // commits, and locks the row again for the rest of this hold
                assertThat(POSTGRES.backendsWaitingForALock()).as("still excluded after the save").isEqualTo(1);
                assertThat(otherReads).isNotDone();
            }
            assertThat(otherReads.get(30, TimeUnit.SECONDS)).as("the pair saved under the lock").contains(PAIR);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void whenTheDatabaseGoesAwayTheFailureNamesTheKeyButNoToken() {
        PGSimpleDataSource goingAway = (PGSimpleDataSource) POSTGRES.dataSource();
        JdbcTokenStore broken = new JdbcTokenStore(goingAway);
        broken.save(KEY, PAIR);
        goingAway.setPortNumbers(new int[] {1});

        assertThatThrownBy(() -> broken.save(KEY, PAIR)).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining(KEY).hasMessageNotContaining("SECRET").hasNoCause();
        assertThatThrownBy(() -> broken.load(KEY)).isInstanceOf(TokenStoreException.class)
                .hasMessageNotContaining("SECRET");
    }
}
