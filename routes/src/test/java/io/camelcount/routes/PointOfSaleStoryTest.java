package io.camelcount.routes;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.mock.domain.Actor;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceStatus;
import io.camelcount.mock.domain.InvoiceType;
import io.camelcount.mock.domain.NewInvoice;
import io.camelcount.mock.domain.NewInvoiceLine;
import io.camelcount.mock.domain.NewTransaction;
import io.camelcount.mock.domain.PaymentStatus;
import io.camelcount.mock.domain.SentEmail;
import io.camelcount.mock.domain.Transaction;
import io.camelcount.mock.domain.TransactionQuery;
import io.camelcount.mock.domain.TransactionType;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The point-of-sale webhook over real HTTP, as the demo serves it: a sale becomes an approved invoice, paid by an
 * Income transaction on the workspace's bank account, and the customer gets the paid invoice as the receipt; a
 * sale delivered again pays nothing twice. The COUNT calls each delivery costs are read from the mock's journal.
 */
class PointOfSaleStoryTest {

    private static final String SALE = """
            {"saleId": "S-77", "customer": "Acme Trading", "email": "billing@acme.example",
             "items": [{"productUuid": "%s", "description": "Workshop hour", "quantity": 2, "unitPrice": 120},
                       {"productUuid": "%s", "quantity": 1, "unitPrice": 49.5}]}"""
            .formatted(DemoWorkspace.CONSULTING_HOUR, DemoWorkspace.SUPPORT_PLAN);
    private static final BigDecimal SALE_TOTAL = new BigDecimal("289.5");

    @RegisterExtension
    final RunningDemo demo = new RunningDemo().withRequestJournal(1000);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private record Answer(int status, Map<String, Object> body) {
    }

    @BeforeEach
    void onlyTheSaleCallsCount() throws Exception {
        // The payment watcher polls COUNT on its own schedule; its calls are not the sale's.
        demo.camel().getRouteController().stopRoute("payment-watcher");
        demo.forgetCountCalls();
    }

    private Answer post(String sale) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(demo.httpUrl() + "/pos/sales"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sale)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readValue(response.body(), new TypeReference<>() {
        }));
    }

    private List<Transaction> saleTransactions(String saleId) {
        return demo.workspace().transactions(new TransactionQuery("Sale " + saleId, null, null, null, null));
    }

    private List<SentEmail> emails(String invoiceNumber) {
        return demo.workspace().outbox().stream().filter(email -> email.invoiceNumber().equals(invoiceNumber)).toList();
    }

    /** The transaction pays the whole sale on the invoice, and nothing else. */
    private static void assertPays(Transaction transaction, UUID invoiceUuid) {
        assertThat(transaction.payments()).singleElement().satisfies(payment -> {
            assertThat(payment.invoiceUuid()).isEqualTo(invoiceUuid);
            assertThat(payment.amount()).isEqualByComparingTo(SALE_TOTAL);
        });
    }

    /** The journal's calls since the last look, printed so that what a delivery costs shows in the build log. */
    private List<String> countCalls(String delivery) throws Exception {
        List<String> calls = demo.countCalls();
        System.out.println("COUNT calls for " + delivery + " (" + calls.size() + "):\n  " + String.join("\n  ", calls));
        demo.forgetCountCalls();
        return calls;
    }

    @Test
    void aSaleBecomesAPaidInvoiceWithItsPaymentOnTheBankAccountAndTheReceiptGoesToTheCustomer() throws Exception {
        Answer answer = post(SALE);

        assertThat(answer.status()).isEqualTo(201);
        Invoice invoice = demo.workspace().invoice(UUID.fromString((String) answer.body().get("invoiceUuid")));
        assertThat(invoice.invoiceNumber()).isEqualTo("POS-S-77");
        assertThat(invoice.customerUuid()).isEqualTo(DemoWorkspace.ACME_TRADING);
        assertThat(invoice.approved()).isTrue();
        assertThat(invoice.total()).isEqualByComparingTo(SALE_TOTAL);
        assertThat(invoice.balanceDue()).isEqualByComparingTo("0");
        assertThat(invoice.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(invoice.status(demo.workspace().today())).isEqualTo(InvoiceStatus.PAID);
        assertThat(answer.body()).containsEntry("status", "paid").containsEntry("paymentStatus", "paid");

        assertThat(saleTransactions("S-77")).singleElement().satisfies(transaction -> {
            assertThat(transaction.type()).isEqualTo(TransactionType.INCOME);
            assertThat(transaction.accountUuid()).isEqualTo(DemoWorkspace.BANK_ACCOUNT);
            assertThat(transaction.amount()).isEqualByComparingTo(SALE_TOTAL);
            assertThat(transaction.description()).isEqualTo("Sale S-77");
            assertPays(transaction, invoice.uuid());
            assertThat(transaction.uuid().toString()).isEqualTo(answer.body().get("transactionUuid"));
        });
        assertThat(emails("POS-S-77")).singleElement().satisfies(receipt -> {
            assertThat(receipt.recipients()).containsExactly("billing@acme.example");
            assertThat(receipt.subject()).isEqualTo("Your receipt for sale S-77 (POS-S-77)");
        });

        // A new invoice has no payment yet, so the delivery records one without looking for it first.
        assertThat(countCalls("a sale's first delivery")).containsExactly(
                "GET /partners/customers/find-by-email",
                "POST /partners/invoices",
                "POST /partners/transactions",
                "POST /partners/transactions/" + answer.body().get("transactionUuid") + "/assign-to-bills-invoices",
                "POST /partners/invoices/" + invoice.uuid() + "/send");
    }

    @Test
    void aSaleDeliveredTwiceIsInvoicedPaidAndReceiptedOnce() throws Exception {
        Answer first = post(SALE);
        countCalls("a sale's first delivery");
        int invoices = demo.workspace().invoices().size();

        Answer again = post(SALE);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("invoiceUuid")).isEqualTo(first.body().get("invoiceUuid"));
        assertThat(again.body()).containsEntry("status", "paid").containsEntry("transactionUuid", null);
        assertThat(demo.workspace().invoices()).hasSize(invoices);
        assertThat(saleTransactions("S-77")).hasSize(1);
        Invoice invoice = demo.workspace().invoice(UUID.fromString((String) first.body().get("invoiceUuid")));
        assertThat(invoice.amountPaid()).isEqualByComparingTo(SALE_TOTAL);
        assertThat(emails("POS-S-77")).hasSize(1);
        // The customer is remembered (customerCacheTtl); the create answers 409 for the taken number, and the
        // component reads the invoice that has it, paid already.
        assertThat(countCalls("the same sale delivered again")).containsExactly(
                "POST /partners/invoices",
                "GET /partners/invoices");
    }

    @Test
    void aDeliveryCutOffAfterRecordingThePaymentIsFinishedWithThatPaymentNotASecondOne() throws Exception {
        // What a delivery that stopped between creating the transaction and assigning it left behind: the sale's
        // invoice, approved and unpaid, and its payment.
        Invoice invoiced = demo.workspace().createInvoice(Actor.partner(DemoWorkspace.CLIENT_ID), new NewInvoice(
                DemoWorkspace.ACME_TRADING, demo.workspace().today(), null, InvoiceType.INVOICE, "POS-S-77", null, null,
                null, null, null, false, null,
                List.of(new NewInvoiceLine(DemoWorkspace.CONSULTING_HOUR, "Workshop hour", new BigDecimal("2"),
                                new BigDecimal("120")),
                        new NewInvoiceLine(DemoWorkspace.SUPPORT_PLAN, null, BigDecimal.ONE, new BigDecimal("49.5")))));
        Transaction recorded = demo.workspace().createTransaction(new NewTransaction(TransactionType.INCOME,
                DemoWorkspace.BANK_ACCOUNT, SALE_TOTAL, demo.workspace().today(), "Sale S-77", null,
                DemoWorkspace.ACME_TRADING, null, null, null));

        Answer answer = post(SALE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsEntry("invoiceUuid", invoiced.uuid().toString())
                .containsEntry("transactionUuid", recorded.uuid().toString()).containsEntry("status", "paid");
        assertThat(saleTransactions("S-77")).singleElement().satisfies(transaction ->
                assertPays(transaction, invoiced.uuid()));
        assertThat(emails("POS-S-77")).hasSize(1);
    }

    @Test
    void aSaleWithoutItemsIsRefusedAndNothingIsCreated() throws Exception {
        int invoices = demo.workspace().invoices().size();

        Answer answer = post("""
                {"saleId": "S-78", "customer": "Acme Trading", "email": "billing@acme.example", "items": []}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat((String) answer.body().get("error")).contains("items must list what was sold");
        assertThat(demo.workspace().invoices()).hasSize(invoices);
        assertThat(saleTransactions("S-78")).isEmpty();
        assertThat(countCalls("a refused sale")).isEmpty();
    }
}
