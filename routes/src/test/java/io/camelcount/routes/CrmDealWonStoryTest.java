package io.camelcount.routes;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.CustomerQuery;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceStatus;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM webhook over real HTTP, as the demo application serves it: a won deal becomes a sent invoice for
 * the customer with the deal's email, and the answer carries the invoice and the link the customer pays at.
 */
class CrmDealWonStoryTest {

    @RegisterExtension
    final RunningDemo demo = new RunningDemo();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private record Answer(int status, Map<String, Object> body) {
    }

    private Answer post(String deal) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(demo.httpUrl() + "/crm/deals-won"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(deal)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readValue(response.body(), new TypeReference<>() {
        }));
    }

    private int customers() {
        return demo.workspace().customers(new CustomerQuery(null, CustomerQuery.Order.CREATED_AT, false)).size();
    }

    @Test
    void aDealOfAKnownCustomerBecomesASentInvoiceWithItsPublicLink() throws Exception {
        Answer answer = post("""
                {"dealId": "D-1042", "company": "Acme Trading", "email": "billing@acme.example", "amount": 4800,
                 "description": "Website relaunch, \\"phase 2\\""}""");

        assertThat(answer.status()).isEqualTo(201);
        Invoice invoice = demo.workspace().invoice(UUID.fromString((String) answer.body().get("invoiceUuid")));
        assertThat(invoice.customerUuid()).isEqualTo(DemoWorkspace.ACME_TRADING);
        assertThat(invoice.invoiceNumber()).isEqualTo("CRM-D-1042").isEqualTo(answer.body().get("invoiceNumber"));
        assertThat(invoice.total()).isEqualByComparingTo("4800");
        assertThat(invoice.content().products().get(0).description()).isEqualTo("Website relaunch, \"phase 2\"");
        assertThat(invoice.status(demo.workspace().today())).isEqualTo(InvoiceStatus.SENT);
        assertThat(answer.body()).containsEntry("status", "sent");
        assertThat(demo.workspace().outbox()).filteredOn(email -> email.invoiceUuid().equals(invoice.uuid()))
                .singleElement().satisfies(email -> assertThat(email.recipients()).containsExactly("billing@acme.example"));

        String publicLink = (String) answer.body().get("publicLink");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(publicLink)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CRM-D-1042");
    }

    @Test
    void aNewCustomerIsCreatedFromTheDeal() throws Exception {
        int customersBefore = customers();

        Answer answer = post("""
                {"dealId": "D-7", "company": "Initech", "email": "ap@initech.example", "amount": 1250.5,
                 "productUuid": "%s"}""".formatted(DemoWorkspace.SUPPORT_PLAN));

        assertThat(answer.status()).isEqualTo(201);
        Customer initech = demo.workspace().customerByEmail("ap@initech.example");
        assertThat(initech.name()).isEqualTo("Initech");
        assertThat(customers()).isEqualTo(customersBefore + 1);
        Invoice invoice = demo.workspace().invoice(UUID.fromString((String) answer.body().get("invoiceUuid")));
        assertThat(invoice.customerUuid()).isEqualTo(initech.uuid());
        assertThat(invoice.content().products().get(0).productUuid()).isEqualTo(DemoWorkspace.SUPPORT_PLAN);
        assertThat(invoice.total()).isEqualByComparingTo(new BigDecimal("1250.5"));
    }

    @Test
    void aRetriedWebhookAnswersWithTheSameInvoiceAndEmailsNoOneTwice() throws Exception {
        String deal = """
                {"dealId": "D-55", "company": "Globex", "email": "accounts@globex.example", "amount": 300}""";
        Answer first = post(deal);
        int invoicesAfterFirst = demo.workspace().invoices().size();

        Answer retry = post(deal);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("invoiceUuid")).isEqualTo(first.body().get("invoiceUuid"));
        assertThat(demo.workspace().invoices()).hasSize(invoicesAfterFirst);
        assertThat(demo.workspace().outbox()).filteredOn(email -> email.invoiceNumber().equals("CRM-D-55")).hasSize(1);
    }

    @Test
    void anIncompleteDealIsRefusedNamingWhatIsMissingAndNothingIsCreated() throws Exception {
        int invoicesBefore = demo.workspace().invoices().size();
        int customersBefore = customers();

        Answer answer = post("""
                {"dealId": "D-9", "company": "Initech", "email": "ap@initech.example"}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat((String) answer.body().get("error")).contains("amount (a number above 0)");
        assertThat(demo.workspace().invoices()).hasSize(invoicesBefore);
        assertThat(customers()).isEqualTo(customersBefore);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws Exception {
        Answer answer = post("dealId=D-1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat((String) answer.body().get("error")).isNotBlank()
                .startsWith("The body is not JSON (").contains("send the won deal as a JSON object");
    }
}
