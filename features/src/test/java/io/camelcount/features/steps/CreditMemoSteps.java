package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelcount.component.CountApiException;
import io.camelcount.component.CountValidationException;
import io.camelcount.component.model.Invoice;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.DocumentStatus;
import io.camelcount.features.support.InvoiceJourney;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class CreditMemoSteps {

    private final CountClient count;
    private final InvoiceJourney journey;

    public CreditMemoSteps(CountClient count, InvoiceJourney journey) {
        this.count = count;
        this.journey = journey;
    }

    @When("I create a credit memo {string} for {int} {string} at {bigdecimal} each")
    public void createMemo(String name, int quantity, String product, BigDecimal unitPrice) {
        journey.name(name, journey.create(journey.request("memo", quantity, product, unitPrice, true)));
    }

    @Given("an approved credit memo {string} for {int} {string} at {bigdecimal} each")
    public void approvedMemo(String name, int quantity, String product, BigDecimal unitPrice) {
        createMemo(name, quantity, product, unitPrice);
        approveMemo(name);
        memoIs(name, DocumentStatus.OPEN, unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }

    @When("I approve the credit memo {string}")
    public void approveMemo(String name) {
        journey.invoice(count.invoices("approve", journey.named(name).getUuid(), null));
    }

    @When("I apply {bigdecimal} of credit memo {string} to invoice {string}")
    public void applyToOneInvoice(BigDecimal amount, String memo, String invoice) {
        journey.invoice(count.invoices("applyCredits", journey.named(invoice).getUuid(),
                Map.of("creditMemos", List.of(line(journey.named(memo), amount)))));
        assertThat(journey.invoice().getUuid()).isEqualTo(journey.named(invoice).getUuid());
    }

    @When("I apply credit memo {string} to these invoices:")
    public void applyToInvoices(String memo, List<CreditApplication> rows) {
        journey.invoice(count.invoices("applyCreditToInvoices", journey.named(memo).getUuid(), invoicesBody(rows)));
        assertThat(journey.invoice().getUuid()).isEqualTo(journey.named(memo).getUuid());
    }

    @When("I try to apply credit memo {string} to these invoices:")
    public void tryApplyToInvoices(String memo, List<CreditApplication> rows) {
        String uuid = journey.named(memo).getUuid();
        Map<String, Object> body = invoicesBody(rows);
        assertThatThrownBy(() -> count.invoices("applyCreditToInvoices", uuid, body))
                .isInstanceOfSatisfying(CountValidationException.class, journey::refusal);
    }

    @When("I try to apply {bigdecimal} of credit memo {string} to invoice {string}")
    public void tryApplyToOneInvoice(BigDecimal amount, String memo, String invoice) {
        String uuid = journey.named(invoice).getUuid();
        Map<String, Object> body = Map.of("creditMemos", List.of(line(journey.named(memo), amount)));
        assertThatThrownBy(() -> count.invoices("applyCredits", uuid, body))
                .isInstanceOfSatisfying(CountValidationException.class, journey::refusal);
    }

    @When("I remove credit memo {string} from invoice {string}")
    public void removeCredit(String memo, String invoice) {
        journey.invoice(count.invoices("removeCredit", journey.named(invoice).getUuid(),
                Map.of("memoId", journey.named(memo).getUuid())));
    }

    /** A row of "apply credit memo ... to these invoices": how much of the memo goes to which invoice. */
    public record CreditApplication(String invoice, BigDecimal amount) {
    }

    private Map<String, Object> invoicesBody(List<CreditApplication> rows) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (CreditApplication row : rows) {
            lines.add(line(journey.named(row.invoice()), row.amount()));
        }
        return Map.of("invoices", lines);
    }

    private static Map<String, Object> line(Invoice document, BigDecimal amount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", document.getUuid());
        line.put("amount", amount);
        return line;
    }

    @Then("the credit memo {string} is {status} with {bigdecimal} credit remaining")
    public void memoIs(String name, DocumentStatus status, BigDecimal remaining) {
        Invoice memo = journey.reread(journey.named(name));
        assertThat(memo.getInvoiceType()).isEqualTo("memo");
        assertThat(memo.getStatus()).as("memo status").isEqualTo(status.word());
        assertThat(memo.getRemainingCredit()).as("remaining credit").isEqualByComparingTo(remaining);
        assertThat(memo.getBalanceDue()).as("memo balance").isEqualByComparingTo(remaining);
        assertThat(memo.getCreditsApplied()).as("credit given")
                .isEqualByComparingTo(memo.getTotal().subtract(remaining));
    }

    @Then("invoice {string} is {status} with a balance due of {bigdecimal}")
    public void invoiceIs(String name, DocumentStatus status, BigDecimal balance) {
        Invoice invoice = journey.reread(journey.named(name));
        assertThat(invoice.getStatus()).as("invoice status").isEqualTo(status.word());
        assertThat(invoice.getBalanceDue()).as("balance due").isEqualByComparingTo(balance);
        assertThat(invoice.getCreditsApplied()).as("credit received")
                .isEqualByComparingTo(invoice.getTotal().subtract(invoice.getAmountPaid()).subtract(balance));
    }

    @Then("COUNT refuses the credit/payment with {string}")
    public void refused(String code) {
        CountApiException refusal = journey.refusal();
        assertThat(refusal).as("COUNT's refusal").isNotNull();
        assertThat(refusal.getStatusCode()).isEqualTo(400);
        assertThat(refusal.getCode()).isEqualTo(code);
        assertThat(refusal.getRequestId()).isNotBlank();
    }
}
