package io.camelcount.mock;

import io.camelcount.mock.api.Refusals;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.Workspace;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Customer payments, recorded through {@link Workspace#recordPayment} (what the Pay button and the admin API
 * use), and the statuses they lead to, read over HTTP.
 */
class PaymentTest extends DemoWorkspaceTest {

    private void pay(String uuid, String amount) {
        server.demoWorkspace().recordPayment(UUID.fromString(uuid), new BigDecimal(amount));
    }

    private String status(String uuid) {
        return invoice(uuid).dataText("status");
    }

    @Test
    void aPartPaymentMakesTheInvoicePartial() {
        String uuid = approvedInvoice("240");

        pay(uuid, "100.5");

        assertThat(invoice(uuid).text()).contains("\"paymentStatus\":\"partial\",\"status\":\"partial\"",
                "\"amountPaid\":100.5,\"creditsApplied\":0,\"balanceDue\":139.5");
    }

    @Test
    void paymentsUpToTheTotalMakeItPaid() {
        String uuid = approvedInvoice("240");
        pay(uuid, "200");

        pay(uuid, "40");

        assertThat(invoice(uuid).text()).contains("\"paymentStatus\":\"paid\",\"status\":\"paid\"", "\"balanceDue\":0");
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        assertThat(status(uuid)).isEqualTo("paid");
    }

    @Test
    void anUnpaidInvoiceIsOverdueTheDayAfterItsDueDateAndAPartPaidOneStaysPartial() {
        String unpaid = approvedInvoice("240");
        String partPaid = approvedInvoice("240");
        pay(partPaid, "1");
        ok(partner.post("/partners/invoices/" + unpaid + "/send", null));

        clock.set(Instant.parse("2026-12-24T23:59:59Z"));
        assertThat(status(unpaid)).isEqualTo("sent");

        clock.set(Instant.parse("2026-12-25T00:00:00Z"));
        assertThat(status(unpaid)).isEqualTo("overdue");
        assertThat(invoice(unpaid).dataText("paymentStatus")).isEqualTo("unpaid");
        assertThat(status(partPaid)).isEqualTo("partial");

        pay(unpaid, "240");
        assertThat(status(unpaid)).isEqualTo("paid");
    }

    @Test
    void aPaymentIsAudited() {
        String uuid = approvedInvoice("240");

        pay(uuid, "90");

        var entries = ok(partner.get("/partners/invoices/" + uuid + "/audit-log")).records();
        assertThat(entries.get(1).get("action").asText()).isEqualTo("payment_recorded");
        assertThat(entries.get(1).get("actor").asText()).isEqualTo("customer");
        assertThat(entries.get(1).get("changes").get("amountPaid").toString()).isEqualTo("{\"from\":0,\"to\":90}");
        assertThat(entries.get(1).get("changes").get("balanceDue").toString()).isEqualTo("{\"from\":240,\"to\":150}");
        assertThat(entries.get(1).get("changes").get("status").toString()).isEqualTo("{\"from\":\"approved\",\"to\":\"partial\"}");
    }

    private void assertRefused(ThrowingCallable payment, int status, String code, String field) {
        assertThatThrownBy(payment).isInstanceOfSatisfying(DomainException.class, refusal -> {
            assertThat(Refusals.status(refusal.kind())).isEqualTo(status);
            assertThat(refusal.code()).isEqualTo(code);
            assertThat(refusal.field()).isEqualTo(field);
        });
    }

    @Test
    void paymentsAreRefusedWhenTheRulesSayNoAndChangeNothing() {
        String invoice = approvedInvoice("240");
        String draft = create("invoice", Bodies.ACME, "240", false);
        String memo = approvedMemo("240");
        String estimate = create("estimate", Bodies.ACME, "240", true);
        pay(invoice, "200");

        assertRefused(() -> pay(invoice, "40.01"), 400, "payment_exceeds_balance", "amount");
        assertRefused(() -> pay(invoice, "0"), 400, "validation_failed", "amount");
        assertRefused(() -> pay(invoice, "-1"), 400, "validation_failed", "amount");
        assertRefused(() -> pay(invoice, "1.001"), 400, "validation_failed", "amount");
        assertRefused(() -> server.demoWorkspace().recordPayment(UUID.fromString(invoice), null), 400, "validation_failed", "amount");
        assertRefused(() -> pay(draft, "1"), 400, "invoice_not_approved", null);
        assertRefused(() -> pay(memo, "1"), 400, "not_payable", null);
        assertRefused(() -> pay(estimate, "1"), 400, "not_payable", null);
        assertRefused(() -> pay(UUID.randomUUID().toString(), "1"), 404, "not_found", "uuid");

        assertThat(invoice(invoice).data().get("amountPaid").asInt()).isEqualTo(200);
        assertThat(invoice(draft).data().get("amountPaid").asInt()).isZero();
        assertThat(invoice(memo).data().get("remainingCredit").asInt()).isEqualTo(240);
        assertThat(ok(partner.get("/partners/invoices/" + invoice + "/audit-log")).records()).hasSize(2);
    }
}
