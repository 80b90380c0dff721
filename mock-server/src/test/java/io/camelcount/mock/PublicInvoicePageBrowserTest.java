package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.domain.AuditEntry;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public invoice page in headless Chromium, as the customer sees it: the totals the API reports, the Pay
 * button, and the page again once paid. {@link PublicInvoicePageTest} covers the HTML over plain HTTP.
 */
class PublicInvoicePageBrowserTest extends DemoWorkspaceBrowserTest {

    @Test
    void theCustomerSeesTheTotalsPaysAndSeesTheInvoicePaid() {
        String uuid = created(partner.post("/partners/invoices", Bodies.with(Bodies.invoice(),
                "\"isDraft\":false,\"discount\":40,\"discountDescription\":\"Loyalty\""))).dataText("id");
        JsonNode approved = invoice(uuid).data();

        chromium.open(publicLink(uuid));

        assertThat(chromium.text(By.id("number"))).isEqualTo("Invoice INV-0001");
        assertThat(chromium.text(By.id("status"))).isEqualTo("approved");
        assertThat(chromium.text(By.id("subtotal"))).isEqualTo(money(approved, "subtotal")).isEqualTo("GBP 240.00");
        assertThat(chromium.text(By.id("discount"))).isEqualTo("GBP -40.00");
        assertThat(chromium.text(By.id("total"))).isEqualTo(money(approved, "total")).isEqualTo("GBP 200.00");
        assertThat(chromium.text(By.id("amount-paid"))).isEqualTo(money(approved, "amountPaid"));
        assertThat(chromium.text(By.id("balance-due"))).isEqualTo(money(approved, "balanceDue"));
        chromium.screenshot("public-invoice-due");

        chromium.find(By.cssSelector("#pay button")).click();

        chromium.await(ExpectedConditions.textToBe(By.id("status"), "paid"));
        chromium.screenshot("public-invoice-paid");
        assertThat(chromium.currentUrl()).isEqualTo(publicLink(uuid));
        assertThat(chromium.text(By.id("paid"))).isEqualTo("Paid in full. Thank you!");
        assertThat(chromium.await(ExpectedConditions.numberOfElementsToBe(By.id("pay"), 0))).isEmpty();
        JsonNode paid = invoice(uuid).data();
        assertThat(paid.get("paymentStatus").asText()).isEqualTo("paid");
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(chromium.text(By.id("amount-paid"))).isEqualTo(money(paid, "amountPaid")).isEqualTo("GBP 200.00");
        assertThat(chromium.text(By.id("balance-due"))).isEqualTo(money(paid, "balanceDue")).isEqualTo("GBP 0.00");
        assertThat(server.demoWorkspace().auditLog(UUID.fromString(uuid))).extracting(AuditEntry::action)
                .containsExactly("created", "payment_recorded");
    }

    /** An amount of the invoice as the API reports it, the way the page writes it. */
    private static String money(JsonNode invoice, String field) {
        BigDecimal amount = new BigDecimal(invoice.get(field).asText()).setScale(2, RoundingMode.HALF_UP);
        return invoice.get("currency").asText() + " " + amount.toPlainString();
    }
}
