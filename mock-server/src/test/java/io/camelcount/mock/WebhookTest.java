package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks (contract §8): subscriptions over the partner API, and the deliveries a receiver gets from each change,
 * driven by the mock's clock and awaited through the admin API, never by sleeping.
 */
class WebhookTest extends DemoWorkspaceTest {

    static final String WEBHOOKS = "/partners/webhooks";
    private static final String SECRET = "whsec-test-secret";
    private static final String OTHER_CLIENT = "other-client";
    private static final UUID OTHER_WORKSPACE = UUID.fromString("7e57a11a-0000-4000-8000-00000000b00c");

    private WebhookReceiver receiver;
    private AdminClient admin;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
        admin = new AdminClient(server);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Override
    CountMockServer.Builder configure(CountMockServer.Builder builder) {
        return builder.webhookTimeout(Duration.ofSeconds(2))
                .partnerApp(OTHER_CLIENT, "other-secret")
                .workspace(WorkspaceSeed.builder(OTHER_WORKSPACE, "Other Ltd")
                        .accessGrant(OTHER_CLIENT, "other-access-token", "other-refresh-token").build());
    }

    // ----- subscriptions

    @Test
    void aSubscriptionIsCreatedReadChangedAndDeletedWithoutItsSecretEverAnswered() {
        Reply createdReply = created(partner.post(WEBHOOKS, "{\"event\":\"invoice.updated\",\"callbackUrl\":\""
                + receiver.url("/hook") + "\",\"signingSecret\":\"" + SECRET + "\"}"));
        assertThat(createdReply.json().has("message")).as(createdReply.text()).isFalse();
        assertThat(createdReply.json().path("status").asText()).isEqualTo("success");
        JsonNode webhook = createdReply.data().get("webhook");
        List<String> fields = new ArrayList<>();
        webhook.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("uuid", "event", "callbackUrl", "status", "hasSigningSecret", "createdAt",
                "updatedAt");
        assertThat(webhook.path("event").asText()).isEqualTo("invoice.updated");
        assertThat(webhook.path("status").asText()).isEqualTo("active");
        assertThat(webhook.path("hasSigningSecret").booleanValue()).isTrue();
        assertThat(webhook.path("createdAt").asText()).isEqualTo(START.toString());
        String uuid = webhook.path("uuid").asText();

        Reply list = ok(partner.get(WEBHOOKS));
        assertThat(list.recordTexts("uuid")).containsExactly(uuid);
        Reply paused = ok(partner.patch(WEBHOOKS + "/" + uuid, "{\"status\":\"paused\",\"signingSecret\":null}"));
        assertThat(paused.data().path("webhook").path("status").asText()).isEqualTo("paused");
        assertThat(paused.data().path("webhook").path("hasSigningSecret").booleanValue()).isFalse();
        assertThat(paused.data().path("webhook").path("callbackUrl").asText()).isEqualTo(receiver.url("/hook"));
        assertThat(admin.get("/webhooks").text()).contains(uuid).doesNotContain(SECRET);

        Reply deleted = ok(partner.delete(WEBHOOKS + "/" + uuid));
        assertThat(deleted.data().path("isDeleted").booleanValue()).isTrue();
        partner.get(WEBHOOKS + "/" + uuid).assertErrorEnvelope(404);
        assertThat(ok(partner.get(WEBHOOKS)).records()).isEmpty();
        for (Reply reply : List.of(createdReply, list, paused)) {
            assertThat(reply.text()).doesNotContain(SECRET).doesNotContain("signingSecret");
        }
    }

    @Test
    void badSubscriptionsAreRefusedWithACodeNamingTheFieldAndChangeNothing() {
        String hook = receiver.url("/hook");
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{\"callbackUrl\":\"" + hook + "\"}", "invalid_event");
        refused.put("{\"event\":\"invoice.paid\",\"callbackUrl\":\"" + hook + "\"}", "invalid_event");
        refused.put("{\"event\":42,\"callbackUrl\":\"" + hook + "\"}", "invalid_event");
        refused.put("{\"event\":\"invoice.created\"}", "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"ftp://example.com/hook\"}", "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"http://example.com/hook\"}", "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"https://user:pw@example.com/hook\"}", "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"https://169.254.169.254/latest\"}", "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"https://0.0.0.0/hook\"}", "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"not a url\"}", "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":[]}", "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"" + hook + "\",\"signingSecret\":\"\"}",
                "invalid_signing_secret");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"" + hook + "\",\"signingSecret\":5}",
                "invalid_signing_secret");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"" + hook + "\",\"status\":\"on\"}", "invalid_status");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"https://[fe80::1]/hook\"}", "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"https://example.com/" + "a".repeat(2048) + "\"}",
                "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"https://example.com/#fragment\"}",
                "invalid_callback_url");
        refused.put("{\"event\":\"invoice.created\",\"callbackUrl\":\"" + hook + "\",\"signingSecret\":\""
                + "s".repeat(257) + "\"}", "invalid_signing_secret");
        refused.forEach((body, code) -> {
            Reply reply = partner.post(WEBHOOKS, body).assertErrorEnvelope(400);
            assertThat(reply.code()).as(body).isEqualTo(code);
        });
        assertThat(server.webhooks().subscriptions().all()).isEmpty();
        assertThat(created(partner.post(WEBHOOKS, "{\"event\":\"invoice.created\",\"callbackUrl\":"
                + "\"https://hooks.example.com/count\"}")).data().path("webhook").path("hasSigningSecret").booleanValue())
                .isFalse();
    }

    @Test
    void anAppSeesOnlyItsOwnSubscriptionsAndAWorkspaceDeliversOnlyItsOwnChanges() {
        String uuid = subscribe("customer.created", null);
        PartnerClient other = new PartnerClient(server.baseUrl(), server.clock(), OTHER_CLIENT, "other-secret",
                "other-access-token");

        assertThat(ok(other.get(WEBHOOKS)).records()).isEmpty();
        other.get(WEBHOOKS + "/" + uuid).assertErrorEnvelope(404);
        other.patch(WEBHOOKS + "/" + uuid, "{\"status\":\"paused\"}").assertErrorEnvelope(404);
        other.delete(WEBHOOKS + "/" + uuid).assertErrorEnvelope(404);
        created(other.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        awaitDeliveries();

        assertThat(receiver.received()).isEmpty();
        assertThat(ok(partner.get(WEBHOOKS + "/" + uuid)).data().path("webhook").path("status").asText()).isEqualTo("active");
    }

    @Test
    void anAppHasAtMostAHundredSubscriptionsInAWorkspace() {
        for (int i = 0; i < 100; i++) {
            subscribe("invoice.created", null);
        }
        assertThat(partner.post(WEBHOOKS, "{\"event\":\"invoice.created\",\"callbackUrl\":\"" + receiver.url("/hook")
                + "\"}").assertErrorEnvelope(400).code()).isEqualTo("too_many_webhooks");
        assertThat(ok(partner.get(WEBHOOKS + "?limit=100")).records()).hasSize(100);
    }

    @Test
    void aBadDeliveryFaultIsRefusedNamingTheField() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{}", "kind");
        refused.put("{\"kind\":\"explode\"}", "kind");
        refused.put("{\"kind\":\"drop\",\"event\":\"invoice.paid\"}", "event");
        refused.put("{\"kind\":\"drop\",\"probability\":2}", "probability");
        refused.put("{\"kind\":\"drop\",\"times\":0}", "times");
        refused.put("{\"kind\":\"delay\",\"delaySeconds\":0}", "delaySeconds");
        refused.put("{\"kind\":\"delay\",\"delaySeconds\":21601}", "delaySeconds");
        refused.put("{\"kind\":\"drop\",\"colour\":\"red\"}", "colour");
        refused.forEach((body, field) -> assertThat(admin.post("/webhooks/faults", body).assertErrorEnvelope(400).message())
                .as(body).contains(field));
        assertThat(ok(admin.get("/webhooks/faults")).data().path("faults")).isEmpty();
    }

    // ----- deliveries

    @Test
    void aDeliveryCarriesTheEnvelopeAndASignatureOverItsExactBytes() throws GeneralSecurityException {
        subscribe("invoice.created", SECRET);
        String invoice = approvedInvoice("100");
        awaitDeliveries();

        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received delivery = receiver.received().get(0);
        assertThat(delivery.method()).isEqualTo("POST");
        assertThat(delivery.path()).isEqualTo("/hook");
        assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
        assertThat(delivery.header("X-Webhook-Event")).isEqualTo("invoice.created");
        assertThat(delivery.header("X-Webhook-Signature")).isEqualTo("sha256=" + hmac(SECRET, delivery.body()));
        JsonNode envelope = json(delivery);
        assertThat(envelope.path("id").asText()).isEqualTo(delivery.header("X-Webhook-Id"));
        assertThat(envelope.path("event").asText()).isEqualTo("invoice.created");
        assertThat(envelope.path("apiVersion").asText()).isEqualTo("1");
        assertThat(envelope.path("occurredAt").asText()).isEqualTo(START.toString());
        assertThat(envelope.path("team").path("id").asText()).isEqualTo(DemoWorkspace.WORKSPACE_UUID.toString());
        assertThat(envelope.path("team").path("name").asText()).isEqualTo(DemoWorkspace.WORKSPACE_NAME);
        assertThat(envelope.get("data")).isEqualTo(invoice(invoice).data());
        assertThat(envelope.get("previousData").isNull()).isTrue();
    }

    @Test
    void everyChangeOfTheDomainIsDeliveredAsItsEvent() {
        for (String event : List.of("customer.created", "customer.updated", "customer.deleted", "invoice.created",
                "invoice.updated", "invoice.deleted", "transaction.created", "transaction.updated",
                "transaction.deleted")) {
            subscribe(event, null);
        }
        String customer = expect(() -> created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"))
                .dataText("id"), "customer.created");
        expect(() -> ok(partner.put("/partners/customers/" + customer, "{\"notes\":\"key account\"}")), "customer.updated");
        expect(() -> ok(partner.delete("/partners/customers/" + customer)), "customer.deleted");
        assertThat(json(receiver.received().get(0)).get("data")).isEqualTo(
                PartnerClient.JSON.createObjectNode().put("id", customer));

        String draft = expect(() -> create("invoice", Bodies.ACME, "100", false), "invoice.created");
        expect(() -> ok(partner.patch("/partners/invoices/" + draft, "{\"notes\":\"changed\"}")), "invoice.updated");
        JsonNode updated = json(receiver.received().get(0));
        assertThat(updated.path("previousData").path("notes").isNull()).isTrue();
        assertThat(updated.path("data").path("notes").asText()).isEqualTo("changed");
        expect(() -> ok(partner.patch("/partners/invoices/" + draft + "/approve")), "invoice.updated");
        expect(() -> ok(partner.post("/partners/invoices/" + draft + "/send", "{}")), "invoice.updated");
        String doomed = expect(() -> create("invoice", Bodies.ACME, "5", false), "invoice.created");
        expect(() -> ok(partner.delete("/partners/invoices/" + doomed)), "invoice.deleted");
        assertThat(json(receiver.received().get(0)).get("data"))
                .isEqualTo(PartnerClient.JSON.createObjectNode().put("id", doomed));

        String deposit = expect(() -> created(partner.post(TransactionTest.TRANSACTIONS, TransactionTest.deposit("500")))
                .dataText("id"), "transaction.created");
        expect(() -> ok(partner.patch(TransactionTest.TRANSACTIONS + "/" + deposit, "{\"description\":\"Acme\"}")),
                "transaction.updated");
        expect(() -> ok(partner.post(TransactionTest.TRANSACTIONS + "/" + deposit + "/assign-to-bills-invoices",
                "{\"matchingType\":\"invoice\",\"records\":[{\"id\":\"" + draft + "\",\"paymentAmount\":40}]}")),
                "transaction.updated", "invoice.updated");
        expect(() -> ok(partner.patch("/partners/invoices/" + draft + "/remove-transaction",
                "{\"transactionId\":\"" + deposit + "\"}")), "transaction.updated", "invoice.updated");
        expect(() -> ok(partner.delete(TransactionTest.TRANSACTIONS + "/" + deposit)), "transaction.deleted");

        expect(() -> ok(admin.post("/payments", "{\"invoiceUuid\":\"" + draft + "\",\"amount\":10}")),
                "transaction.created", "invoice.updated");
        String url = ok(partner.get("/partners/invoices/" + draft + "/public-link")).dataText("url");
        expect(() -> assertThat(new Browser().post(url + "/pay").statusCode()).isEqualTo(303),
                "transaction.created", "invoice.updated");

        String invoice = expect(() -> approvedInvoice("100"), "invoice.created");
        String memo = expect(() -> approvedMemo("30"), "invoice.created");
        expect(() -> ok(partner.patch("/partners/invoices/" + invoice + "/apply-multiple-credit-to-invoice",
                "{\"creditMemos\":[{\"id\":\"" + memo + "\",\"amount\":30}]}")), "invoice.updated", "invoice.updated");
    }

    @Test
    void aRecurringTemplateIssuesItsInvoiceAsInvoiceCreatedWhenTheClockPassesItsDate() {
        String template = created(partner.post("/partners/recurring-invoice-templates", "{\"customerUuid\":\""
                + Bodies.ACME + "\",\"date\":\"2026-12-01\",\"recurrencePattern\":\"monthly\",\"products\":"
                + "[{\"productUuid\":\"" + Bodies.CONSULTING + "\",\"quantity\":1,\"unitPrice\":10}]}")).dataText("id");
        ok(partner.post("/partners/recurring-invoice-templates/" + template + "/resume", null));
        subscribe("invoice.created", null);
        awaitDeliveries();
        assertThat(receiver.received()).isEmpty();

        clock.advance(Duration.ofDays(8));
        awaitDeliveries();

        assertThat(receiver.events()).containsExactly("invoice.created");
        assertThat(json(receiver.received().get(0)).path("data").path("date").asText()).isEqualTo("2026-12-01");
    }

    @Test
    void aFailedDeliveryIsRetriedOnTheMockClockWithTheSameIdThenGivenUp() {
        receiver.answer(500, 503, 500, 500, 500, 500);
        subscribe("customer.created", null);
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        awaitDeliveries();
        assertThat(receiver.received()).hasSize(1);
        JsonNode delivery = deliveries().get(0);
        assertThat(delivery.path("state").asText()).isEqualTo("pending");
        assertThat(delivery.path("attempts").get(0).path("responseStatus").asInt()).isEqualTo(500);
        assertThat(delivery.path("nextAttemptAt").asText()).isEqualTo(START.plusSeconds(60).toString());

        clock.advance(Duration.ofSeconds(59));
        awaitDeliveries();
        assertThat(receiver.received()).hasSize(1);
        int expected = 1;
        for (Duration step : List.of(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(6))) {
            clock.advance(step);
            awaitDeliveries();
            assertThat(receiver.received()).hasSize(++expected);
        }

        assertThat(receiver.received().stream().map(request -> request.header("X-Webhook-Id")).distinct()).hasSize(1);
        assertThat(receiver.received().stream().map(WebhookReceiver.Received::text).distinct()).hasSize(1);
        delivery = deliveries().get(0);
        assertThat(delivery.path("state").asText()).isEqualTo("givenUp");
        assertThat(delivery.path("attempts")).hasSize(6);
        clock.advance(Duration.ofDays(1));
        awaitDeliveries();
        assertThat(receiver.received()).hasSize(6);
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() {
        receiver.redirectTo("/elsewhere");
        subscribe("customer.created", null);
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        awaitDeliveries();

        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/hook");
        JsonNode attempt = deliveries().get(0).path("attempts").get(0);
        assertThat(attempt.path("outcome").asText()).isEqualTo("failed");
        assertThat(attempt.path("responseStatus").asInt()).isEqualTo(302);
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutAndIsRetried() throws IOException {
        // The kernel accepts the connection into the backlog; nobody ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            created(partner.post(WEBHOOKS, "{\"event\":\"customer.created\",\"callbackUrl\":\"http://127.0.0.1:"
                    + silent.getLocalPort() + "/hook\"}"));
            created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
            awaitDeliveries();

            JsonNode delivery = deliveries().get(0);
            assertThat(delivery.path("state").asText()).isEqualTo("pending");
            assertThat(delivery.path("attempts").get(0).path("error").asText()).isEqualTo("timed out after 2000 ms");
        }
    }

    @Test
    void aRedeliveryKeepsTheIdAndTheBytes() {
        subscribe("customer.created", SECRET);
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        awaitDeliveries();
        String id = deliveries().get(0).path("id").asText();

        ok(admin.post("/webhooks/deliveries/" + id + "/redeliver", null));
        awaitDeliveries();

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).header("X-Webhook-Id")).isEqualTo(id).isEqualTo(received.get(0).header("X-Webhook-Id"));
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(received.get(1).header("X-Webhook-Signature")).isEqualTo(received.get(0).header("X-Webhook-Signature"));
        admin.post("/webhooks/deliveries/" + UUID.randomUUID() + "/redeliver", null).assertErrorEnvelope(404);
        assertThat(admin.get("/webhooks/deliveries").text()).doesNotContain(SECRET);
    }

    @Test
    void aRedeliveryAskedForWhileAnAttemptIsUnderWayIsSentAfterIt() throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        receiver.hold(arrived, release);
        subscribe("customer.created", null);
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        String id = deliveries().get(0).path("id").asText();

        ok(admin.post("/webhooks/deliveries/" + id + "/redeliver", null));
        release.countDown();
        awaitDeliveries();

        assertThat(receiver.received()).extracting(request -> request.header("X-Webhook-Id")).containsExactly(id, id);
        JsonNode delivery = deliveries().get(0);
        assertThat(delivery.path("state").asText()).isEqualTo("delivered");
        assertThat(delivery.path("attempts")).hasSize(2);
    }

    @Test
    void aPausedSubscriptionGetsNothing() {
        String uuid = subscribe("customer.created", null);
        ok(partner.patch(WEBHOOKS + "/" + uuid, "{\"status\":\"paused\"}"));
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        awaitDeliveries();
        assertThat(receiver.received()).isEmpty();
        assertThat(deliveries()).isEmpty();
    }

    @Test
    void theMockNeverDeliversToItself() {
        created(partner.post(WEBHOOKS, "{\"event\":\"customer.created\",\"callbackUrl\":\"http://127.0.0.1:" + server.port()
                + "/__admin/count/reset\"}"));
        String customer = created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}")).dataText("id");
        awaitDeliveries();

        ok(partner.get("/partners/customers/" + customer));
        JsonNode attempt = deliveries().get(0).path("attempts").get(0);
        assertThat(attempt.path("outcome").asText()).isEqualTo("failed");
        assertThat(attempt.path("error").asText()).contains("the mock COUNT itself");
    }

    // ----- faults

    @Test
    void aDroppedDeliveryArrivesWithItsRetry() {
        fault("{\"kind\":\"drop\",\"times\":1}");
        subscribe("customer.created", null);
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        awaitDeliveries();
        assertThat(receiver.received()).isEmpty();
        assertThat(deliveries().get(0).path("attempts").get(0).path("outcome").asText()).isEqualTo("dropped");

        clock.advance(Duration.ofMinutes(1));
        awaitDeliveries();
        assertThat(receiver.events()).containsExactly("customer.created");
    }

    @Test
    void aDuplicatedDeliveryArrivesTwiceWithOneId() {
        fault("{\"kind\":\"duplicate\",\"event\":\"customer.created\"}");
        subscribe("customer.created", null);
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        awaitDeliveries();

        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).header("X-Webhook-Id")).isEqualTo(receiver.received().get(0).header("X-Webhook-Id"));
        assertThat(deliveries().get(0).path("fault").asText()).isEqualTo("duplicate");
    }

    @Test
    void aDelayedDeliveryWaitsForTheMockClock() throws InterruptedException {
        fault("{\"kind\":\"delay\",\"delaySeconds\":120}");
        subscribe("customer.created", null);
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        awaitDeliveries();
        assertThat(receiver.received()).isEmpty();

        clock.advance(Duration.ofSeconds(119));
        awaitDeliveries();
        assertThat(receiver.received()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(server.awaitWebhookDeliveries(Duration.ofSeconds(10))).as("the Java API waits too").isTrue();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void anOutOfOrderDeliveryArrivesAfterTheNextOne() {
        fault("{\"kind\":\"outOfOrder\",\"times\":1}");
        subscribe("customer.created", null);
        subscribe("customer.updated", null);
        String customer = created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}")).dataText("id");
        awaitDeliveries();
        assertThat(receiver.received()).isEmpty();

        ok(partner.put("/partners/customers/" + customer, "{\"notes\":\"key account\"}"));
        awaitDeliveries();
        assertThat(receiver.events()).containsExactly("customer.updated", "customer.created");
    }

    @Test
    void aProbabilisticFaultHitsTheSameDeliveriesForTheSameSeed() {
        List<String> first = droppedWithSeed(7);
        server.reset();
        List<String> second = droppedWithSeed(7);

        assertThat(second).isEqualTo(first).contains("dropped").contains("delivered");
    }

    private List<String> droppedWithSeed(long seed) {
        fault("{\"kind\":\"drop\",\"probability\":0.5,\"seed\":" + seed + "}");
        subscribe("customer.created", null);
        for (int i = 0; i < 10; i++) {
            created(partner.post("/partners/customers", "{\"customer\":\"Customer " + i + "\"}"));
        }
        awaitDeliveries();
        List<String> outcomes = new ArrayList<>();
        deliveries().forEach(delivery -> outcomes.add(delivery.path("attempts").get(0).path("outcome").asText()));
        assertThat(outcomes).hasSize(10);
        return outcomes;
    }

    // ----- helpers

    /** Subscribes the receiver's {@code /hook}; returns the subscription's UUID. */
    private String subscribe(String event, String secret) {
        return created(partner.post(WEBHOOKS, "{\"event\":\"" + event + "\",\"callbackUrl\":\"" + receiver.url("/hook") + "\""
                + (secret == null ? "" : ",\"signingSecret\":\"" + secret + "\"") + "}"))
                .data().path("webhook").path("uuid").asText();
    }

    private void fault(String rule) {
        created(admin.post("/webhooks/faults", rule));
    }

    private void awaitDeliveries() {
        ok(admin.post("/webhooks/deliveries/await", "{\"timeoutMillis\":10000}"));
    }

    private List<JsonNode> deliveries() {
        List<JsonNode> deliveries = new ArrayList<>();
        ok(admin.get("/webhooks/deliveries")).data().path("deliveries").forEach(deliveries::add);
        return deliveries;
    }

    /** Runs the change, and checks that exactly these events reached the receiver, in this order. */
    private <T> T expect(Supplier<T> change, String... events) {
        receiver.forget();
        T result = change.get();
        awaitDeliveries();
        assertThat(receiver.events()).as(String.join(", ", events)).containsExactly(events);
        return result;
    }

    private void expect(Runnable change, String... events) {
        expect(() -> {
            change.run();
            return null;
        }, events);
    }

    private static JsonNode json(WebhookReceiver.Received request) {
        try {
            return PartnerClient.JSON.readTree(request.body());
        } catch (IOException notJson) {
            throw new AssertionError("Not JSON: " + request.text(), notJson);
        }
    }

    private static String hmac(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
