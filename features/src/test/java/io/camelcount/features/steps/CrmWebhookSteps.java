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
import io.camelcount.component.model.PublicLink;
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
 * The kit's CRM webhook ({@code crm-deal-won.camel.yaml}) over real HTTP, the way a CRM calls it.
 */
public class CrmWebhookSteps {

    private final CountClient count;
    private final InvoiceJourney journey;
    private final CustomersAndProducts customersAndProducts;
    private final IntegratorKit kit;
    private final List<Map<String, Object>> answers = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();
    private Map<String, Object> deal;

    public CrmWebhookSteps(CountClient count, InvoiceJourney journey, CustomersAndProducts customersAndProducts, IntegratorKit kit) {
        this.count = count;
        this.journey = journey;
        this.customersAndProducts = customersAndProducts;
        this.kit = kit;
    }

    @Given("the integrator kit's CRM webhook, invoicing deals as {string}")
    public void theCrmWebhook(String product) {
        kit.set("count.crm.product-uuid", customersAndProducts.productUuid(product));
        kit.serveHttp();
        kit.load("crm-deal-won");
    }

    @When("the CRM reports a deal won by {string} for {bigdecimal}")
    public void aDealWon(String company, BigDecimal amount) {
        Customer customer = customersAndProducts.customer(company);
        report(deal(customer.getCustomer(), customer.getEmail(), amount));
    }

    @When("the CRM reports a deal won by a new company {string} for {bigdecimal}")
    public void aDealWonByANewCompany(String company, BigDecimal amount) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        report(deal(company + " " + unique, "ap-" + unique + "@" + company.toLowerCase() + ".example", amount));
    }

    @When("the CRM reports a deal won by {string} without an amount")
    public void aDealWithoutAmount(String company) {
        Customer customer = customersAndProducts.customer(company);
        Map<String, Object> incomplete = deal(customer.getCustomer(), customer.getEmail(), BigDecimal.ONE);
        incomplete.remove("amount");
        report(incomplete);
    }

    @When("the CRM delivers the same deal again")
    public void theSameDealAgain() {
        report(deal);
    }

    @Then("the webhook answers {string} with the invoice, {status}, for a total of {bigdecimal}")
    public void theWebhookAnswers(String status, DocumentStatus invoiceStatus, BigDecimal total) {
        assertThat(lastStatus()).isEqualTo(Integer.parseInt(status));
        Map<String, Object> answer = lastAnswer();
        assertThat(answer).containsEntry("status", invoiceStatus.word());
        assertThat(new BigDecimal(answer.get("total").toString())).isEqualByComparingTo(total);
        Invoice invoice = count.invoices("get", (String) answer.get("invoiceUuid"), null);
        assertThat(invoice.getStatus()).isEqualTo(invoiceStatus.word());
        assertThat(invoice.getInvoiceNumber()).isEqualTo(answer.get("invoiceNumber"));
        journey.invoice(invoice);
    }

    @Then("the answer carries the invoice's public link")
    public void theAnswerCarriesThePublicLink() {
        PublicLink link = count.call("invoices", "publicLink", journey.invoice().getUuid(), null, PublicLink.class);
        assertThat(lastAnswer()).containsEntry("publicLink", link.getUrl());
    }

    @Then("both answers name the same invoice")
    public void bothAnswersNameTheSameInvoice() {
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).get("invoiceUuid")).isNotNull().isEqualTo(answers.get(0).get("invoiceUuid"));
    }

    @Then("COUNT has a customer {string} with the deal's email, billed by that invoice")
    public void countHasTheNewCustomer(String company) {
        Customer created = count.exchange("count:customers?operation=findByEmail", null,
                Map.of(CountConstants.EMAIL, deal.get("email"))).getBody(Customer.class);
        assertThat(created.getCustomer()).startsWith(company).isEqualTo(deal.get("company"));
        assertThat(journey.invoice().getCustomerUuid()).isEqualTo(created.getUuid());
    }

    @Then("the webhook answers {string} naming {string}")
    public void theWebhookRefuses(String status, String field) {
        assertThat(lastStatus()).isEqualTo(Integer.parseInt(status));
        assertThat((String) lastAnswer().get("error")).contains(field);
    }

    private Map<String, Object> deal(String company, String email, BigDecimal amount) {
        Map<String, Object> won = new LinkedHashMap<>();
        won.put("dealId", "FEAT-" + UUID.randomUUID().toString().substring(0, 13));
        won.put("company", company);
        won.put("email", email);
        won.put("amount", amount);
        won.put("description", "Deal for " + company);
        return won;
    }

    private void report(Map<String, Object> won) {
        deal = won;
        IntegratorKit.WebhookAnswer answer = kit.post("/crm/deals-won", won);
        statuses.add(answer.status());
        answers.add(answer.body());
    }

    private int lastStatus() {
        return statuses.get(statuses.size() - 1);
    }

    private Map<String, Object> lastAnswer() {
        return answers.get(answers.size() - 1);
    }
}
