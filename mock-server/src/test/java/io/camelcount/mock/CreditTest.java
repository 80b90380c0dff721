package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The credit routes (contract §3): memos' credit applied to invoices, all or nothing, and taken off again. */
class CreditTest extends DemoWorkspaceTest {

    private static final UUID OTHER_WORKSPACE = UUID.fromString("7e57a11a-0000-4000-8000-000000000002");
    private static final UUID OTHER_CUSTOMER = UUID.fromString("7e57a11a-0000-4000-8000-0000000000c1");
    private static final UUID OTHER_PRODUCT = UUID.fromString("7e57a11a-0000-4000-8000-0000000000b1");

    @Override
    CountMockServer.Builder configure(CountMockServer.Builder builder) {
        return builder.workspace(WorkspaceSeed.builder(OTHER_WORKSPACE, "Other Ltd")
                .customer(new Customer(OTHER_CUSTOMER, "Initech", "ap@initech.example"))
                .product(new Product(OTHER_PRODUCT, "Audit", new BigDecimal("900"), UUID.randomUUID()))
                .accessGrant(DemoWorkspace.CLIENT_ID, "other-access-token", "other-refresh-token")
                .build());
    }

    private Reply applyMemos(String invoice, String lines) {
        return partner.patch("/partners/invoices/" + invoice + "/apply-multiple-credit-to-invoice", "{\"creditMemos\":[" + lines + "]}");
    }

    private Reply applyToInvoices(String memo, String lines) {
        return partner.patch("/partners/invoices/" + memo + "/apply-credit-to-multiple-invoices", "{\"invoices\":[" + lines + "]}");
    }

    private Reply removeCredit(String invoice, String memo) {
        return partner.patch("/partners/invoices/" + invoice + "/remove-credit", "{\"memoId\":\"" + memo + "\"}");
    }

    private static String line(String id, String amount) {
        return "{\"id\":\"" + id + "\",\"amount\":" + amount + "}";
    }

    private void assertRefusedAndUnchanged(Reply reply, int status, String code, String field, Map<String, JsonNode> before) {
        assertRefused(reply, status, code, field);
        assertThat(snapshot(before.keySet().toArray(String[]::new))).isEqualTo(before);
    }

    @Test
    void severalMemosCreditOneInvoice() {
        String invoice = approvedInvoice("240");
        String first = approvedMemo("50");
        String second = approvedMemo("30");

        Reply reply = ok(applyMemos(invoice, line(first, "50") + "," + line(second, "20")));

        assertThat(reply.dataText("id")).isEqualTo(invoice);
        assertThat(reply.text()).contains("\"amountPaid\":0,\"creditsApplied\":70,\"balanceDue\":170",
                "\"creditApplications\":[{\"memoUuid\":\"" + first + "\",\"invoiceUuid\":\"" + invoice + "\",\"amount\":50},"
                        + "{\"memoUuid\":\"" + second + "\",\"invoiceUuid\":\"" + invoice + "\",\"amount\":20}]");
        assertThat(reply.dataText("status")).isEqualTo("partial");
        assertThat(reply.dataText("paymentStatus")).isEqualTo("partial");
        assertThat(invoice(first).text()).contains("\"remainingCredit\":0", "\"status\":\"applied\"");
        assertThat(invoice(second).text()).contains("\"remainingCredit\":10", "\"status\":\"open\"",
                "\"creditApplications\":[{\"memoUuid\":\"" + second + "\",\"invoiceUuid\":\"" + invoice + "\",\"amount\":20}]");
    }

    @Test
    void oneMemoCreditsSeveralInvoices() {
        String a = approvedInvoice("60");
        String b = approvedInvoice("50");
        String memo = approvedMemo("100");

        Reply reply = ok(applyToInvoices(memo, line(a, "60") + "," + line(b, "40")));

        assertThat(reply.dataText("id")).isEqualTo(memo);
        assertThat(reply.data().get("remainingCredit").asInt()).isZero();
        assertThat(reply.dataText("status")).isEqualTo("applied");
        assertThat(invoice(a).text()).contains("\"balanceDue\":0", "\"status\":\"paid\"", "\"paymentStatus\":\"paid\"");
        assertThat(invoice(b).text()).contains("\"creditsApplied\":40,\"balanceDue\":10", "\"status\":\"partial\"");
    }

    @Test
    void applyingTheSameMemoAgainAddsToItsApplication() {
        String invoice = approvedInvoice("100");
        String memo = approvedMemo("100");

        ok(applyMemos(invoice, line(memo, "30")));
        Reply again = ok(applyMemos(invoice, line(memo, "25")));

        assertThat(again.data().get("creditApplications")).hasSize(1);
        assertThat(again.data().get("creditsApplied").asInt()).isEqualTo(55);
        assertThat(invoice(memo).data().get("remainingCredit").asInt()).isEqualTo(45);
    }

    @Test
    void linesOfOneRequestTogetherMayNotOverdrawTheMemo() {
        String a = approvedInvoice("100");
        String b = approvedInvoice("100");
        String memo = approvedMemo("50");
        Map<String, JsonNode> before = snapshot(a, b, memo);

        assertRefusedAndUnchanged(applyToInvoices(memo, line(a, "30") + "," + line(b, "30")),
                400, "credit_exceeds_remaining", "invoices[1].amount", before);
    }

    @Test
    void linesOfOneRequestTogetherMayNotOverpayTheInvoice() {
        String invoice = approvedInvoice("40");
        String first = approvedMemo("30");
        String second = approvedMemo("30");
        Map<String, JsonNode> before = snapshot(invoice, first, second);

        assertRefusedAndUnchanged(applyMemos(invoice, line(first, "30") + "," + line(second, "20")),
                400, "credit_exceeds_balance", "creditMemos[1].amount", before);
    }

    @Test
    void oneBadLineRejectsTheWholeRequest() {
        String good = approvedInvoice("100");
        String draft = create("invoice", Bodies.ACME, "100", false);
        String memo = approvedMemo("100");
        Map<String, JsonNode> before = snapshot(good, draft, memo);

        assertRefusedAndUnchanged(applyToInvoices(memo, line(good, "50") + "," + line(draft, "10")),
                400, "invoice_not_approved", "invoices[1].id", before);
    }

    @Test
    void memoAndInvoiceMustBelongToTheSameCustomer() {
        String invoice = approvedInvoice("100");
        String globexMemo = create("memo", Bodies.GLOBEX, "100", true);
        Map<String, JsonNode> before = snapshot(invoice, globexMemo);

        Reply reply = applyMemos(invoice, line(globexMemo, "10"));

        assertRefusedAndUnchanged(reply, 400, "credit_customer_mismatch", "creditMemos[0].id", before);
        assertThat(reply.message()).contains("Globex Services", "Acme Trading Ltd");
    }

    @Test
    void aMemoGivesCreditOnlyOnceApproved() {
        String invoice = approvedInvoice("100");
        String memo = create("memo", Bodies.ACME, "100", false);
        Map<String, JsonNode> before = snapshot(invoice, memo);

        assertRefusedAndUnchanged(applyMemos(invoice, line(memo, "10")), 400, "memo_not_approved", "creditMemos[0].id", before);

        ok(partner.patch("/partners/invoices/" + memo + "/approve"));
        assertThat(ok(applyMemos(invoice, line(memo, "10"))).data().get("balanceDue").asInt()).isEqualTo(90);
    }

    @Test
    void onlyInvoicesTakeCreditAndOnlyMemosGiveIt() {
        String invoice = approvedInvoice("100");
        String memo = approvedMemo("100");
        String otherMemo = approvedMemo("100");
        String estimate = create("estimate", Bodies.ACME, "100", true);
        Map<String, JsonNode> before = snapshot(invoice, memo, otherMemo, estimate);

        assertRefusedAndUnchanged(applyToInvoices(memo, line(otherMemo, "10")), 400, "not_creditable", "invoices[0].id", before);
        assertRefusedAndUnchanged(applyToInvoices(memo, line(estimate, "10")), 400, "not_creditable", "invoices[0].id", before);
        assertRefusedAndUnchanged(applyMemos(invoice, line(estimate, "10")), 400, "not_a_credit_memo", "creditMemos[0].id", before);
        assertRefusedAndUnchanged(applyToInvoices(invoice, line(invoice, "10")), 400, "not_a_credit_memo", "uuid", before);
        assertRefusedAndUnchanged(applyMemos(estimate, line(memo, "10")), 400, "not_creditable", "uuid", before);
    }

    @Test
    void amountsMustBePositiveWithAtMostTwoDecimals() {
        String invoice = approvedInvoice("100");
        String memo = approvedMemo("100");
        Map<String, JsonNode> before = snapshot(invoice, memo);

        for (String amount : new String[] {"0", "-5", "10.001", "null", "\"ten\"", "\"10.001\"", "\"-5\""}) {
            assertRefusedAndUnchanged(applyMemos(invoice, line(memo, amount)), 400, "validation_failed", "creditMemos[0].amount", before);
        }
        assertRefusedAndUnchanged(applyMemos(invoice, "{\"id\":\"" + memo + "\"}"), 400, "validation_failed", "creditMemos[0].amount", before);
        assertRefusedAndUnchanged(applyMemos(invoice, "{\"amount\":5}"), 400, "validation_failed", "creditMemos[0].id", before);
        assertRefusedAndUnchanged(applyMemos(invoice, line("CM-0001", "5")), 400, "validation_failed", "creditMemos[0].id", before);
        assertRefusedAndUnchanged(applyMemos(invoice, ""), 400, "validation_failed", "creditMemos", before);
        assertRefusedAndUnchanged(partner.patch("/partners/invoices/" + invoice + "/apply-multiple-credit-to-invoice", "{}"),
                400, "validation_failed", "creditMemos", before);
        assertRefusedAndUnchanged(partner.patch("/partners/invoices/" + invoice + "/apply-multiple-credit-to-invoice", null),
                400, "validation_failed", "body", before);
    }

    @Test
    void noApplicationMayExceedTheMemosRemainderOrTheInvoicesBalance() {
        String small = approvedInvoice("20");
        String large = approvedInvoice("500");
        String memo = approvedMemo("100");
        Map<String, JsonNode> before = snapshot(small, large, memo);

        assertRefusedAndUnchanged(applyMemos(small, line(memo, "20.01")), 400, "credit_exceeds_balance", "creditMemos[0].amount", before);
        assertRefusedAndUnchanged(applyMemos(large, line(memo, "100.01")), 400, "credit_exceeds_remaining", "creditMemos[0].amount", before);

        ok(applyMemos(small, line(memo, "20")));
        assertThat(applyMemos(large, line(memo, "80.01")).code()).isEqualTo("credit_exceeds_remaining");
        assertThat(ok(applyMemos(large, line(memo, "80"))).data().get("balanceDue").asInt()).isEqualTo(420);
    }

    @Test
    void unknownDocumentsAndOtherWorkspacesDocumentsAreNotFound() {
        String invoice = approvedInvoice("100");
        String memo = approvedMemo("100");
        PartnerClient other = new PartnerClient(server.baseUrl(), clock, DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET,
                "other-access-token");
        String theirMemo = created(other.post("/partners/invoices", Bodies.document("memo", OTHER_CUSTOMER, "100", true)
                .replace(Bodies.CONSULTING, OTHER_PRODUCT.toString()))).dataText("id");
        Map<String, JsonNode> before = snapshot(invoice, memo);

        assertRefusedAndUnchanged(applyMemos(invoice, line(memo, "10") + "," + line(UUID.randomUUID().toString(), "10")),
                404, "not_found", "creditMemos[1].id", before);
        assertRefusedAndUnchanged(applyMemos(invoice, line(theirMemo, "10")), 404, "not_found", "creditMemos[0].id", before);
        assertRefusedAndUnchanged(applyToInvoices(theirMemo, line(invoice, "10")), 404, "not_found", "uuid", before);
        assertRefusedAndUnchanged(applyMemos(UUID.randomUUID().toString(), line(memo, "10")), 404, "not_found", "uuid", before);
        assertThat(other.get("/partners/invoices/" + theirMemo).data().get("remainingCredit").asInt()).isEqualTo(100);
    }

    @Test
    void removingACreditRestoresBothBalances() {
        String invoice = approvedInvoice("100");
        String memo = approvedMemo("100");
        String otherMemo = approvedMemo("100");
        ok(applyMemos(invoice, line(memo, "30") + "," + line(otherMemo, "20")));

        Reply reply = ok(removeCredit(invoice, memo));

        assertThat(reply.text()).contains("\"creditsApplied\":20,\"balanceDue\":80",
                "\"creditApplications\":[{\"memoUuid\":\"" + otherMemo + "\"");
        assertThat(invoice(memo).text()).contains("\"remainingCredit\":100", "\"status\":\"open\"", "\"creditApplications\":[]");
        assertThat(server.demoWorkspace().auditLog(UUID.fromString(memo))).extracting(entry -> entry.action())
                .containsExactly("created", "credit_applied", "credit_removed");
        assertThat(server.demoWorkspace().auditLog(UUID.fromString(invoice))).extracting(entry -> entry.action())
                .containsExactly("created", "credit_applied", "credit_removed");
    }

    @Test
    void removingACreditThatIsNotAppliedIsNotFound() {
        String invoice = approvedInvoice("100");
        String memo = approvedMemo("100");
        String unapplied = approvedMemo("100");
        ok(applyMemos(invoice, line(memo, "30")));
        Map<String, JsonNode> before = snapshot(invoice, memo, unapplied);

        assertRefusedAndUnchanged(removeCredit(invoice, unapplied), 404, "not_found", "memoId", before);
        assertRefusedAndUnchanged(removeCredit(invoice, UUID.randomUUID().toString()), 404, "not_found", "memoId", before);
        assertRefusedAndUnchanged(removeCredit(memo, invoice), 400, "not_creditable", "uuid", before);
        assertRefusedAndUnchanged(partner.patch("/partners/invoices/" + invoice + "/remove-credit", "{}"),
                400, "validation_failed", "memoId", before);
        assertRefusedAndUnchanged(partner.patch("/partners/invoices/" + invoice + "/remove-credit", "{\"memoId\":42}"),
                400, "validation_failed", "memoId", before);

        ok(removeCredit(invoice, memo));
        assertThat(removeCredit(invoice, memo).status()).isEqualTo(404);
    }

    @Test
    void anInvoiceSettledByCreditAndPaymentTogetherIsPaid() {
        String invoice = approvedInvoice("100");
        String memo = approvedMemo("40");
        ok(applyMemos(invoice, line(memo, "40")));

        server.demoWorkspace().recordPayment(UUID.fromString(invoice), new BigDecimal("60"));

        assertThat(invoice(invoice).text()).contains("\"amountPaid\":60,\"creditsApplied\":40,\"balanceDue\":0",
                "\"status\":\"paid\"");
        assertThat(List.of(removeCredit(invoice, memo).status())).containsExactly(200);
        assertThat(invoice(invoice).text()).contains("\"balanceDue\":40", "\"status\":\"partial\"");
    }
}
