package io.camelcount.features.steps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.WebhookSubscription;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.DocumentStatus;
import io.camelcount.features.support.IntegratorKit;
import io.camelcount.features.support.InvoiceJourney;
import io.camelcount.features.support.MockAdmin;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route receiving COUNT's webhooks through {@code count:webhooks}, subscribed at start to a callback on the
 * scenario's own HTTP port and path. It counts what it saw of the scenario's invoice, change by change (the
 * invoice's status after it), so a scenario asserts exact counts whatever else the workspace delivers meanwhile.
 */
public class WebhookSteps {

    private static final String SECRET = "feature-webhook-secret";

    private final CountClient count;
    private final InvoiceJourney journey;
    private final IntegratorKit kit;
    private final MockAdmin admin;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Each change of the invoice the route was handed, a failed try included, in the order they came. */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    /** Each change of the invoice the route got through. */
    private final List<String> processed = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> failedOnce = new ConcurrentHashMap<>();
    private volatile boolean failFirstTry;
    private String callbackUrl;
    private int forgedAnswer;

    public WebhookSteps(CountClient count, InvoiceJourney journey, IntegratorKit kit, MockAdmin admin) {
        this.count = count;
        this.journey = journey;
        this.kit = kit;
        this.admin = admin;
    }

    @Given("a route receiving COUNT's {string} webhooks")
    public void aReceivingRoute(String event) throws Exception {
        kit.serveHttp();
        String path = "/count/webhooks/" + UUID.randomUUID();
        callbackUrl = kit.httpUrl(path);
        count.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("count:webhooks?events=" + event + "&subscribe=true&signingSecret=RAW(" + SECRET + ")&webhookPath="
                     + path + "&callbackUrl=" + callbackUrl)
                        .process(WebhookSteps.this::see);
            }
        });
    }

    private void see(Exchange exchange) {
        Invoice invoice = exchange.getMessage().getBody(Invoice.class);
        if (journey.invoice() == null || !journey.invoice().getUuid().equals(invoice.getUuid())) {
            return;
        }
        String change = invoice.getStatus();
        seen.add(change);
        if (failFirstTry && failedOnce.putIfAbsent(change, true) == null) {
            throw new IllegalStateException("The route fails its first try at the " + change + " change, on purpose");
        }
        processed.add(change);
    }

    /** The subscription would deliver every later scenario's changes to a port nobody listens on any more. */
    @After
    public void unsubscribe() {
        if (callbackUrl == null) {
            return;
        }
        Page<?> subscriptions = count.exchange("count:webhooks?operation=list&limit=100", null, Map.of()).getBody(Page.class);
        subscriptions.records().stream().map(WebhookSubscription.class::cast)
                .filter(subscription -> callbackUrl.equals(subscription.getCallbackUrl()))
                .forEach(subscription -> count.call("webhooks", "delete", subscription.getUuid(), null, Object.class));
    }

    @Given("the route fails the first time it is handed each change")
    public void theRouteFailsFirst() {
        failFirstTry = true;
    }

    @Given("COUNT delivers the next {string} twice")
    public void deliversTwice(String event) {
        admin.post("webhooks/faults", "{\"kind\":\"duplicate\",\"event\":\"" + event + "\",\"times\":1}");
    }

    @Given("COUNT holds the next {string} back until after the one that follows")
    public void deliversOutOfOrder(String event) {
        admin.post("webhooks/faults", "{\"kind\":\"outOfOrder\",\"event\":\"" + event + "\",\"times\":1}");
    }

    @When("COUNT has delivered everything due")
    public void everythingDelivered() {
        admin.post("webhooks/deliveries/await", "{\"timeoutMillis\":20000}");
    }

    @When("a minute passes, so COUNT retries what failed")
    public void retryFallsDue() {
        admin.advanceClock(Duration.ofMinutes(1));
        everythingDelivered();
    }

    @When("someone posts a {string} delivery for the invoice signed with another secret")
    public void aForgedDelivery(String event) throws IOException, InterruptedException {
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"event\":\"" + event + "\",\"apiVersion\":\"1\",\"occurredAt\":\"2026-11-24T10:00:00Z\","
                      + "\"team\":{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Forgers\"},"
                      + "\"data\":{\"id\":\"" + journey.invoice().getUuid() + "\",\"status\":\"paid\"},\"previousData\":null}";
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(callbackUrl))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Id", id)
                .header("X-Webhook-Event", event)
                .header("X-Webhook-Signature", "sha256=" + hmac("not-" + SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        forgedAnswer = answer.statusCode();
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Then("the forged delivery is refused with {int}")
    public void refused(int status) {
        assertThat(forgedAnswer).isEqualTo(status);
    }

    @Then("the route was handed the {status} change {int} time(s) and processed it {int} time(s)")
    public void handedAndProcessed(DocumentStatus change, int handed, int done) {
        System.out.printf("Webhook route: the %s change handed %d time(s), processed %d time(s)%n", change.word(),
                count(seen, change), count(processed, change));
        assertThat(count(seen, change)).as("times the route was handed the %s change", change.word()).isEqualTo(handed);
        assertThat(count(processed, change)).as("times the route processed the %s change", change.word()).isEqualTo(done);
    }

    /** What the receiver answered each of COUNT's attempts to deliver to it, as the mock recorded them. */
    @Then("COUNT's attempts to deliver to the route were answered {string}")
    public void answered(String statuses) throws IOException {
        List<String> answers = new ArrayList<>();
        for (JsonNode delivery : json.readTree(admin.get("webhooks/deliveries")).path("data").path("deliveries")) {
            if (callbackUrl.equals(delivery.path("callbackUrl").asText())) {
                delivery.path("attempts").forEach(attempt -> answers.add(attempt.path("responseStatus").asText()));
            }
        }
        System.out.printf("Webhook route: COUNT's attempts answered %s%n", answers);
        assertThat(String.join(", ", answers)).isEqualTo(statuses);
    }

    @Then("the route processed the changes in the order {status}, {status}")
    public void inOrder(DocumentStatus first, DocumentStatus second) {
        assertThat(processed).containsExactly(first.word(), second.word());
    }

    @Then("the route was handed nothing of the invoice")
    public void nothingHanded() {
        System.out.printf("Webhook route: handed %d change(s) of the invoice after the forged delivery%n", seen.size());
        assertThat(seen).isEmpty();
    }

    private static long count(List<String> changes, DocumentStatus change) {
        return changes.stream().filter(change.word()::equals).count();
    }
}
