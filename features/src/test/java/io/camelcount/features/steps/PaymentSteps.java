package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelcount.component.CountValidationException;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Transaction;
import io.camelcount.features.support.BankAccount;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.CountTarget;
import io.camelcount.features.support.InvoiceJourney;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A customer's payment through the partner API: an Income transaction on the workspace's bank account, assigned to
 * invoices ({@code count:transactions}), and taken off an invoice again ({@code count:invoices?operation=removeTransaction}).
 */
public class PaymentSteps {

    private final CountClient count;
    private final InvoiceJourney journey;
    private final BankAccount bank;
    /** The scenario's last payment, as COUNT last answered it. */
    private Transaction payment;

    public PaymentSteps(CountClient count, InvoiceJourney journey, BankAccount bank) {
        this.count = count;
        this.journey = journey;
        this.bank = bank;
    }

    @Given("the customer paid {bigdecimal} into the bank account")
    public void paid(BigDecimal amount) {
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("accUuid", bank.uuid());
        transaction.put("type", "Income");
        transaction.put("amount", amount);
        transaction.put("postedDate", CountTarget.today().toString());
        transaction.put("description", "Payment from " + journey.customer().getCustomer());
        transaction.put("customerUuid", journey.customerUuid());
        payment = count.call("transactions", "create", null, transaction, Transaction.class);
        assertThat(payment.getAmount()).isEqualByComparingTo(amount);
    }

    @When("the customer pays {bigdecimal} into the bank account for invoice {string}")
    public void pays(BigDecimal amount, String invoice) {
        paid(amount);
        payment = count.call("transactions", "assignToInvoices", payment.getUuid(), assignment(invoice, amount),
                Transaction.class);
    }

    @When("I try to assign {bigdecimal} of the payment to invoice {string}")
    public void tryAssign(BigDecimal amount, String invoice) {
        Map<String, Object> assignment = assignment(invoice, amount);
        assertThatThrownBy(() -> count.call("transactions", "assignToInvoices", payment.getUuid(), assignment,
                Transaction.class)).isInstanceOfSatisfying(CountValidationException.class, journey::refusal);
    }

    @When("I remove the payment from invoice {string}")
    public void remove(String invoice) {
        journey.invoice(count.invoices("removeTransaction", journey.named(invoice).getUuid(),
                Map.of("transactionId", payment.getUuid())));
    }

    @Then("invoice {string} has {bigdecimal} paid")
    public void invoicePaid(String name, BigDecimal paid) {
        Invoice invoice = journey.reread(journey.named(name));
        assertThat(invoice.getAmountPaid()).as("amount paid").isEqualByComparingTo(paid);
    }

    /**
     * The payment as COUNT has it now: its amount, and how much of it pays invoices. COUNT's transaction object is
     * not documented beyond its request fields, so the assigned amount is checked when COUNT sends it.
     */
    @Then("the payment of {bigdecimal} has {bigdecimal} assigned")
    public void paymentAssigned(BigDecimal amount, BigDecimal assigned) {
        Transaction now = count.call("transactions", "get", payment.getUuid(), null, Transaction.class);
        assertThat(now.getAmount()).as("transaction amount").isEqualByComparingTo(amount);
        assertThat(now.getDescription()).isEqualTo(payment.getDescription());
        if (now.getAssignedAmount() != null) {
            assertThat(now.getAssignedAmount()).as("assigned").isEqualByComparingTo(assigned);
            assertThat(now.getUnassignedAmount()).as("unassigned").isEqualByComparingTo(amount.subtract(assigned));
        }
        if (assigned.signum() == 0 && now.getInvoicePayments() != null) {
            assertThat(now.getInvoicePayments()).as("invoices paid").isEqualTo(List.of());
        }
    }

    private Map<String, Object> assignment(String invoice, BigDecimal amount) {
        return Map.of("records", List.of(Map.of("id", journey.named(invoice).getUuid(), "paymentAmount", amount)));
    }
}
