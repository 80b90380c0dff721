package io.camelcount.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.WebhookSubscription;
import io.camelcount.component.testing.LogCapture;
import io.camelcount.component.testing.PlatformHttpServer;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end against the mock COUNT (contract §8): the producer manages subscriptions, the consumer
 * subscribes once however often it starts, and the mock's deliveries (duplicated, retried after a failure) reach the
 * route once each. The mock's clock drives its retries and its admin API says when every delivery is done, so
 * nothing here sleeps.
 */
class WebhooksAgainstTheMockTest extends MockCountTestSupport {

    private static final String SECRET = "whsec-e2e";

    private int port;

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(testDay()).rateLimit(0).webhookTimeout(Duration.ofSeconds(5)));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        port = PlatformHttpServer.addTo(context);
        return context;
    }

    private String callbackUrl(String path) {
        return "http://localhost:" + port + path;
    }

    /** A receiver on its own path, so each test sees only its own subscriptions' deliveries. */
    private String receive(String routeId, String events, String path) throws Exception {
        return receive(routeId, events, path, exchange -> {
        });
    }

    /** The same, with {@code step} before the route's mock endpoint. */
    private String receive(String routeId, String events, String path, Processor step) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("count:webhooks?subscribe=true&events=" + events + "&signingSecret=" + SECRET + "&webhookPath=" + path
                     + "&callbackUrl=" + callbackUrl(path))
                        .routeId(routeId)
                        .process(step)
                        .to("mock:" + routeId);
            }
        });
        return path;
    }

    private static List<JsonNode> subscriptionsTo(String callbackUrl) {
        List<JsonNode> found = new ArrayList<>();
        admin("GET", "/webhooks", null).path("webhooks").forEach(subscription -> {
            if (callbackUrl.equals(subscription.path("callbackUrl").asText())) {
                found.add(subscription);
            }
        });
        return found;
    }

    /** The mock is shared by the class: a test's subscriptions must not deliver, or take a fault, in the next one. */
    @AfterEach
    void unsubscribe() {
        admin("GET", "/webhooks", null).path("webhooks").forEach(subscription -> assertThat(
                call("count:webhooks?operation=delete", null, subscription.path("uuid").asText()).getException()).isNull());
        admin("DELETE", "/webhooks/faults", null);
    }

    private static JsonNode awaitDeliveries() {
        return admin("POST", "/webhooks/deliveries/await", "{\"timeoutMillis\":20000}");
    }

    /** The HTTP statuses the receiver answered the one delivery to {@code path}, as the mock recorded them. */
    private List<Integer> answersTo(String path, JsonNode deliveries) {
        List<JsonNode> toPath = new ArrayList<>();
        deliveries.path("deliveries").forEach(delivery -> {
            if (delivery.path("callbackUrl").asText().equals(callbackUrl(path))) {
                toPath.add(delivery);
            }
        });
        assertThat(toPath).as("deliveries to %s", path).hasSize(1);
        List<Integer> statuses = new ArrayList<>();
        toPath.get(0).path("attempts").forEach(attempt -> statuses.add(attempt.path("responseStatus").asInt()));
        return statuses;
    }

    @Test
    void theProducerCreatesListsUpdatesAndDeletesSubscriptionsWithoutLoggingTheSecret() {
        String callback = callbackUrl("/crud-" + UUID.randomUUID());
        try (LogCapture logs = LogCapture.of("io.camelcount", Level.DEBUG)) {
            WebhookSubscription created = result("count:webhooks?operation=create",
                    Map.of("event", "invoice.updated", "callbackUrl", callback, "signingSecret", "s3cret-never-logged"), null,
                    WebhookSubscription.class);
            assertThat(created.getUuid()).isNotBlank();
            assertThat(created.getHasSigningSecret()).isTrue();
            assertThat(created.getStatus()).isEqualTo("active");
            assertThat(created.toString()).doesNotContain("s3cret");

            Page<?> page = result("count:webhooks?operation=list&limit=100", null, null, Page.class);
            assertThat(page.records()).extracting(record -> ((WebhookSubscription) record).getUuid()).contains(created.getUuid());

            WebhookSubscription paused = result("count:webhooks?operation=update", Map.of("status", "paused"),
                    created.getUuid(), WebhookSubscription.class);
            assertThat(paused.getStatus()).isEqualTo("paused");
            assertThat(paused.getCallbackUrl()).isEqualTo(callback);

            assertThat(call("count:webhooks?operation=delete", null, created.getUuid()).getException()).isNull();
            assertThat(subscriptionsTo(callback)).isEmpty();
            assertThat(logs.entries()).noneMatch(entry -> entry.message().contains("s3cret"));
        }
    }

    @Test
    void subscribingTwiceAcrossRestartsLeavesOneSubscriptionPerEventWithTheSecretAndTheStatusItHad() throws Exception {
        String path = "/subscribe-" + UUID.randomUUID();
        receive("subscriber", "invoice.created,invoice.updated", path);
        context.getRouteController().stopRoute("subscriber");
        List<JsonNode> first = subscriptionsTo(callbackUrl(path));
        assertThat(first).as("a stop deletes nothing").hasSize(2);
        context.removeRoute("subscriber");
        // Paused by the workspace, and its secret dropped: the restart gives the secret back and leaves the pause.
        String paused = first.get(0).path("uuid").asText();
        result("count:webhooks?operation=update", "{\"status\":\"paused\",\"signingSecret\":null}", paused,
                WebhookSubscription.class);

        receive("subscriber", "invoice.created,invoice.updated", path);

        List<JsonNode> after = subscriptionsTo(callbackUrl(path));
        assertThat(after).extracting(subscription -> subscription.path("event").asText())
                .containsExactlyInAnyOrder("invoice.created", "invoice.updated");
        assertThat(after).extracting(subscription -> subscription.path("uuid").asText())
                .containsExactlyInAnyOrderElementsOf(first.stream().map(subscription -> subscription.path("uuid").asText()).toList());
        assertThat(after).allSatisfy(subscription -> assertThat(subscription.path("hasSigningSecret").booleanValue()).isTrue());
        assertThat(after).filteredOn(subscription -> subscription.path("uuid").asText().equals(paused))
                .singleElement().satisfies(subscription -> assertThat(subscription.path("status").asText()).isEqualTo("paused"));
    }

    @Test
    void aChangeInCountReachesTheRouteAsTheTypedInvoiceWithWhatItWas() throws Exception {
        receive("changes", "invoice.updated", "/changes-" + UUID.randomUUID());
        Invoice draft = createDraft();
        MockEndpoint changes = getMockEndpoint("mock:changes");

        invoice("count:invoices?operation=approve", null, draft.getUuid());
        awaitDeliveries();

        assertThat(changes.getReceivedCounter()).isEqualTo(1);
        var message = changes.getExchanges().get(0).getMessage();
        assertThat(message.getBody(Invoice.class).getUuid()).isEqualTo(draft.getUuid());
        assertThat(message.getBody(Invoice.class).getStatus()).isEqualTo("approved");
        assertThat(message.getHeader(CountConstants.PREVIOUS_DATA, Invoice.class).getStatus()).isEqualTo("draft");
        assertThat(message.getHeader(CountConstants.WEBHOOK_EVENT)).isEqualTo("invoice.updated");
        assertThat(message.getHeader(CountConstants.TEAM_ID)).isEqualTo(mock.demoWorkspace().uuid().toString());
        assertThat(message.getHeader(CountConstants.OCCURRED_AT)).isNotNull();
    }

    @Test
    void aDeletedDraftArrivesAsItsIdWithTheInvoiceItWas() throws Exception {
        receive("deletions", "invoice.deleted", "/deletions-" + UUID.randomUUID());
        Invoice draft = createDraft();

        assertThat(call("count:invoices?operation=delete", null, draft.getUuid()).getException()).isNull();
        awaitDeliveries();

        MockEndpoint deletions = getMockEndpoint("mock:deletions");
        assertThat(deletions.getReceivedCounter()).isEqualTo(1);
        var message = deletions.getExchanges().get(0).getMessage();
        assertThat(message.getBody()).isEqualTo(draft.getUuid());
        assertThat(message.getHeader(CountConstants.UUID)).isEqualTo(draft.getUuid());
        assertThat(message.getHeader(CountConstants.PREVIOUS_DATA, Invoice.class).getStatus()).isEqualTo("draft");
    }

    @Test
    void aDeliveryCountSendsTwiceIsRoutedOnce() throws Exception {
        String path = receive("twice", "invoice.created", "/twice-" + UUID.randomUUID());
        admin("POST", "/webhooks/faults", "{\"kind\":\"duplicate\",\"event\":\"invoice.created\",\"times\":1}");

        Invoice draft = createDraft();

        assertThat(answersTo(path, awaitDeliveries())).as("both copies acknowledged").containsExactly(200, 200);
        MockEndpoint twice = getMockEndpoint("mock:twice");
        assertThat(twice.getReceivedCounter()).isEqualTo(1);
        assertThat(twice.getExchanges().get(0).getMessage().getBody(Invoice.class).getUuid()).isEqualTo(draft.getUuid());
    }

    @Test
    void aDeliveryTheRouteFailsOnIsRetriedByCountAndThenRoutedOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String path = receive("failing", "invoice.created", "/failing-" + UUID.randomUUID(), exchange -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the ERP is down");
            }
        });
        createDraft();
        assertThat(answersTo(path, awaitDeliveries())).containsExactly(500);
        assertThat(getMockEndpoint("mock:failing").getReceivedCounter()).isZero();

        mock.clock().advance(Duration.ofMinutes(1));

        assertThat(answersTo(path, awaitDeliveries())).as("COUNT's retry after its first back-off").containsExactly(500, 200);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(getMockEndpoint("mock:failing").getReceivedCounter()).isEqualTo(1);
    }
}
