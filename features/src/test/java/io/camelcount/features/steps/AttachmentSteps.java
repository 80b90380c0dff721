package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.camelcount.component.CountConstants;
import io.camelcount.component.CountValidationException;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.PublicLink;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.CustomerBrowser;
import io.camelcount.features.support.DocumentStatus;
import io.camelcount.features.support.InvoiceJourney;
import io.camelcount.features.support.MockAdmin;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class AttachmentSteps {

    private final CountClient count;
    private final InvoiceJourney journey;
    private final CustomerBrowser browser;
    private final MockAdmin admin;
    private String publicLink;

    public AttachmentSteps(CountClient count, InvoiceJourney journey, CustomerBrowser browser, MockAdmin admin) {
        this.count = count;
        this.journey = journey;
        this.browser = browser;
        this.admin = admin;
    }

    @When("I attach the link {string} titled {string}")
    public void attachLink(String url, String title) {
        journey.invoice(count.invoices("addAttachments", journey.invoice().getUuid(),
                Map.of("attachments", List.of(Map.of("url", url, "title", title)))));
    }

    @When("I upload the file {string} of {int} bytes")
    public void upload(String fileName, int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        Invoice answer = count.exchange("count:invoices?operation=uploadAttachments", content,
                Map.of(CountConstants.UUID, journey.invoice().getUuid(), CountConstants.FILE_NAME, fileName)).getBody(Invoice.class);
        journey.invoice(answer);
    }

    /** An expected attachment: a link (its title and URL) or an upload (its file name and size in bytes). */
    public record ExpectedAttachment(String kind, String name, String linkOrSize) {
    }

    @Then("the invoice's attachments are, in order:")
    public void attachments(List<ExpectedAttachment> expected) {
        List<?> attachments = (List<?>) journey.reread(journey.invoice()).getAdditionalProperties().get("attachments");
        assertThat(attachments).as("attachments").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<?, ?> attachment = (Map<?, ?>) attachments.get(i);
            ExpectedAttachment row = expected.get(i);
            assertThat(id(attachment)).as("attachment %d id", i + 1).isNotNull();
            if ("link".equals(row.kind())) {
                assertThat(attachment.get("title")).isEqualTo(row.name());
                assertThat(attachment.get("url")).isEqualTo(row.linkOrSize());
            } else {
                assertThat(attachment.get("fileName")).isEqualTo(row.name());
                assertThat(String.valueOf(attachment.get("size"))).isEqualTo(row.linkOrSize());
                assertThat(attachment.get("url")).isNull();
            }
        }
    }

    /** COUNT names a resource's UUID {@code id}; the mock named it {@code uuid} before, so either is read. */
    private static Object id(Map<?, ?> resource) {
        return resource.containsKey("id") ? resource.get("id") : resource.get("uuid");
    }

    @When("I ask COUNT for the invoice's public link")
    public void askPublicLink() {
        PublicLink link = count.call("invoices", "publicLink", journey.invoice().getUuid(), null, PublicLink.class);
        assertThat(link.getUrl()).startsWith("http");
        publicLink = link.getUrl();
    }

    @When("I try to get the invoice's public link")
    public void tryPublicLink() {
        String uuid = journey.invoice().getUuid();
        assertThatThrownBy(() -> count.call("invoices", "publicLink", uuid, null, PublicLink.class))
                .isInstanceOfSatisfying(CountValidationException.class, journey::refusal);
    }

    @Then("COUNT gives a link for the customer")
    public void linkGiven() {
        assertThat(publicLink).matches("https?://.+");
    }

    @When("the customer opens the link")
    public void customerOpens() {
        browser.open(publicLink);
    }

    @Then("the customer's page shows the invoice {status} with {bigdecimal} to pay")
    public void pageShows(DocumentStatus status, BigDecimal balance) {
        assertThat(browser.shown("status")).isEqualTo(status.word());
        assertThat(browser.shown("balance-due")).endsWith(" " + balance.setScale(2).toPlainString());
        assertThat(browser.has("pay")).as("a Pay button").isTrue();
    }

    @Then("the customer's page shows the invoice {status} and paid in full")
    public void pageShowsPaid(DocumentStatus status) {
        assertThat(browser.shown("status")).isEqualTo(status.word());
        assertThat(browser.shown("balance-due")).endsWith(" 0.00");
        assertThat(browser.has("paid")).as("paid in full").isTrue();
        assertThat(browser.has("pay")).as("a Pay button").isFalse();
    }

    @When("the customer pays {bigdecimal} of it")
    public void customerPaysPart(BigDecimal amount) {
        admin.post("payments", "{\"invoiceUuid\":\"" + journey.invoice().getUuid() + "\",\"amount\":" + amount.toPlainString() + "}");
    }

    @When("the customer presses Pay on the page")
    public void customerPresssesPay() {
        browser.pay();
    }

    @Then("the invoice is {status} with {bigdecimal} paid and {bigdecimal} left to pay")
    public void invoicePaid(DocumentStatus status, BigDecimal paid, BigDecimal balance) {
        Invoice invoice = journey.reread(journey.invoice());
        assertThat(invoice.getStatus()).as("status").isEqualTo(status.word());
        assertThat(invoice.getAmountPaid()).as("amount paid").isEqualByComparingTo(paid);
        assertThat(invoice.getBalanceDue()).as("balance due").isEqualByComparingTo(balance);
        assertThat(invoice.getPaymentStatus()).as("payment status")
                .isEqualTo(balance.signum() == 0 ? "paid" : paid.signum() == 0 ? "unpaid" : "partial");
    }
}
