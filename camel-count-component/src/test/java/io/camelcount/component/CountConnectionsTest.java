package io.camelcount.component;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.camelcount.component.auth.FileTokenStore;
import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.http.RateLimiter;
import io.camelcount.component.testing.LogCapture;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.MockClock;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the JVM shares per client ID: one rate limiter and one token manager per grant for everything that holds the
 * connection, Camel contexts included, until the last holder lets go.
 */
class CountConnectionsTest extends MockCountTestSupport {

    static final MockClock CLOCK = MockClock.fixed(Instant.parse("2026-11-24T09:00:00Z"));

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(CLOCK).rateLimit(0));
    }

    @AfterEach
    void letGo() throws Exception {
        for (AutoCloseable held : opened) {
            held.close();
        }
    }

    @Test
    void theRegistryHasOneLimiterPerBaseUrlAndClientIdAndTheFirstSettingsWin() {
        String client = "client-" + UUID.randomUUID();
        RateLimiter first = limiter("https://api.getcount.com", client, 100, Duration.ofSeconds(60));

        assertThat(limiter("https://API.getcount.com/", client, 100, Duration.ofSeconds(60))).isSameAs(first);
        assertThat(limiter("http://localhost:8089", client, 100, Duration.ofSeconds(60))).isNotSameAs(first);
        assertThat(limiter("https://api.getcount.com", client + "-2", 100, Duration.ofSeconds(60))).isNotSameAs(first);

        try (LogCapture log = LogCapture.of(CountConnections.class, Level.WARN)) {
            RateLimiter again = limiter("https://api.getcount.com", client, 10, Duration.ofSeconds(1));
            assertThat(again).isSameAs(first);
            assertThat(again.limit()).isEqualTo(100);
            assertThat(again.window()).isEqualTo(Duration.ofSeconds(60));
            assertThat(log.messages(Level.WARN)).singleElement().satisfies(m -> assertThat(m)
                    .contains(client).contains("100 requests per PT1M").contains("10 requests per PT1S")
                    .contains("first configuration wins"));
        }
    }

    @Test
    void anEndpointWithAnotherDataSourceThanTheConnectionsKeepsTheConnectionsLimiterAndIsWarnedAbout() {
        String client = "client-" + UUID.randomUUID();
        // Unlimited, so that no table is made: the check compares the data sources only.
        RateLimiter clustered = limiter("https://api.getcount.com", client, 0, Duration.ofSeconds(60),
                new PGSimpleDataSource());

        try (LogCapture log = LogCapture.of(CountConnections.class, Level.WARN)) {
            assertThat(limiter("https://api.getcount.com", client, 0, Duration.ofSeconds(60), null)).isSameAs(clustered);
            assertThat(log.messages(Level.WARN)).singleElement().satisfies(m -> assertThat(m)
                    .contains(client).contains("dataSource").contains("first configuration wins"));
        }
    }

    @Test
    void theLastHolderToLetGoDropsTheConnectionSoTheNextSettingsApply() {
        String client = "client-" + UUID.randomUUID();
        CountConnections.Hold first = hold("https://api.getcount.com", client, 100, Duration.ofSeconds(60));
        CountConnections.Hold second = hold("https://api.getcount.com", client, 100, Duration.ofSeconds(60));
        RateLimiter shared = second.rateLimiter();
        assertThat(first.rateLimiter()).isSameAs(shared);

        first.close();
        first.close(); // letting go twice lets go once: the second holder still holds it
        CountConnections.Hold third = hold("https://api.getcount.com", client, 100, Duration.ofSeconds(60));
        assertThat(third.rateLimiter()).isSameAs(shared);
        second.close();
        third.close();

        try (LogCapture log = LogCapture.of(CountConnections.class, Level.WARN)) {
            RateLimiter next = limiter("https://api.getcount.com", client, 10, Duration.ofSeconds(1));
            assertThat(next).isNotSameAs(shared);
            assertThat(next.limit()).isEqualTo(10);
            assertThat(next.window()).isEqualTo(Duration.ofSeconds(1));
            assertThat(log.messages(Level.WARN)).as("nothing conflicts with a dropped connection").isEmpty();
        }
    }

    @Test
    void twoCamelContextsShareTheClientIdsBudget() throws Exception {
        CamelContext one = started(configuration -> configuration.setRateLimit(3));
        CamelContext other = started(configuration -> configuration.setRateLimit(3));

        for (int i = 0; i < 2; i++) {
            one.createProducerTemplate().requestBody("direct:customers", (Object) null);
            other.createProducerTemplate().requestBody("direct:customers", (Object) null);
        }

        assertThat(waits).as("4 calls from two contexts at 3 per minute: one wait for the window to move")
                .singleElement().satisfies(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(held(one).rateLimiter()).isSameAs(held(other).rateLimiter());
    }

    @Test
    void oneGrantHasOneTokenManagerAndAnotherGrantItsOwn() throws Exception {
        Path tokens = folder.resolve("tokens.json");
        CamelContext one = started(configuration -> configuration.setTokenFile(tokens.toString()));
        CamelContext sameFile = started(configuration -> configuration.setTokenFile(folder + "/./tokens.json"));
        CamelContext otherGrant = started(configuration -> {
            configuration.setTokenFile(tokens.toString());
            configuration.setRefreshToken("another-workspace-refresh-token");
        });

        assertThat(connect(sameFile).accessTokens()).isSameAs(connect(one).accessTokens());
        assertThat(connect(otherGrant).accessTokens()).isNotSameAs(connect(one).accessTokens());
    }

    @Test
    void aGrantsTokensInASecondStoreFailTheStartAndTheStoppedHolderLetsGo() throws Exception {
        CamelContext first = started(configuration -> configuration.setTokenFile(folder.resolve("first.json").toString()));

        assertThatThrownBy(() -> started(configuration -> configuration.setTokenFile(folder.resolve("second.json").toString())))
                .hasStackTraceContaining("second.json").hasStackTraceContaining("first.json")
                .hasStackTraceContaining("the same tokenFile or tokenStore")
                .satisfies(refused -> assertThat(stackTrace(refused))
                        .doesNotContain("demo-refresh-token", "demo-access-token", "demo-secret"));

        first.stop();
        assertThat(started(configuration -> configuration.setTokenFile(folder.resolve("second.json").toString())).isStarted())
                .as("once the first context stopped, the grant is free for another store").isTrue();
    }

    @Test
    void aConnectionIsNamedByItsBaseUrlIgnoringCaseAndTrailingSlashesAndItsClientId() {
        assertThat(CountConnections.connectionKey("https://API.getcount.com//", "demo-client"))
                .isEqualTo(CountConnections.connectionKey("https://api.getcount.com", "demo-client"))
                .isEqualTo("https://api.getcount.com#demo-client");
    }

    @Test
    void aGrantRefreshesThroughTheContextThatAsksWhenTheContextThatMadeItHasStopped() throws Exception {
        Grant grant = seededGrant();
        CamelContext first = started(grant::configure);
        CamelContext second = started(grant::configure);
        first.stop();
        long refreshesBefore = requestsTo("POST", TokenRefreshTest.REFRESH_PATH);
        admin("POST", "/tokens/expire", "{\"clientId\":\"" + grant.clientId + "\"}");

        assertThatCode(() -> second.createProducerTemplate().requestBody("direct:customers", (Object) null))
                .doesNotThrowAnyException();
        assertThat(requestsTo("POST", TokenRefreshTest.REFRESH_PATH) - refreshesBefore).isEqualTo(1);
    }

    @Test
    void aDifferentTokenRefreshMarginForAHeldGrantIsIgnoredWithAWarning() throws Exception {
        Grant grant = seededGrant();
        started(configuration -> {
            grant.configure(configuration);
            configuration.setTokenRefreshMargin(60_000);
        });

        try (LogCapture log = LogCapture.of(CountConnections.class, Level.WARN)) {
            started(configuration -> {
                grant.configure(configuration);
                configuration.setTokenRefreshMargin(5_000);
            });
            assertThat(log.messages(Level.WARN)).singleElement().satisfies(m -> assertThat(m)
                    .contains("tokenRefreshMargin").contains(grant.clientId).contains("60000 ms").contains("5000 ms")
                    .contains("first configuration wins").contains("Configure the same tokenRefreshMargin")
                    .doesNotContain(grant.accessToken, grant.refreshToken, grant.clientSecret));
        }
    }

    @Test
    void tokensStoredUnderTheGrantsKeyAsEarlierVersionsSpelledItAreFound() throws Exception {
        Grant grant = seededGrant();
        String usedUp = "refresh-used-up-" + grant.clientId;
        Path tokens = folder.resolve("tokens.json");
        // The configured pair is used up; the pair COUNT rotated to is in the file, under clientId@baseUrl#fingerprint.
        new FileTokenStore(tokens).save(grant.clientId + "@" + mock.baseUrl() + "#" + CountEndpoint.fingerprint(usedUp),
                new TokenPair(grant.accessToken, grant.refreshToken));

        CamelContext camel = started(configuration -> {
            grant.configure(configuration);
            configuration.setBaseUrl(mock.baseUrl() + "/");
            configuration.setAccessToken("access-used-up-" + grant.clientId);
            configuration.setRefreshToken(usedUp);
            configuration.setTokenFile(tokens.toString());
        });

        assertThatCode(() -> camel.createProducerTemplate().requestBody("direct:customers", (Object) null))
                .doesNotThrowAnyException();
    }

    /** A partner app with a workspace of its own, so expiring or rotating its tokens leaves the demo grant alone. */
    private record Grant(String clientId, String clientSecret, String accessToken, String refreshToken) {

        void configure(CountConfiguration configuration) {
            configuration.setClientId(clientId);
            configuration.setClientSecret(clientSecret);
            configuration.setAccessToken(accessToken);
            configuration.setRefreshToken(refreshToken);
        }
    }

    private static Grant seededGrant() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Grant grant = new Grant("partner-" + id, "secret-" + id, "access-" + id, "refresh-" + id);
        admin("POST", "/seed", """
                {"partnerApps":[{"clientId":"%s","clientSecret":"%s"}],
                 "workspaces":[{"uuid":"%s","name":"Workspace %s",
                   "accessGrants":[{"clientId":"%s","accessToken":"%s","refreshToken":"%s"}]}]}
                """.formatted(grant.clientId, grant.clientSecret, UUID.randomUUID(), id, grant.clientId,
                grant.accessToken, grant.refreshToken));
        return grant;
    }

    /** A started context whose route {@code direct:customers} lists a customer through the demo connection. */
    private CamelContext started(Consumer<CountConfiguration> customise) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        opened.add(camel);
        CountComponent count = demoComponent();
        count.setClock(CLOCK);
        count.setSleeper(pause -> {
            waits.add(pause);
            CLOCK.advance(pause);
        });
        customise.accept(count.getConfiguration());
        camel.addComponent("count", count);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers").to("count:customers?operation=list&limit=1");
            }
        });
        camel.start();
        return camel;
    }

    private CountConnections.Hold held(CamelContext camel) {
        CountConnections.Hold hold = camel.getComponent("count", CountComponent.class).holdConnection();
        opened.add(hold);
        return hold;
    }

    private CountConnections.Hold connect(CamelContext camel) {
        CountComponent count = camel.getComponent("count", CountComponent.class);
        CountConnections.Hold hold = count.connect(count.getConfiguration());
        opened.add(hold);
        return hold;
    }

    private RateLimiter limiter(String baseUrl, String clientId, int limit, Duration window) {
        return hold(baseUrl, clientId, limit, window).rateLimiter();
    }

    private RateLimiter limiter(String baseUrl, String clientId, int limit, Duration window, DataSource cluster) {
        return hold(baseUrl, clientId, limit, window, cluster).rateLimiter();
    }

    private CountConnections.Hold hold(String baseUrl, String clientId, int limit, Duration window) {
        return hold(baseUrl, clientId, limit, window, null);
    }

    private CountConnections.Hold hold(String baseUrl, String clientId, int limit, Duration window,
                                       DataSource cluster) {
        CountComponent count = new CountComponent();
        count.getConfiguration().setDataSource(cluster);
        count.getConfiguration().setBaseUrl(baseUrl);
        count.getConfiguration().setClientId(clientId);
        count.getConfiguration().setRateLimit(limit);
        count.getConfiguration().setRateLimitWindow(window.toMillis());
        CountConnections.Hold hold = count.holdConnection();
        opened.add(hold);
        return hold;
    }

    private static String stackTrace(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        return text.toString();
    }
}
