package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelcount.component.CountApiException;
import io.camelcount.component.model.Invoice;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.DemoWorkspace;
import io.camelcount.features.support.InvoiceJourney;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.assertj.core.api.AbstractThrowableAssert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class InvoiceSteps {

    private final CountClient count;
    private final InvoiceJourney journey;

    public InvoiceSteps(CountClient count, InvoiceJourney journey) {
        this.count = count;
        this.journey = journey;
    }

    @After
    public void closeClient() {
        count.close();
    }

    @Given("the customer {string}")
    public void theCustomer(String name) {
        journey.customerUuid(DemoWorkspace.customerUuid(name));
    }

    @When("I create an invoice for {int} {string} at {bigdecimal} each")
    @Given("a draft invoice for {int} {string} at {bigdecimal} each")
    public void createDraft(int quantity, String product, BigDecimal unitPrice) {
        journey.invoice(count.invoices("create", null, invoiceRequest(quantity, product, unitPrice, true)));
    }

    @When("I create an approved invoice for {int} {string} at {bigdecimal} each")
    public void createApproved(int quantity, String product, BigDecimal unitPrice) {
        journey.invoice(count.invoices("create", null, invoiceRequest(quantity, product, unitPrice, false)));
    }

    @Given("a sent invoice for {int} {string} at {bigdecimal} each")
    public void aSentInvoice(int quantity, String product, BigDecimal unitPrice) {
        createApproved(quantity, product, unitPrice);
        send();
        assertThat(journey.invoice().getStatus()).isEqualTo("sent");
    }

    /** A plain map, as an integrator's JSON would arrive, rather than the model class. */
    private Map<String, Object> invoiceRequest(int quantity, String product, BigDecimal unitPrice, boolean draft) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("productUuid", DemoWorkspace.productUuid(product));
        line.put("quantity", quantity);
        line.put("unitPrice", unitPrice);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("customerUuid", journey.customerUuid());
        request.put("date", LocalDate.now().toString());
        request.put("products", List.of(line));
        request.put("isDraft", draft);
        return request;
    }

    @When("I approve the invoice")
    public void approve() {
        journey.invoice(count.invoices("approve", journey.invoice().getUuid(), null));
    }

    @When("I send the invoice")
    public void send() {
        journey.invoice(count.invoices("send", journey.invoice().getUuid(), null));
    }

    @When("I try to send the invoice")
    public void trySend() {
        attempt("send");
    }

    @When("I try to approve the invoice")
    public void tryApprove() {
        attempt("approve");
    }

    private void attempt(String operation) {
        String uuid = journey.invoice().getUuid();
        assertThatThrownBy(() -> count.invoices(operation, uuid, null))
                .isInstanceOfSatisfying(CountApiException.class, journey::refusal);
    }

    @Then("the invoice is {string}")
    public void theInvoiceIs(String status) {
        assertThat(journey.invoice().getStatus()).isEqualTo(status);
    }

    @Then("the invoice is a/an {string} with a total of {bigdecimal}")
    @Then("the invoice is {string} with a total of {bigdecimal}")
    public void theInvoiceIsWithTotal(String status, BigDecimal total) {
        assertThat(journey.invoice().getStatus()).isEqualTo(status);
        assertThat(journey.invoice().getTotal()).isEqualByComparingTo(total);
        assertThat(journey.invoice().getBalanceDue()).isEqualByComparingTo(total);
    }

    @Then("reading the invoice again shows it {string}")
    public void readAgain(String status) {
        Invoice reread = count.invoices("get", journey.invoice().getUuid(), null);
        assertThat(reread.getStatus()).isEqualTo(status);
    }

    @Then("COUNT refuses with {string} because the invoice must be approved first")
    public void refusedUntilApproved(String code) {
        assertRefused(code).hasMessageContaining("approve");
    }

    @Then("COUNT refuses with {string} because the invoice must be a draft")
    public void refusedUnlessDraft(String code) {
        assertRefused(code).hasMessageContaining("draft");
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
