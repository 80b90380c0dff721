package io.camelcount.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.camelcount.component.model.Invoice;
import io.camelcount.component.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating tokens against the mock COUNT's real OAuth rules: refresh on expiry without the route noticing,
 * one refresh for many threads, rotation kept across a restart, and a clear error once a rotated refresh
 * token is used again.
 */
class TokenRefreshTest extends FreshTokensTestSupport {

    static final String REFRESH_PATH = "/partners/refresh-user-access-token";

    @TempDir
    Path folder;

    private static void expireAccessTokens() {
        admin("POST", "/tokens/expire", "{\"clientId\":\"demo-client\"}");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedWithoutTheRouteNoticing() {
        Invoice draft = createDraft();
        long refreshesBefore = requestsTo("POST", REFRESH_PATH);
        expireAccessTokens();

        Exchange afterExpiry = call("count:invoices?operation=get", null, draft.getUuid());

        assertThat(afterExpiry.getException()).isNull();
        assertThat(afterExpiry.getMessage().getBody(Invoice.class).getUuid()).isEqualTo(draft.getUuid());
        assertThat(requestsTo("POST", REFRESH_PATH) - refreshesBefore).isEqualTo(1);
        assertThat(call("count:invoices?operation=get", null, draft.getUuid()).getException()).isNull();
        assertThat(requestsTo("POST", REFRESH_PATH) - refreshesBefore).as("the new token is kept").isEqualTo(1);
    }

    @Test
    void fiftyThreadsFailingWithTheSameExpiredTokenCauseOneRefresh() throws Exception {
        Invoice draft = createDraft();
        long refreshesBefore = requestsTo("POST", REFRESH_PATH);
        expireAccessTokens();

        int threads = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Exchange> get = () -> {
                    start.await();
                    return call("count:invoices?operation=get", null, draft.getUuid());
                };
                calls.add(pool.submit(get));
            }
            start.countDown();
            for (Future<Exchange> result : calls) {
                assertThat(result.get().getException()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(requestsTo("POST", REFRESH_PATH) - refreshesBefore).isEqualTo(1);
    }

    @Test
    void theRotatedPairInTheTokenFileOutlivesARestart() throws Exception {
        Path tokenFile = folder.resolve("count-tokens.json");
        String draftUuid;
        try (CamelContext first = contextWithTokenFile(tokenFile)) {
            draftUuid = invoiceIn(first, "count:invoices?operation=create",
                    invoiceRequest(ACME, CONSULTING_HOUR, "1", "10")).getUuid();
            expireAccessTokens();
            invoiceIn(first, "count:invoices?operation=get", draftUuid);
        }
        String stored = Files.readString(tokenFile);
        assertThat(stored).doesNotContain("demo-refresh-token", "demo-access-token");

        long refreshesBefore = requestsTo("POST", REFRESH_PATH);
        try (CamelContext restarted = contextWithTokenFile(tokenFile)) {
            Invoice again = invoiceIn(restarted, "count:invoices?operation=get", draftUuid);
            assertThat(again.getUuid()).isEqualTo(draftUuid);
        }
        assertThat(requestsTo("POST", REFRESH_PATH)).as("the stored access token still works").isEqualTo(refreshesBefore);
    }

    @Test
    void aRotatedRefreshTokenUsedAgainGivesAClearError() throws Exception {
        try (CamelContext first = contextWithTokenFile(folder.resolve("first.json"))) {
            expireAccessTokens();
            Exchange rotating = first.createProducerTemplate().request("count:invoices?operation=get&uuid=" + UNKNOWN_UUID,
                    exchange -> { });
            assertThat(rotating.getException()).as("refreshed, then not found").isInstanceOf(CountNotFoundException.class);
        }

        try (CamelContext stale = contextWithTokenFile(folder.resolve("second.json"))) {
            expireAccessTokens();
            Exchange attempt = stale.createProducerTemplate().request("count:invoices?operation=get&uuid=" + UNKNOWN_UUID,
                    exchange -> { });

            assertThat(attempt.getException()).isInstanceOfSatisfying(CountAuthorizationException.class, e -> {
                assertThat(e.getStatusCode()).isEqualTo(403);
                assertThat(e.getMessage()).contains("Authorise the application again")
                        .doesNotContain("demo-refresh-token");
            });
        }
    }

    @Test
    void noSecretOrTokenReachesTheLogsOrTheErrors() throws Exception {
        try (LogCapture component = LogCapture.of("io.camelcount.component", Level.TRACE);
             LogCapture camel = LogCapture.of("org.apache.camel", Level.DEBUG)) {
            Invoice draft = createDraft();
            expireAccessTokens();
            invoice("count:invoices?operation=get", null, draft.getUuid());
            Exchange refused = call("count:invoices?operation=send", null, draft.getUuid());
            Exchange wrongSecret = call("count:invoices?operation=get&clientSecret=wrong-secret-value", null, draft.getUuid());

            List<String> everything = new ArrayList<>(component.messages());
            everything.addAll(camel.messages());
            everything.add(String.valueOf(refused.getException()));
            everything.add(String.valueOf(wrongSecret.getException()));
            everything.add(context.getEndpoints().toString());
            assertThat(component.messages()).as("the refresh is logged").anyMatch(line -> line.contains("efresh"));
            assertThat(everything).allSatisfy(line -> assertThat(line)
                    .doesNotContain("demo-secret", "wrong-secret-value", "demo-access-token", "demo-refresh-token"));
        }
    }

    private CamelContext contextWithTokenFile(Path tokenFile) {
        CamelContext context = new DefaultCamelContext();
        CountComponent count = demoComponent();
        count.getConfiguration().setTokenStore(null);
        count.getConfiguration().setTokenFile(tokenFile.toString());
        context.addComponent("count", count);
        context.start();
        return context;
    }

    private static Invoice invoiceIn(CamelContext context, String uri, Object bodyOrUuid) {
        ProducerTemplate template = context.createProducerTemplate();
        Exchange exchange = template.request(uri, ex -> {
            if (bodyOrUuid instanceof String uuid) {
                ex.getMessage().setHeader(CountConstants.UUID, uuid);
            } else {
                ex.getMessage().setBody(bodyOrUuid);
            }
        });
        if (exchange.getException() != null) {
            throw new AssertionError(uri + " failed", exchange.getException());
        }
        return exchange.getMessage().getBody(Invoice.class);
    }
}
