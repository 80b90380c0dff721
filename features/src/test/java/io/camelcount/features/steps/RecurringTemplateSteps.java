package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.camelcount.component.CountNotFoundException;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.RecurringInvoiceTemplate;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.CountTarget;
import io.camelcount.features.support.InvoiceJourney;
import io.camelcount.features.support.MockAdmin;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class RecurringTemplateSteps {

    private static final String API = "recurring-invoice-templates";

    private final CountClient count;
    private final InvoiceJourney journey;
    private final MockAdmin admin;
    private RecurringInvoiceTemplate template;
    private LocalDate firstDueDate;
    private BigDecimal total;

    public RecurringTemplateSteps(CountClient count, InvoiceJourney journey, MockAdmin admin) {
        this.count = count;
        this.journey = journey;
        this.admin = admin;
    }

    @When("I set up a monthly invoice for {int} {string} at {bigdecimal} each, first due in {int} days")
    public void setUpMonthly(int quantity, String product, BigDecimal unitPrice, int days) {
        firstDueDate = CountTarget.today().plusDays(days);
        total = unitPrice.multiply(BigDecimal.valueOf(quantity));
        Map<String, Object> request = journey.request("invoice", quantity, product, unitPrice, true);
        request.put("date", firstDueDate.toString());
        request.put("recurrencePattern", "monthly");
        template = count.call(API, "create", null, request, RecurringInvoiceTemplate.class);
    }

    @When("I resume the template")
    public void resume() {
        template = count.call(API, "resume", template.getUuid(), null, RecurringInvoiceTemplate.class);
    }

    @When("I pause the template")
    public void pause() {
        template = count.call(API, "pause", template.getUuid(), null, RecurringInvoiceTemplate.class);
    }

    @When("I delete the template")
    public void delete() {
        count.call(API, "delete", template.getUuid(), null, Object.class);
    }

    @When("time moves on to the template's due date number {int}")
    public void timeMovesTo(int occurrence) {
        LocalDate target = firstDueDate.plusMonths(occurrence - 1L);
        long days = ChronoUnit.DAYS.between(CountTarget.today(), target);
        assertThat(days).as("days to move forward").isNotNegative();
        admin.advanceClock(Duration.ofDays(days));
        assertThat(CountTarget.today()).isEqualTo(target);
    }

    @When("{int} more months pass")
    public void monthsPass(int months) {
        LocalDate today = CountTarget.today();
        admin.advanceClock(Duration.ofDays(ChronoUnit.DAYS.between(today, today.plusMonths(months))));
    }

    @Then("the template is paused, with no next invoice")
    public void isPaused() {
        RecurringInvoiceTemplate reread = reread();
        assertThat(reread.getStatus()).isEqualTo("paused");
        assertThat(reread.getIsDraft()).isTrue();
        assertThat(reread.getNextRunDate()).isNull();
        assertThat(reread.getRecurrencePattern()).isEqualTo("monthly");
        assertThat(reread.getTotal()).isEqualByComparingTo(total);
    }

    @Then("the template is active, its next invoice due on due date number {int}")
    public void isActive(int occurrence) {
        RecurringInvoiceTemplate reread = reread();
        assertThat(reread.getStatus()).isEqualTo("active");
        assertThat(reread.getIsDraft()).isFalse();
        assertThat(reread.getNextRunDate()).isEqualTo(firstDueDate.plusMonths(occurrence - 1L));
    }

    @Then("the template is gone")
    public void isGone() {
        String uuid = template.getUuid();
        assertThatThrownBy(() -> count.call(API, "get", uuid, null, RecurringInvoiceTemplate.class))
                .isInstanceOf(CountNotFoundException.class);
    }

    @Then("the customer has {int} draft invoice(s) from the template, one for each due date")
    public void issuedInvoices(int how) {
        List<Invoice> invoices = journey.customerInvoices();
        assertThat(invoices).hasSize(how);
        for (int i = 0; i < how; i++) {
            Invoice invoice = invoices.get(i);
            assertThat(invoice.getStatus()).as("invoice %d status", i + 1).isEqualTo("draft");
            assertThat(invoice.getDate()).as("invoice %d date", i + 1).isEqualTo(firstDueDate.plusMonths(i));
            assertThat(invoice.getTotal()).as("invoice %d total", i + 1).isEqualByComparingTo(total);
        }
    }

    private RecurringInvoiceTemplate reread() {
        return count.call(API, "get", template.getUuid(), null, RecurringInvoiceTemplate.class);
    }
}
