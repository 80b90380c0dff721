package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.util.List;

import io.camelcount.component.CountValidationException;
import io.camelcount.component.model.Invoice;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.CountTarget;
import io.camelcount.features.support.CustomersAndProducts;
import io.camelcount.features.support.DocumentStatus;
import io.camelcount.features.support.IntegratorKit;
import io.camelcount.features.support.InvoiceJourney;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs the YAML routes of {@code routes/} as shipped, in the scenario's Camel context, and drives them the
 * way an integration would: with JSON text, not model objects.
 */
public class IntegrationStorySteps {

    private final CountClient count;
    private final InvoiceJourney journey;
    private final CustomersAndProducts customersAndProducts;
    private final IntegratorKit kit;
    private Throwable failure;

    public IntegrationStorySteps(CountClient count, InvoiceJourney journey, CustomersAndProducts customersAndProducts, IntegratorKit kit) {
        this.count = count;
        this.journey = journey;
        this.customersAndProducts = customersAndProducts;
        this.kit = kit;
    }

    @Given("the integrator kit's invoice-request route")
    public void theInvoiceRequestRoute() {
        // The kit's file drop needs a folder; an empty one of its own keeps it out of the way.
        kit.set("count.demo.inbox", kit.folder().resolve("invoice-requests").toString());
        kit.load("invoice-lifecycle");
    }

    @When("a CRM sends an invoice request for {int} {string} at {bigdecimal} each")
    public void aCrmSendsAnInvoiceRequest(int quantity, String product, BigDecimal unitPrice) {
        String request = """
                {"customerUuid": "%s", "date": "%s",
                 "products": [{"productUuid": "%s", "quantity": %d, "unitPrice": %s}]}"""
                .formatted(journey.customerUuid(), CountTarget.today(), customersAndProducts.productUuid(product), quantity,
                        unitPrice.toPlainString());
        journey.invoice(template().requestBody("direct:invoice-request", request, Invoice.class));
    }

    @When("a CRM sends an invoice request without products")
    public void aCrmSendsAnInvoiceRequestWithoutProducts() {
        String request = "{\"customerUuid\": \"%s\", \"date\": \"%s\"}".formatted(journey.customerUuid(), CountTarget.today());
        failure = catchThrowable(() -> template().requestBody("direct:invoice-request", request));
    }

    @Then("the route answers with the invoice, {status}, for a total of {bigdecimal}")
    public void theRouteAnswers(DocumentStatus status, BigDecimal total) {
        assertThat(journey.invoice().getStatus()).isEqualTo(status.word());
        assertThat(journey.invoice().getTotal()).isEqualByComparingTo(total);
        assertThat(journey.invoice().getCustomerUuid()).isEqualTo(journey.customerUuid());
    }

    @Then("the route fails naming the missing field {string}")
    public void theRouteFails(String field) {
        assertThat(failure).isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOfSatisfying(CountValidationException.class, refusal -> {
                    assertThat(refusal.getField()).isEqualTo(field);
                    assertThat(refusal.wasSent()).isFalse();
                });
    }

    @Then("the customer has no invoices")
    public void theCustomerHasNoInvoices() {
        assertThat(journey.customerInvoices()).isEqualTo(List.of());
    }

    @Then("the customer has {int} invoice(s)")
    public void theCustomerHasInvoices(int count) {
        assertThat(journey.customerInvoices()).hasSize(count);
    }

    @Then("the customer has {int} invoices, all {status}")
    public void theCustomerHasInvoicesAll(int count, DocumentStatus status) {
        assertThat(journey.customerInvoices()).hasSize(count).extracting(Invoice::getStatus).containsOnly(status.word());
    }

    private ProducerTemplate template() {
        return count.camel().createProducerTemplate();
    }
}
