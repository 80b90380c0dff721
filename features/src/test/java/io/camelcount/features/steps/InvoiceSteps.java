package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.component.CountApiException;
import io.camelcount.component.CountNotFoundException;
import io.camelcount.component.model.AuditLogEntry;
import io.camelcount.component.model.Invoice;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.CustomersAndProducts;
import io.camelcount.features.support.DocumentStatus;
import io.camelcount.features.support.InvoiceJourney;
import io.camelcount.features.support.MockAdmin;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.assertj.core.api.AbstractThrowableAssert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class InvoiceSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountClient count;
    private final InvoiceJourney journey;
    private final CustomersAndProducts customersAndProducts;
    private final MockAdmin admin;

    public InvoiceSteps(CountClient count, InvoiceJourney journey, CustomersAndProducts customersAndProducts, MockAdmin admin) {
        this.count = count;
        this.admin = admin;
        this.journey = journey;
        this.customersAndProducts = customersAndProducts;
    }

    @Given("a new customer {string}")
    public void aNewCustomer(String name) {
        journey.customer(customersAndProducts.newCustomer(name));
    }

    @Given("the customer {string}")
    public void theCustomer(String name) {
        journey.customer(customersAndProducts.customer(name));
    }

    @When("I create an invoice for {int} {string} at {bigdecimal} each")
    @Given("a draft invoice for {int} {string} at {bigdecimal} each")
    public void createDraft(int quantity, String product, BigDecimal unitPrice) {
        journey.create(journey.request("invoice", quantity, product, unitPrice, true));
    }

    @When("I create an approved invoice for {int} {string} at {bigdecimal} each")
    @Given("an approved invoice for {int} {string} at {bigdecimal} each")
    public void createApproved(int quantity, String product, BigDecimal unitPrice) {
        journey.create(journey.request("invoice", quantity, product, unitPrice, false));
    }

    @Given("an approved invoice {string} for {int} {string} at {bigdecimal} each")
    public void createApprovedNamed(String name, int quantity, String product, BigDecimal unitPrice) {
        journey.name(name, journey.create(journey.request("invoice", quantity, product, unitPrice, false)));
    }

    @Given("a sent invoice for {int} {string} at {bigdecimal} each")
    public void aSentInvoice(int quantity, String product, BigDecimal unitPrice) {
        createApproved(quantity, product, unitPrice);
        send();
        assertThat(journey.invoice().getStatus()).isEqualTo("sent");
    }

    @When("I approve the invoice")
    public void approve() {
        journey.invoice(count.invoices("approve", journey.invoice().getUuid(), null));
    }

    @When("I send the invoice")
    public void send() {
        journey.invoice(count.invoices("send", journey.invoice().getUuid(), null));
    }

    @When("I change the invoice to {int} {string} at {bigdecimal} each")
    public void update(int quantity, String product, BigDecimal unitPrice) {
        journey.invoice(count.invoices("update", journey.invoice().getUuid(),
                Map.of("products", journey.lines(quantity, product, unitPrice))));
    }

    @When("I try to change the invoice to {int} {string} at {bigdecimal} each")
    public void tryUpdate(int quantity, String product, BigDecimal unitPrice) {
        attempt("update", Map.of("products", journey.lines(quantity, product, unitPrice)));
    }

    @When("I delete the invoice")
    public void delete() {
        count.invoices("delete", journey.invoice().getUuid(), null);
    }

    @When("I try to send the invoice")
    public void trySend() {
        attempt("send", null);
    }

    @When("I try to approve the invoice")
    public void tryApprove() {
        attempt("approve", null);
    }

    @When("I try to delete the invoice")
    public void tryDelete() {
        attempt("delete", null);
    }

    private void attempt(String operation, Object body) {
        String uuid = journey.invoice().getUuid();
        assertThatThrownBy(() -> count.invoices(operation, uuid, body))
                .isInstanceOfSatisfying(CountApiException.class, journey::refusal);
    }

    @Then("the invoice is {status}")
    public void theInvoiceIs(DocumentStatus status) {
        assertThat(journey.invoice().getStatus()).isEqualTo(status.word());
    }

    @Then("the invoice is a/an {status} with a total of {bigdecimal}")
    @Then("the invoice is {status} with a total of {bigdecimal}")
    public void theInvoiceIsWithTotal(DocumentStatus status, BigDecimal total) {
        assertStatusAndTotal(journey.invoice(), status, total);
    }

    @Then("reading the invoice again shows it {status}")
    public void readAgain(DocumentStatus status) {
        assertThat(journey.reread(journey.invoice()).getStatus()).isEqualTo(status.word());
    }

    @Then("reading the invoice again shows it {status} with a total of {bigdecimal}")
    public void readAgainWithTotal(DocumentStatus status, BigDecimal total) {
        assertStatusAndTotal(journey.reread(journey.invoice()), status, total);
    }

    private static void assertStatusAndTotal(Invoice invoice, DocumentStatus status, BigDecimal total) {
        assertThat(invoice.getStatus()).as("status").isEqualTo(status.word());
        assertThat(invoice.getTotal()).as("total").isEqualByComparingTo(total);
        assertThat(invoice.getBalanceDue()).as("balance due").isEqualByComparingTo(total);
    }

    @Then("the customer has received the invoice by email {int} time(s)")
    public void emailed(int times) throws Exception {
        JsonNode emails = JSON
                .readTree(admin.get("outbox")).path("data").path("emails");
        List<JsonNode> toCustomer = new ArrayList<>();
        for (JsonNode email : emails) {
            if (journey.invoice().getUuid().equals(email.path("invoiceUuid").asText())) {
                toCustomer.add(email);
            }
        }
        assertThat(toCustomer).as("emails of this invoice").hasSize(times);
        for (JsonNode email : toCustomer) {
            assertThat(email.path("recipients").toString()).contains(journey.customer().getEmail());
            assertThat(email.path("invoiceNumber").asText()).isEqualTo(journey.invoice().getInvoiceNumber());
        }
    }

    @Then("the invoice is gone")
    public void theInvoiceIsGone() {
        String uuid = journey.invoice().getUuid();
        assertThatThrownBy(() -> count.invoices("get", uuid, null))
                .isInstanceOfSatisfying(CountNotFoundException.class,
                        notFound -> assertThat(notFound.getStatusCode()).isEqualTo(404));
    }

    @Then("COUNT refuses with {string} because the invoice must be approved first")
    public void refusedUntilApproved(String code) {
        assertRefused(code).hasMessageContaining("approve");
    }

    @Then("COUNT refuses with {string} because the invoice must be a draft")
    public void refusedUnlessDraft(String code) {
        assertRefused(code).hasMessageContaining("draft");
    }

    @Then("COUNT refuses with {string} and points to a credit memo instead")
    public void refusedNotEditable(String code) {
        assertRefused(code).hasMessageContainingAll("draft", "credit memo");
    }

    /** A row of the expected audit log: the action, and the field it changed from one value to another, if any. */
    public record AuditEntry(String action, String changed, String from, String to) {
    }

    @Then("the invoice's audit log lists, oldest first:")
    public void theAuditLog(List<AuditEntry> expected) {
        List<?> log = count.call("invoices", "auditLog", journey.invoice().getUuid(), null, List.class);
        assertThat(log).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            AuditLogEntry entry = (AuditLogEntry) log.get(i);
            AuditEntry row = expected.get(i);
            assertThat(entry.getAction()).as("action of entry %d", i + 1).isEqualTo(row.action());
            assertThat(entry.getActor()).as("actor of entry %d", i + 1).startsWith("partner:");
            if (i > 0) {
                assertThat(entry.getAt()).as("time of entry %d", i + 1).isAfterOrEqualTo(((AuditLogEntry) log.get(i - 1)).getAt());
            }
            String field = row.changed();
            if (field != null && !field.isBlank()) {
                assertThat(entry.getChanges()).as("changes of entry %d", i + 1).containsKey(field);
                Map<?, ?> change = (Map<?, ?>) entry.getChanges().get(field);
                assertThat(String.valueOf(change.get("from"))).as("%s from", field).isEqualTo(row.from());
                assertThat(String.valueOf(change.get("to"))).as("%s to", field).isEqualTo(row.to());
            }
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String code) {
        CountApiException refusal = journey.refusal();
        assertThat(refusal).as("COUNT's refusal").isNotNull();
        assertThat(refusal.getStatusCode()).isEqualTo(400);
        assertThat(refusal.getCode()).isEqualTo(code);
        assertThat(refusal.getRequestId()).as("request ID for support").isNotBlank();
        return assertThat((Throwable) refusal);
    }
}
