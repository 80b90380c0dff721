package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Customer;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.Transaction;
import io.camelcount.features.support.BankAccount;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.CustomersAndProducts;
import io.camelcount.features.support.DocumentStatus;
import io.camelcount.features.support.IntegratorKit;
import io.camelcount.features.support.InvoiceJourney;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's point-of-sale webhook ({@code pos-sale.camel.yaml}) over real HTTP, the way a till calls it.
 */
public class PointOfSaleSteps {

    private final CountClient count;
    private final InvoiceJourney journey;
    private final CustomersAndProducts customersAndProducts;
    private final IntegratorKit kit;
    private final BankAccount bank;
    private final List<IntegratorKit.WebhookAnswer> answers = new ArrayList<>();
    private Map<String, Object> sale;

    public PointOfSaleSteps(CountClient count, InvoiceJourney journey, CustomersAndProducts customersAndProducts,
                            IntegratorKit kit, BankAccount bank) {
        this.count = count;
        this.journey = journey;
        this.customersAndProducts = customersAndProducts;
        this.kit = kit;
        this.bank = bank;
    }

    @Given("the integrator kit's point-of-sale webhook, paying into the workspace's bank account")
    public void thePointOfSaleWebhook() {
        kit.set("count.pos.bank-account-uuid", bank.uuid());
        // The sale story shares the CRM story's customer lookup and error answer, so both are loaded.
        kit.set("count.crm.product-uuid", customersAndProducts.productUuid("Consulting hour"));
        kit.serveHttp();
        kit.load("crm-deal-won");
        kit.load("pos-sale");
    }

    @When("the till reports a sale to {string} of {int} {string} at {bigdecimal} each")
    public void aSale(String name, int quantity, String product, BigDecimal unitPrice) {
        Customer customer = customersAndProducts.customer(name);
        sale = new LinkedHashMap<>();
        sale.put("saleId", "FEAT-" + UUID.randomUUID().toString().substring(0, 13));
        sale.put("customer", customer.getCustomer());
        sale.put("email", customer.getEmail());
        sale.put("items", journey.lines(quantity, product, unitPrice));
        answers.add(kit.post("/pos/sales", sale));
    }

    @When("the till delivers the same sale again")
    public void theSameSaleAgain() {
        answers.add(kit.post("/pos/sales", sale));
    }

    @Then("the webhook answers {string} with the invoice {status}, {bigdecimal} paid and nothing due")
    public void theWebhookAnswers(String status, DocumentStatus invoiceStatus, BigDecimal paid) {
        IntegratorKit.WebhookAnswer answer = answers.get(answers.size() - 1);
        assertThat(answer.status()).as("HTTP status; answer " + answer.body()).isEqualTo(Integer.parseInt(status));
        assertThat(answer.body()).containsEntry("status", invoiceStatus.word());
        Invoice invoice = count.invoices("get", (String) answer.body().get("invoiceUuid"), null);
        assertThat(invoice.getInvoiceNumber()).isEqualTo("POS-" + sale.get("saleId"));
        assertThat(invoice.getStatus()).isEqualTo(invoiceStatus.word());
        assertThat(invoice.getAmountPaid()).as("amount paid").isEqualByComparingTo(paid);
        assertThat(invoice.getBalanceDue()).as("balance due").isEqualByComparingTo(BigDecimal.ZERO);
        journey.invoice(invoice);
    }

    @Then("the receipt went to the customer")
    public void theReceiptWentOut() {
        assertThat(journey.invoice().getIsSent()).as("the paid invoice was sent").isTrue();
    }

    @Then("the sale was paid once, with {bigdecimal} on the bank account assigned to that invoice")
    public void paidOnce(BigDecimal amount) {
        assertThat(answers).extracting(answer -> answer.body().get("invoiceUuid")).containsOnly(journey.invoice().getUuid());
        String reference = "Sale " + sale.get("saleId");
        Page<?> found = count.exchange("count:transactions?operation=list&limit=100", null,
                Map.of(CountConstants.SEARCH, reference)).getBody(Page.class);
        assertThat(found.records()).map(Transaction.class::cast)
                .filteredOn(transaction -> reference.equals(transaction.getDescription()))
                .singleElement().satisfies(transaction -> {
                    assertThat(transaction.getAccUuid()).as("the bank account").isEqualTo(bank.uuid());
                    assertThat(transaction.getAmount()).isEqualByComparingTo(amount);
                    assertThat(transaction.getType()).isEqualTo("Income");
                });
    }
}
