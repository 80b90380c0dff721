package io.camelcount.component;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelcount.component.model.Customer;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Transaction;
import io.camelcount.component.testing.PlatformHttpServer;
import io.camelcount.component.webhook.WebhookSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhooks consumer on Camel Main's platform-http server, fed deliveries signed here as COUNT signs them
 * (contract §8). Every answer is given once the route is done, so each test asserts right after it, without waiting.
 */
class WebhookConsumerTest extends CamelTestSupport {

    private static final String SECRET = "whsec-test";
    private static final String TEAM = "5d1f0c9a-0000-4000-8000-00000000000a";
    private static final String INVOICE = "6c2b1d7e-1111-4aaa-8bbb-000000000001";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private int port;
    private final MemoryIdempotentRepository deliveries = new MemoryIdempotentRepository();
    /** How many of the next deliveries the route fails on. */
    private final AtomicInteger failures = new AtomicInteger();
    /** When set, the route waits for it: a delivery still being routed. */
    private volatile CountDownLatch hold;
    private final CountDownLatch entered = new CountDownLatch(1);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        port = PlatformHttpServer.addTo(context);
        context.getRegistry().bind("deliveries", deliveries);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("count:webhooks?events=invoice.updated,invoice.deleted,customer.created,transaction.created&signingSecret=" + SECRET
                     + "&idempotentRepository=#deliveries")
                        .process(exchange -> {
                            entered.countDown();
                            CountDownLatch latch = hold;
                            if (latch != null) {
                                assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
                            }
                            if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                                throw new IllegalStateException("the ERP is down");
                            }
                        })
                        .to("mock:events");
            }
        };
    }

    private static String envelope(String event, String data, String previousData) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"event\":\"" + event + "\",\"apiVersion\":\"1\","
               + "\"occurredAt\":\"2026-12-02T10:15:30Z\",\"team\":{\"id\":\"" + TEAM + "\",\"name\":\"Demo Workspace\"},"
               + "\"data\":" + data + (previousData == null ? "" : ",\"previousData\":" + previousData) + "}";
    }

    private static String invoiceUpdated() {
        return envelope("invoice.updated", "{\"id\":\"" + INVOICE + "\",\"invoiceNumber\":\"INV-0042\",\"status\":\"approved\","
                                           + "\"total\":250.00}",
                "{\"id\":\"" + INVOICE + "\",\"invoiceNumber\":\"INV-0042\",\"status\":\"draft\",\"total\":250.00}");
    }

    private HttpResponse<String> deliver(String deliveryId, String body) throws Exception {
        return deliver(deliveryId, body, WebhookSignature.of(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> deliver(String deliveryId, String body, String signature) throws Exception {
        return HTTP.send(request(deliveryId, body, signature), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String deliveryId, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/count/webhooks"))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Id", deliveryId)
                .header("X-Webhook-Event", "invoice.updated")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Webhook-Signature", signature);
        }
        return request.build();
    }

    private MockEndpoint events() {
        return getMockEndpoint("mock:events");
    }

    @Test
    void aSignedDeliveryIsRoutedAsTheTypedResourceWithItsHeaders() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> answer = deliver(id, invoiceUpdated());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Webhook-Signature")).isEmpty();
        assertThat(events().getReceivedCounter()).isEqualTo(1);
        var message = events().getExchanges().get(0).getMessage();
        Invoice invoice = message.getBody(Invoice.class);
        assertThat(invoice.getUuid()).isEqualTo(INVOICE);
        assertThat(invoice.getStatus()).isEqualTo("approved");
        assertThat(invoice.getTotal()).isEqualByComparingTo(new BigDecimal("250"));
        assertThat(message.getHeader(CountConstants.PREVIOUS_DATA, Invoice.class).getStatus()).isEqualTo("draft");
        assertThat(message.getHeader(CountConstants.UUID)).isEqualTo(INVOICE);
        assertThat(message.getHeader(CountConstants.WEBHOOK_ID)).isEqualTo(id);
        assertThat(message.getHeader(CountConstants.WEBHOOK_EVENT)).isEqualTo("invoice.updated");
        assertThat(message.getHeader(CountConstants.OCCURRED_AT)).isEqualTo(Instant.parse("2026-12-02T10:15:30Z"));
        assertThat(message.getHeader(CountConstants.TEAM_ID)).isEqualTo(TEAM);
        assertThat(deliveries.contains(id)).as("the configured repository holds the routed delivery").isTrue();
    }

    @Test
    void theSignatureIsCheckedOverTheRawBytesNotAReSerialisation() throws Exception {
        // Spaces, a line break and 250.00: any re-serialisation of this body would sign differently.
        String raw = "{ \"event\" : \"customer.created\",\n  \"data\" : { \"id\" : \"" + UUID.randomUUID()
                     + "\", \"customer\" : \"Café Ünïcode\", \"balance\" : 250.00 } }";

        assertThat(deliver(UUID.randomUUID().toString(), raw).statusCode()).isEqualTo(200);

        assertThat(events().getExchanges().get(0).getMessage().getBody(Customer.class).getCustomer())
                .isEqualTo("Café Ünïcode");
    }

    @Test
    void aForgedOrMissingSignatureIsAnswered401AndNothingIsRouted() throws Exception {
        String body = invoiceUpdated();
        String forged = WebhookSignature.of("not-the-secret", body.getBytes(StandardCharsets.UTF_8));
        String tampered = WebhookSignature.of(SECRET, body.getBytes(StandardCharsets.UTF_8));

        assertThat(deliver(UUID.randomUUID().toString(), body, forged).statusCode()).isEqualTo(401);
        assertThat(deliver(UUID.randomUUID().toString(), body, null).statusCode()).isEqualTo(401);
        assertThat(deliver(UUID.randomUUID().toString(), body, "sha256=not-hex").statusCode()).isEqualTo(401);
        assertThat(deliver(UUID.randomUUID().toString(), body.replace("approved", "paid"), tampered).statusCode())
                .isEqualTo(401);
        assertThat(deliver(UUID.randomUUID().toString(), body, tampered.substring("sha256=".length())).statusCode())
                .as("the hex without its sha256= prefix").isEqualTo(401);

        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void aDuplicateDeliveryIsAcknowledgedAndNotRoutedAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = invoiceUpdated();

        assertThat(deliver(id, body).statusCode()).isEqualTo(200);
        HttpResponse<String> again = deliver(id, body);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Duplicate");
        assertThat(events().getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aDeliveryArrivingWhileTheSameIsRoutedIsRefusedUntilTheFirstIsDoneThenRoutedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = invoiceUpdated();
        hold = new CountDownLatch(1);

        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(
                request(id, body, WebhookSignature.of(SECRET, body.getBytes(StandardCharsets.UTF_8))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> concurrent = deliver(id, body);
        hold.countDown();

        assertThat(concurrent.statusCode()).as("a 2xx now would lose the event if the first failed").isEqualTo(409);
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(deliver(id, body).statusCode()).isEqualTo(200);
        assertThat(events().getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aFailedRouteIsAnswered500AndCountsRedeliveryIsRoutedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = invoiceUpdated();
        failures.set(1);

        HttpResponse<String> failed = deliver(id, body);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("ERP").doesNotContain("Exception");
        assertThat(deliveries.contains(id)).as("forgotten, so that the retry is routed").isFalse();

        assertThat(deliver(id, body).statusCode()).isEqualTo(200);
        assertThat(deliver(id, body).statusCode()).isEqualTo(200);
        assertThat(events().getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void anEventNotInTheListIsAcknowledgedAndNotRouted() throws Exception {
        String body = envelope("invoice.created", "{\"id\":\"" + INVOICE + "\",\"status\":\"draft\"}", null);

        HttpResponse<String> answer = deliver(UUID.randomUUID().toString(), body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("invoice.created");
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void aTransactionIsRoutedAsATransaction() throws Exception {
        String transaction = UUID.randomUUID().toString();
        String body = envelope("transaction.created", "{\"id\":\"" + transaction + "\",\"type\":\"Income\",\"amount\":120.5}",
                null);

        assertThat(deliver(UUID.randomUUID().toString(), body).statusCode()).isEqualTo(200);

        Transaction routed = events().getExchanges().get(0).getMessage().getBody(Transaction.class);
        assertThat(routed.getUuid()).isEqualTo(transaction);
        assertThat(routed.getAmount()).isEqualByComparingTo("120.5");
    }

    @Test
    void aDeletionIsRoutedAsTheDeletedResourcesId() throws Exception {
        String body = envelope("invoice.deleted", "{\"id\":\"" + INVOICE + "\"}", null);

        assertThat(deliver(UUID.randomUUID().toString(), body).statusCode()).isEqualTo(200);

        var message = events().getExchanges().get(0).getMessage();
        assertThat(message.getBody()).isEqualTo(INVOICE);
        assertThat(message.getHeader(CountConstants.WEBHOOK_EVENT)).isEqualTo("invoice.deleted");
        assertThat(message.getHeaders()).doesNotContainKey(CountConstants.PREVIOUS_DATA);
    }

    @Test
    void aSignedBodyThatIsNoEnvelopeOrADeliveryWithoutIdIsRefused400() throws Exception {
        assertThat(deliver(UUID.randomUUID().toString(), "{\"hello\":\"world\"}").statusCode()).isEqualTo(400);
        assertThat(deliver(UUID.randomUUID().toString(), "not json").statusCode()).isEqualTo(400);
        assertThat(deliver(" ", invoiceUpdated()).statusCode()).isEqualTo(400);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void onlyPostIsReceived() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/count/webhooks"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void anUnknownEventOrAMissingSigningSecretFailsTheRoutesStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("count:webhooks?events=invoice.paid&signingSecret=s&webhookPath=/other").to("mock:never");
            }
        })).rootCause().hasMessageContaining("invoice.paid").hasMessageContaining("invoice.updated");
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("count:webhooks?events=invoice.updated&webhookPath=/other").to("mock:never");
            }
        })).rootCause().hasMessageContaining("signingSecret");
    }
}
