package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.component.CountUnknownOutcomeException;
import io.camelcount.component.model.Invoice;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.InvoiceJourney;
import io.camelcount.features.support.MockAdmin;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** COUNT failing on purpose, through the mock's fault injection. */
public class ResilienceSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountClient count;
    private final InvoiceJourney journey;
    private final MockAdmin admin;
    private final String batch = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final List<String> numbers = new ArrayList<>();
    private final List<Invoice> answers = new ArrayList<>();

    public ResilienceSteps(CountClient count, InvoiceJourney journey, MockAdmin admin) {
        this.count = count;
        this.journey = journey;
        this.admin = admin;
    }

    @Given("COUNT stores the next {int} invoice(s) it creates but drops the connection before answering")
    public void dropAfterApply(int times) {
        admin.post("faults", "{\"method\":\"POST\",\"path\":\"/partners/invoices\",\"kind\":\"dropAfterApply\",\"times\":" + times + "}");
    }

    @Given("COUNT then fails the next {int} create(s) with a server error, storing nothing")
    public void serverError(int times) {
        admin.post("faults", "{\"method\":\"POST\",\"path\":\"/partners/invoices\",\"kind\":\"serverError\",\"status\":503,\"times\":"
                             + times + "}");
    }

    @When("I create a batch of {int} invoices, each with its own invoice number")
    public void createBatch(int size) {
        for (int i = 1; i <= size; i++) {
            String number = "B-" + batch + "-" + i;
            numbers.add(number);
            Map<String, Object> request = journey.request("invoice", 1, "Consulting hour", new BigDecimal("120"), false);
            request.put("invoiceNumber", number);
            answers.add(count.invoices("create", null, request));
        }
    }

    @When("I try to create an invoice without an invoice number")
    public void createWithoutNumber() {
        Map<String, Object> request = journey.request("invoice", 1, "Consulting hour", new BigDecimal("120"), false);
        assertThatThrownBy(() -> count.invoices("create", null, request))
                .isInstanceOf(CountUnknownOutcomeException.class);
    }

    @Then("every create in the batch answered its invoice")
    public void everyCreateAnswered() {
        assertThat(answers).extracting(Invoice::getInvoiceNumber).containsExactlyElementsOf(numbers);
        assertThat(answers).extracting(Invoice::getStatus).containsOnly("approved");
    }

    @Then("COUNT holds each invoice of the batch exactly once")
    public void eachExactlyOnce() {
        Map<String, Long> held = journey.customerInvoices().stream()
                .collect(Collectors.groupingBy(Invoice::getInvoiceNumber, Collectors.counting()));
        assertThat(held).containsOnlyKeys(numbers);
        assertThat(held.values()).containsOnly(1L);
        assertThat(answers).extracting(Invoice::getUuid).doesNotHaveDuplicates();
    }

    @Then("COUNT holds exactly {int} invoice(s) for the customer")
    public void holdsExactly(int how) {
        assertThat(journey.customerInvoices()).hasSize(how);
    }

    @Then("every injected fault was hit")
    public void everyFaultHit() throws Exception {
        JsonNode faults = JSON.readTree(admin.get("faults")).path("data");
        JsonNode list = faults.isArray() ? faults : faults.path("faults");
        assertThat(list.size()).as("faults injected").isPositive();
        for (JsonNode fault : list) {
            assertThat(fault.path("remaining").asInt(-1)).as("fault %s left unused", fault.path("id").asText()).isZero();
        }
    }

}
