package io.camelcount.kamelets;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.InvoiceStatus;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.domain.SentEmail;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The count-invoice-sink and count-invoice-source Kamelets, loaded from kamelets/ on the class path as an
 * integrator's route would, against an embedded mock COUNT.
 */
class KameletsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private CountMockServer mock;
    private Workspace workspace;
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() {
        mock = CountMockServer.builder().port(0).start();
        workspace = mock.demoWorkspace();
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        mock.stop();
    }

    /** The Kamelets' connection properties for the mock COUNT's demo workspace. */
    private String connection() {
        return "baseUrl=" + mock.baseUrl() + "&clientId=" + DemoWorkspace.CLIENT_ID + "&clientSecret="
               + DemoWorkspace.CLIENT_SECRET + "&accessToken=" + DemoWorkspace.ACCESS_TOKEN + "&refreshToken="
               + DemoWorkspace.REFRESH_TOKEN;
    }

    private void sinkRoute(String kameletOptions) throws Exception {
        RouteBuilder.addRoutes(camel, routes -> routes.from("direct:invoice-request")
                .to("kamelet:count-invoice-sink?" + kameletOptions));
    }

    private String request(String notes) {
        return request(notes, true);
    }

    /** An invoice request dated today, so that the invoice is not overdue already. */
    private String request(String notes, boolean draft) {
        return """
                {"customerUuid": "%s", "date": "%s", "notes": "%s", "isDraft": %s,
                 "products": [{"productUuid": "%s", "quantity": 2, "unitPrice": 120}]}"""
                .formatted(DemoWorkspace.ACME_TRADING, workspace.today(), notes, draft, DemoWorkspace.CONSULTING_HOUR);
    }

    private JsonNode sink(String request) throws Exception {
        return JSON.readTree(template.requestBody("direct:invoice-request", request, String.class));
    }

    private InvoiceStatus statusInCount(JsonNode invoice) {
        return workspace.invoice(UUID.fromString(invoice.get("id").asText())).status(workspace.today());
    }

    private List<SentEmail> emailsFor(JsonNode invoice) {
        return workspace.outbox().stream()
                .filter(email -> email.invoiceUuid().toString().equals(invoice.get("id").asText()))
                .toList();
    }

    @Test
    void theSinkCreatesADraftAndAnswersWithTheInvoiceAsJson() throws Exception {
        sinkRoute(connection());

        JsonNode invoice = sink(request("a draft"));

        assertThat(statusInCount(invoice)).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoice.get("status").asText()).isEqualTo("draft");
        assertThat(invoice.get("customerUuid").asText()).isEqualTo(DemoWorkspace.ACME_TRADING.toString());
        assertThat(invoice.get("notes").asText()).isEqualTo("a draft");
        assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("240");
        assertThat(invoice.get("date").asText()).as("dates as ISO text, not arrays").isEqualTo(workspace.today().toString());
        assertThat(invoice.get("invoiceNumber").asText()).isNotBlank();
        assertThat(emailsFor(invoice)).isEmpty();
    }

    @Test
    void theSinkApprovesWhenAsked() throws Exception {
        sinkRoute(connection() + "&approve=true");

        JsonNode invoice = sink(request("approved"));

        assertThat(statusInCount(invoice)).isEqualTo(InvoiceStatus.APPROVED);
        assertThat(invoice.get("status").asText()).isEqualTo("approved");
        assertThat(emailsFor(invoice)).isEmpty();
    }

    @Test
    void theSinkSendsWhenAskedApprovingTheDraftFirst() throws Exception {
        sinkRoute(connection() + "&send=true");

        JsonNode invoice = sink(request("sent"));

        assertThat(statusInCount(invoice)).isEqualTo(InvoiceStatus.SENT);
        assertThat(invoice.get("status").asText()).isEqualTo("sent");
        assertThat(emailsFor(invoice)).singleElement()
                .satisfies(email -> assertThat(email.invoiceNumber()).isEqualTo(invoice.get("invoiceNumber").asText()));
    }

    @Test
    void theSinkSendsAnInvoiceRequestedAsApprovedWithoutApprovingItAgain() throws Exception {
        sinkRoute(connection() + "&approve=true&send=true");

        JsonNode invoice = sink(request("created approved", false));

        assertThat(statusInCount(invoice)).isEqualTo(InvoiceStatus.SENT);
        assertThat(emailsFor(invoice)).hasSize(1);
    }

    @Test
    void theSinkIgnoresCountHeadersThatArriveWithTheMessage() throws Exception {
        Invoice draft = template.requestBody("count:invoices?operation=create&" + connection(), request("stays a draft"),
                Invoice.class);
        sinkRoute(connection() + "&approve=true");
        // What a count-invoice-source or another count: call upstream leaves on the message.
        Map<String, Object> upstream = Map.of(CountConstants.UUID, draft.getUuid(), CountConstants.QUERY,
                Map.of("status", "paid"));

        JsonNode invoice = JSON.readTree(template.requestBodyAndHeaders("direct:invoice-request", request("new"), upstream,
                String.class));

        assertThat(statusInCount(invoice)).isEqualTo(InvoiceStatus.APPROVED);
        assertThat(invoice.get("id").asText()).isNotEqualTo(draft.getUuid());
        assertThat(workspace.invoice(UUID.fromString(draft.getUuid())).status(workspace.today()))
                .isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void theSinkUsesTheComponentsConnectionWhenGivenNone() throws Exception {
        DemoConnection.configure(camel, mock);
        sinkRoute("approve=true");

        JsonNode invoice = sink(request("component connection"));

        assertThat(statusInCount(invoice)).isEqualTo(InvoiceStatus.APPROVED);
    }

    @Test
    void theSinkTakesCredentialsWithUriCharactersFromCamelKameletProperties() throws Exception {
        String clientSecret = "s3cret+/=&?%x";
        String accessToken = "t0ken+/=&%y";
        UUID workspaceUuid = UUID.randomUUID();
        try (CountMockServer count = CountMockServer.builder().port(0)
                .partnerApp("odd-client", clientSecret)
                .workspace(WorkspaceSeed.builder(workspaceUuid, "Odd Characters Ltd")
                        .customer(new Customer(DemoWorkspace.ACME_TRADING, "Acme Trading Ltd", "billing@acme.example"))
                        .product(new Product(DemoWorkspace.CONSULTING_HOUR, "Consulting hour", new BigDecimal("120"),
                                DemoWorkspace.SALES_ACCOUNT))
                        .accessGrant("odd-client", accessToken, "r3fresh+/=&z")
                        .build())
                .start()) {
            // Properties skip the URI encoding of kamelet:...?clientSecret=..., so +, & and % need no RAW() here.
            Properties kamelet = new Properties();
            kamelet.setProperty("camel.kamelet.count-invoice-sink.baseUrl", count.baseUrl());
            kamelet.setProperty("camel.kamelet.count-invoice-sink.clientId", "odd-client");
            kamelet.setProperty("camel.kamelet.count-invoice-sink.clientSecret", clientSecret);
            kamelet.setProperty("camel.kamelet.count-invoice-sink.accessToken", accessToken);
            camel.getPropertiesComponent().setOverrideProperties(kamelet);
            sinkRoute("approve=true");

            JsonNode invoice = sink(request("odd credentials"));

            Workspace odd = count.workspace(workspaceUuid);
            assertThat(odd.invoice(UUID.fromString(invoice.get("id").asText())).status(odd.today()))
                    .isEqualTo(InvoiceStatus.APPROVED);
        }
    }

    @Test
    void theSourceEmitsEachInvoiceThatBecomesPaidOnceAsJson() throws Exception {
        String paidBefore = approvedInvoice("paid before the source started");
        workspace.payBalance(UUID.fromString(paidBefore));
        String unpaid = approvedInvoice("never paid");
        Path seenFile = folder.resolve("seen-paid.dat");
        List<JsonNode> emitted = new CopyOnWriteArrayList<>();
        RouteBuilder.addRoutes(camel, routes -> routes
                .from("kamelet:count-invoice-source?status=paid&delay=100&emitExisting=false&seenFile=" + seenFile + "&"
                      + connection())
                .process(exchange -> emitted.add(JSON.readTree(exchange.getMessage().getBody(String.class)))));
        // With emitExisting=false the first poll only remembers what is paid already; pay after it, as a customer would.
        await().atMost(PATIENCE).until(() -> Files.exists(seenFile) && Files.readString(seenFile).contains(paidBefore));
        String paidLater = approvedInvoice("paid while the source runs");

        workspace.payBalance(UUID.fromString(paidLater));

        await().atMost(PATIENCE).until(() -> !emitted.isEmpty());
        ScheduledPollConsumer poller = countPoller();
        long polls = poller.getCounter();
        await().atMost(PATIENCE).until(() -> poller.getCounter() >= polls + 3);
        assertThat(emitted).as("only the invoice paid later, once, though it was polled again; neither %s nor %s",
                paidBefore, unpaid).singleElement().satisfies(invoice -> {
                    assertThat(invoice.get("id").asText()).isEqualTo(paidLater);
                    assertThat(invoice.get("status").asText()).isEqualTo("paid");
                    assertThat(invoice.get("balanceDue").decimalValue()).isEqualByComparingTo("0");
                    assertThat(invoice.get("notes").asText()).isEqualTo("paid while the source runs");
                });
    }

    private String approvedInvoice(String notes) {
        return DemoConnection.approvedInvoice(template, "count:invoices?operation=create&" + connection(), workspace,
                notes);
    }

    /** The count: consumer inside the source Kamelet's route. */
    private ScheduledPollConsumer countPoller() {
        return camel.getRoutes().stream()
                .map(Route::getConsumer)
                .filter(ScheduledPollConsumer.class::isInstance)
                .map(ScheduledPollConsumer.class::cast)
                .findFirst()
                .orElseThrow();
    }
}
