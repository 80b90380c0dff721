package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.AuditEntry;
import io.camelcount.mock.domain.Customer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET …/public-link} and the customer-facing page it leads to, with its Pay button. */
class PublicInvoicePageTest extends DemoWorkspaceTest {

    private final Browser browser = new Browser();

    @Test
    void theLinkPointsToThePageOnTheMockAndStaysTheSame() {
        String uuid = approvedInvoice("240");

        String url = publicLink(uuid);

        assertThat(url).matches(server.baseUrl() + "/public/invoices/[0-9a-f]{64}");
        assertThat(publicLink(uuid)).isEqualTo(url);
        assertThat(publicLink(approvedInvoice("240"))).isNotEqualTo(url);
    }

    @Test
    void aDraftHasNoPublicLink() {
        String draft = create("invoice", Bodies.ACME, "240", false);

        Reply reply = partner.get("/partners/invoices/" + draft + "/public-link");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invoice_not_approved");
        String token = server.demoWorkspace().invoice(UUID.fromString(draft)).publicToken();
        assertThat(browser.get(server.baseUrl() + "/public/invoices/" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void thePageShowsTheInvoiceWithoutAnyCredentials() {
        String uuid = created(partner.post("/partners/invoices", Bodies.with(Bodies.invoice(),
                "\"isDraft\":false,\"discount\":40,\"discountDescription\":\"Loyalty\",\"notes\":\"Thank you\""))).dataText("id");

        HttpResponse<String> page = browser.get(publicLink(uuid));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).startsWith("<!DOCTYPE html>")
                .contains("<p id=\"from\">Demo Workspace</p>", "<h1 id=\"number\">Invoice INV-0001</h1>",
                        "<span class=\"status\" id=\"status\">approved</span>", "<dd id=\"customer\">Acme Trading Ltd</dd>",
                        "<dd id=\"due-date\">2026-12-24</dd>",
                        "<tr><td>Consulting hour</td><td class=\"amount\">2</td><td class=\"amount\">GBP 120.00</td>"
                                + "<td class=\"amount\">GBP 240.00</td></tr>",
                        "id=\"subtotal\">GBP 240.00", "Discount (Loyalty)", "id=\"discount\">GBP -40.00",
                        "id=\"total\">GBP 200.00", "id=\"balance-due\">GBP 200.00", "<p id=\"notes\">Thank you</p>",
                        "<form id=\"pay\" method=\"post\" action=\"/public/invoices/", "<button type=\"submit\">Pay GBP 200.00</button>");
    }

    @Test
    void payingRecordsTheWholeBalanceAndShowsThePageAgainAsPaid() {
        String uuid = approvedInvoice("240");
        server.demoWorkspace().recordPayment(UUID.fromString(uuid), new java.math.BigDecimal("40"));
        String url = publicLink(uuid);

        HttpResponse<String> paid = browser.post(url + "/pay");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(url).endsWith(location));
        HttpResponse<String> page = browser.get(url);
        assertThat(page.body()).contains("id=\"status\">paid</span>", "id=\"amount-paid\">GBP 240.00", "id=\"balance-due\">GBP 0.00",
                "<p id=\"paid\">Paid in full. Thank you!</p>").doesNotContain("<form");
        assertThat(invoice(uuid).text()).contains("\"paymentStatus\":\"paid\"", "\"status\":\"paid\"",
                "\"amountPaid\":240,\"creditsApplied\":0,\"balanceDue\":0");
        AuditEntry payment = server.demoWorkspace().auditLog(UUID.fromString(uuid)).get(2);
        assertThat(payment.action()).isEqualTo("payment_recorded");
        assertThat(payment.actor()).isEqualTo("customer");
        assertThat(payment.changes().get("amountPaid").to()).isEqualTo(new java.math.BigDecimal("240.00"));
    }

    @Test
    void payingTwicePaysOnce() {
        String uuid = approvedInvoice("240");
        String url = publicLink(uuid);

        assertThat(browser.post(url + "/pay").statusCode()).isEqualTo(303);
        assertThat(browser.post(url + "/pay").statusCode()).isEqualTo(303);

        assertThat(invoice(uuid).data().get("amountPaid").asInt()).isEqualTo(240);
        assertThat(server.demoWorkspace().auditLog(UUID.fromString(uuid))).extracting(AuditEntry::action)
                .containsExactly("created", "payment_recorded");
    }

    @Test
    void aCreditMemoAndAnEstimateHaveAPageButNoPayButton() {
        String memo = approvedMemo("50");
        String estimate = create("estimate", Bodies.ACME, "50", true);

        for (String uuid : new String[] {memo, estimate}) {
            String url = publicLink(uuid);
            assertThat(browser.get(url).body()).doesNotContain("<form");
            HttpResponse<String> refused = browser.post(url + "/pay");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("<p id=\"problem\">", "cannot take a payment");
        }
        assertThat(browser.get(publicLink(memo)).body()).contains("id=\"remaining-credit\">GBP 50.00", "Credit memo CM-0001")
                .doesNotContain("balance-due");
    }

    @Test
    void namesAndNotesAreEscaped() {
        server.demoWorkspace().addCustomer(new Customer(UUID.fromString("0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f70aa"),
                "<b>Bold & \"Sons\"</b>", null));
        String uuid = created(partner.post("/partners/invoices", Bodies.with(
                Bodies.document("invoice", "0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f70aa", "10", true),
                "\"notes\":\"<script>alert('x')</script>\",\"discount\":1,\"discountDescription\":\"<i>Loyal</i>\""))).dataText("id");

        String page = browser.get(publicLink(uuid)).body();

        // Handlebars writes the apostrophe as &#x27;, the same character as &#39;.
        assertThat(page).contains("&lt;b&gt;Bold &amp; &quot;Sons&quot;&lt;/b&gt;", "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;",
                        "Discount (&lt;i&gt;Loyal&lt;/i&gt;)")
                .doesNotContain("<script>", "<b>Bold", "<i>Loyal");
    }

    @Test
    void unknownTokensAndPathsAreNotFound() {
        String url = publicLink(approvedInvoice("10"));

        assertThat(browser.get(server.baseUrl() + "/public/invoices/" + "0".repeat(64)).statusCode()).isEqualTo(404);
        assertThat(browser.post(server.baseUrl() + "/public/invoices/unknown/pay").statusCode()).isEqualTo(404);
        assertThat(browser.get(url + "/pay").statusCode()).isEqualTo(404);
        assertThat(browser.get(url + "/other").statusCode()).isEqualTo(404);
        assertThat(browser.post(url).statusCode()).isEqualTo(404);
        assertThat(browser.get(server.baseUrl() + "/public/invoices/").statusCode()).isEqualTo(404);
    }

    @Test
    void thePageFollowsTheMockClock() {
        String uuid = approvedInvoice("10");
        String url = publicLink(uuid);

        clock.set(java.time.Instant.parse("2027-01-05T00:00:00Z"));

        assertThat(browser.get(url).body()).contains("id=\"status\">overdue</span>");
    }
}
