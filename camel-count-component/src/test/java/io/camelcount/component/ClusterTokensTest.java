package io.camelcount.component;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.camelcount.component.auth.TokenManager;
import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.auth.TokenRefresher;
import io.camelcount.component.auth.TokenStore;
import io.camelcount.component.cluster.JdbcTokenStore;
import io.camelcount.component.http.CallListener;
import io.camelcount.component.http.CountHttpClient;
import io.camelcount.component.http.RateLimiter;
import io.camelcount.component.http.RefreshTokenCall;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.testing.EmbeddedPostgres;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster mode's tokens against the mock COUNT's rotating refresh tokens and a real PostgreSQL: several token
 * managers, each on its own {@link JdbcTokenStore} and data source as separate JVMs would be, share one grant.
 */
class ClusterTokensTest extends MockCountTestSupport {

    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    private static final String GRANT = "demo-client@cluster#grant";
    private static final String REFRESH_PATH = TokenRefreshTest.REFRESH_PATH;

    private final List<CountHttpClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().rateLimit(0));
    }

    @BeforeEach
    void freshTokensAndDatabase() throws SQLException {
        mock.reset(); // the mock forgets rotated tokens: the database must too
        POSTGRES.dropClusterTables();
    }

    @AfterEach
    void closeClients() throws IOException {
        for (CountHttpClient client : clients) {
            client.close();
        }
    }

    @Test
    void threeJvmsWithFourThreadsEachRefreshOncePerRotationAndAllUseTheNewPair() throws Exception {
        List<TokenManager> jvms = List.of(manager(), manager(), manager());
        TokenRefresher refresher = refresher();
        String rejected = jvms.get(0).accessToken(refresher);
        int rotations = 3;
        for (int rotation = 1; rotation <= rotations; rotation++) {
            long refreshesBefore = requestsTo("POST", REFRESH_PATH);
            Set<String> answers = refreshAtOnce(jvms, 4, rejected, refresher);

            assertThat(requestsTo("POST", REFRESH_PATH) - refreshesBefore).as("refreshes in rotation %d", rotation)
                    .isEqualTo(1);
            assertThat(answers).as("every thread of every JVM uses the one new access token").hasSize(1)
                    .doesNotContain(rejected);
            rejected = answers.iterator().next();
        }
        assertThat(new JdbcTokenStore(POSTGRES.dataSource()).load(GRANT)).get()
                .extracting(TokenPair::accessToken).isEqualTo(rejected);
    }

    @Test
    void aJvmKilledWhileItHoldsTheLockLeavesAUsablePairToTheNext() throws Exception {
        DataSource killedJvm = POSTGRES.dataSource();
        TokenStore killedStore = new JdbcTokenStore(killedJvm);
        TokenManager survivor = manager();
        TokenRefresher refresher = refresher();
        String rejected = survivor.accessToken(refresher);
        long refreshesBefore = requestsTo("POST", REFRESH_PATH);

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            threads.submit(() -> {
                TokenStore.Lock lock = killedStore.lock(GRANT); // about to refresh, then killed before saving
                locked.countDown();
                killed.await(30, TimeUnit.SECONDS);
                lock.close(); // its connection is gone: nothing to release
                return null;
            });
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<String> refreshed = threads.submit(() -> survivor.refreshAfterRejection(rejected, refresher));
            await().atMost(Duration.ofSeconds(30)).until(() -> POSTGRES.backendsWaitingForALock() == 1);

            terminateBackendsOtherThanMine(); // what PostgreSQL does when a JVM's connection breaks
            killed.countDown();

            String after = refreshed.get(30, TimeUnit.SECONDS);
            assertThat(after).isNotEqualTo(rejected);
        } finally {
            threads.shutdownNow();
        }
        assertThat(requestsTo("POST", REFRESH_PATH) - refreshesBefore).as("the survivor refreshed with the stored pair, once").isEqualTo(1);
    }

    @Test
    void aRouteWithADataSourceKeepsItsTokensAndItsRateWindowInTheDatabase() throws Exception {
        context.getRegistry().bind("countDatabase", POSTGRES.dataSource());
        String uri = "count:invoices?dataSource=#countDatabase&rateLimit=5&operation=";
        Invoice draft = result(uri + "create", invoiceRequest(ACME, CONSULTING_HOUR, "1", "10"), null, Invoice.class);
        admin("POST", "/tokens/expire", "{\"clientId\":\"demo-client\"}");

        Exchange afterExpiry = call(uri + "get", null, draft.getUuid());

        assertThat(afterExpiry.getException()).isNull();
        try (Connection connection = POSTGRES.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet tokens = statement.executeQuery("SELECT refresh_token FROM count_token")) {
                assertThat(tokens.next()).isTrue();
                assertThat(tokens.getString(1)).as("the rotated refresh token").isNotNull()
                        .isNotEqualTo("demo-refresh-token");
            }
            try (ResultSet window = statement.executeQuery("SELECT slot_count, issued FROM count_rate_window")) {
                assertThat(window.next()).isTrue();
                assertThat(window.getInt(1)).isEqualTo(5);
                assertThat(window.getLong(2)).as("create, the refused get, the refresh, the get again").isEqualTo(4);
            }
        }
    }

    /** Every thread of every JVM was just refused {@code rejected} by COUNT; the access tokens they go on with. */
    private static Set<String> refreshAtOnce(List<TokenManager> jvms, int threadsEach, String rejected,
                                             TokenRefresher refresher) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(jvms.size() * threadsEach);
        Set<String> answers = new HashSet<>();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (TokenManager jvm : jvms) {
                for (int i = 0; i < threadsEach; i++) {
                    Callable<String> refresh = () -> {
                        start.await();
                        return jvm.refreshAfterRejection(rejected, refresher);
                    };
                    results.add(pool.submit(refresh));
                }
            }
            start.countDown();
            for (Future<String> result : results) {
                answers.add(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }

    /** A JVM's token manager for the grant: its own data source on the shared database. */
    private TokenManager manager() {
        return new TokenManager(GRANT, new JdbcTokenStore(POSTGRES.dataSource()),
                new TokenPair("demo-access-token", "demo-refresh-token"), mock.clock(), Duration.ofSeconds(60));
    }

    private TokenRefresher refresher() {
        CountHttpClient http = new CountHttpClient(new CountHttpClient.HttpSettings(5_000, 10_000, 20, null, null),
                mock.clock());
        clients.add(http);
        return new RefreshTokenCall(http, mock.baseUrl(), "demo-client", "demo-secret",
                new RateLimiter(0, Duration.ofSeconds(60)), CallListener.NONE);
    }

    /** Ends the lock holder's connection (idle in its transaction) as a killed JVM's would end. */
    private static void terminateBackendsOtherThanMine() throws SQLException {
        try (Connection connection = POSTGRES.dataSource().getConnection();
             PreparedStatement kill = connection.prepareStatement("SELECT pg_terminate_backend(pid) FROM"
                     + " pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()"
                     + " AND state = 'idle in transaction'")) {
            kill.executeQuery().close();
        }
    }
}
