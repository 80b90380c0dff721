package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.camelcount.mock.TransactionTest.TRANSACTIONS;
import static io.camelcount.mock.TransactionTest.deposit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying invoices with a transaction (contract §7): {@code assign-to-bills-invoices}, all or nothing, and
 * {@code remove-transaction}, one rule per test.
 */
class TransactionAssignmentTest extends DemoWorkspaceTest {

    private String transaction(String body) {
        return created(partner.post(TRANSACTIONS, body)).dataText("id");
    }

    private String income(String amount) {
        return transaction(deposit(amount));
    }

    private Reply assign(String transaction, String records) {
        return partner.post(TRANSACTIONS + "/" + transaction + "/assign-to-bills-invoices",
                "{\"matchingType\":\"invoice\",\"records\":[" + records + "]}");
    }

    private Reply removeTransaction(String invoice, String transaction) {
        return partner.patch("/partners/invoices/" + invoice + "/remove-transaction", "{\"transactionId\":\"" + transaction + "\"}");
    }

    private static String record(String invoice, String amount) {
        return "{\"id\":\"" + invoice + "\",\"paymentAmount\":" + amount + "}";
    }

    /** The transaction as the API shows it, then each invoice with its audit log. */
    private Map<String, JsonNode> state(String transaction, String... invoices) {
        Map<String, JsonNode> state = new LinkedHashMap<>();
        state.put(transaction, ok(partner.get(TRANSACTIONS + "/" + transaction)).data());
        state.putAll(snapshot(invoices));
        return state;
    }

    private void assertRefusedAndUnchanged(Reply reply, int status, String code, String field, Map<String, JsonNode> before) {
        assertRefused(reply, status, code, field);
        String transaction = before.keySet().iterator().next();
        assertThat(state(transaction, before.keySet().stream().skip(1).toArray(String[]::new))).isEqualTo(before);
    }

    @Test
    void aPaymentMakesTheInvoicePartialAndIsAnswered() {
        String invoice = approvedInvoice("240");
        String transaction = income("300");

        Reply reply = ok(partner.post(TRANSACTIONS + "/" + transaction + "/assign-to-bills-invoices",
                "{\"matchingType\":\"invoice\",\"records\":[{\"id\":\"" + invoice + "\",\"paymentAmount\":\"100.50\","
                        + "\"notes\":\"first part\"}],\"withCaution\":true}"));

        assertThat(reply.dataText("id")).isEqualTo(transaction);
        assertThat(reply.text()).contains("\"assignedAmount\":100.5,\"unassignedAmount\":199.5,\"invoicePayments\":[{"
                + "\"invoiceUuid\":\"" + invoice + "\",\"paymentAmount\":100.5,\"notes\":\"first part\"}]");
        assertThat(invoice(invoice).text()).contains("\"paymentStatus\":\"partial\",\"status\":\"partial\"",
                "\"amountPaid\":100.5,\"creditsApplied\":0,\"balanceDue\":139.5",
                "\"payments\":[{\"transactionId\":\"" + transaction + "\",\"amount\":100.5}]");
    }

    @Test
    void paymentsUpToTheBalanceMakeItPaidAndSeveralInvoicesArePaidAtOnce() {
        String a = approvedInvoice("100");
        String b = approvedInvoice("50");
        String transaction = income("200");

        Reply reply = ok(assign(transaction, record(a, "100") + "," + record(b, "20")));
        ok(assign(transaction, record(b, "30")));

        assertThat(reply.data().get("unassignedAmount").asInt()).isEqualTo(80);
        assertThat(invoice(a).text()).contains("\"paymentStatus\":\"paid\",\"status\":\"paid\"", "\"balanceDue\":0");
        assertThat(invoice(b).text()).contains("\"paymentStatus\":\"paid\",\"status\":\"paid\"", "\"amountPaid\":50");
        JsonNode after = ok(partner.get(TRANSACTIONS + "/" + transaction)).data();
        assertThat(after.get("invoicePayments")).hasSize(2);
        assertThat(after.get("invoicePayments").get(1).get("paymentAmount").asInt()).isEqualTo(50);
        assertThat(after.get("unassignedAmount").asInt()).isEqualTo(50);
    }

    @Test
    void theOpenBalanceIsWhatCreditsAndEarlierPaymentsLeft() {
        String invoice = approvedInvoice("100");
        String memo = approvedMemo("30");
        ok(partner.patch("/partners/invoices/" + invoice + "/apply-multiple-credit-to-invoice",
                "{\"creditMemos\":[{\"id\":\"" + memo + "\",\"amount\":30}]}"));
        ok(assign(income("20"), record(invoice, "20")));
        String transaction = income("100");
        Map<String, JsonNode> before = state(transaction, invoice);

        assertRefusedAndUnchanged(assign(transaction, record(invoice, "50.01")), 400, "payment_exceeds_balance",
                "records[0].paymentAmount", before);
        assertThat(ok(assign(transaction, record(invoice, "50"))).data().get("unassignedAmount").asInt()).isEqualTo(50);
        assertThat(invoice(invoice).dataText("status")).isEqualTo("paid");
    }

    @Test
    void recordsOfOneRequestTogetherMayNotOverpayTheInvoice() {
        String invoice = approvedInvoice("40");
        String transaction = income("100");
        Map<String, JsonNode> before = state(transaction, invoice);

        assertRefusedAndUnchanged(assign(transaction, record(invoice, "30") + "," + record(invoice, "20")),
                400, "payment_exceeds_balance", "records[1].paymentAmount", before);
    }

    @Test
    void theirSumMayNotExceedWhatIsLeftOfTheTransaction() {
        String a = approvedInvoice("100");
        String b = approvedInvoice("100");
        String transaction = income("120");
        ok(assign(transaction, record(a, "50")));
        Map<String, JsonNode> before = state(transaction, a, b);

        assertRefusedAndUnchanged(assign(transaction, record(a, "40") + "," + record(b, "30.01")),
                400, "payment_exceeds_unassigned", "records[1].paymentAmount", before);
        ok(assign(transaction, record(a, "40") + "," + record(b, "30")));
        assertThat(ok(partner.get(TRANSACTIONS + "/" + transaction)).data().get("unassignedAmount").asInt()).isZero();
    }

    @Test
    void eachPaymentAmountIsAboveZeroWithAtMostTwoDecimals() {
        String invoice = approvedInvoice("100");
        String transaction = income("100");
        Map<String, JsonNode> before = state(transaction, invoice);

        for (String amount : new String[] {"0", "-1", "\"-0.01\""}) {
            assertRefusedAndUnchanged(assign(transaction, record(invoice, amount)), 400, "validation_failed",
                    "records[0].paymentAmount must be greater than 0", before);
        }
        assertRefusedAndUnchanged(assign(transaction, record(invoice, "1.005")), 400, "validation_failed",
                "records[0].paymentAmount must have at most 2 decimals", before);
        assertRefusedAndUnchanged(assign(transaction, "{\"id\":\"" + invoice + "\"}"), 400, "validation_failed",
                "records[0].paymentAmount is required", before);
        assertRefusedAndUnchanged(assign(transaction, record(invoice, "\"ten\"")), 400, "validation_failed",
                "records[0].paymentAmount must be a number", before);
    }

    @Test
    void onlyApprovedInvoicesArePaidNotDraftsEstimatesOrMemos() {
        String draft = create("invoice", Bodies.ACME, "100", false);
        String estimate = create("estimate", Bodies.ACME, "100", true);
        String memo = approvedMemo("100");
        String good = approvedInvoice("100");
        String transaction = income("100");
        Map<String, JsonNode> before = state(transaction, good, draft, estimate, memo);

        assertRefusedAndUnchanged(assign(transaction, record(good, "10") + "," + record(draft, "10")),
                400, "invoice_not_approved", "records[1].id", before);
        assertRefusedAndUnchanged(assign(transaction, record(good, "10") + "," + record(estimate, "10")),
                400, "not_payable", "records[1].id", before);
        assertRefusedAndUnchanged(assign(transaction, record(good, "10") + "," + record(memo, "10")),
                400, "not_payable", "records[1].id", before);
        assertRefusedAndUnchanged(assign(transaction, record(good, "10") + "," + record(UUID.randomUUID().toString(), "10")),
                404, "not_found", "records[1].id", before);
        assertRefusedAndUnchanged(assign(transaction, record(good, "10") + ",{\"paymentAmount\":10}"),
                400, "validation_failed", "records[1].id is required", before);
        assertRefusedAndUnchanged(assign(transaction, record(good, "10") + "," + record("not-a-uuid", "10")),
                400, "validation_failed", "records[1].id must be a UUID", before);
    }

    @Test
    void anInvoiceIsPaidWithAnIncomeTransactionOnly() {
        String invoice = approvedInvoice("100");
        String expense = transaction(deposit("100").replace("\"Income\"", "\"Expense\""));
        String transfer = transaction(deposit("100").replace("\"Income\"", "\"Transfer\""));

        for (String transaction : new String[] {expense, transfer}) {
            Map<String, JsonNode> before = state(transaction, invoice);
            Reply refused = assign(transaction, record(invoice, "10"));
            assertRefusedAndUnchanged(refused, 400, "transaction_not_income", "Income transaction", before);
        }
        assertThat(assign(expense, record(invoice, "10")).message()).contains("Refunds (an Expense applied to an invoice)"
                + " are not supported by the mock");
    }

    @Test
    void theMatchingTypeIsInvoiceBillsAreOutOfScope() {
        String invoice = approvedInvoice("100");
        String transaction = income("100");
        Map<String, JsonNode> before = state(transaction, invoice);
        String records = ",\"records\":[" + record(invoice, "10") + "]}";
        String path = TRANSACTIONS + "/" + transaction + "/assign-to-bills-invoices";

        assertRefusedAndUnchanged(partner.post(path, "{\"matchingType\":\"bill\"" + records), 400, "bills_not_supported",
                "matchingType", before);
        assertRefusedAndUnchanged(partner.post(path, "{\"matchingType\":\"estimate\"" + records), 400, "validation_failed",
                "matchingType must be \"invoice\" or \"bill\"", before);
        assertRefusedAndUnchanged(partner.post(path, "{\"matchingType\":\"Invoice\"" + records), 400, "validation_failed",
                "matchingType must be", before);
        assertRefusedAndUnchanged(partner.post(path, "{" + records.substring(1)), 400, "validation_failed",
                "matchingType is required", before);
        assertRefusedAndUnchanged(partner.post(path, "{\"matchingType\":7" + records), 400, "validation_failed",
                "matchingType must be a string", before);
    }

    @Test
    void theRecordsAreOneToAHundredObjects() {
        String invoice = approvedInvoice("1000");
        String transaction = income("1000");
        Map<String, JsonNode> before = state(transaction, invoice);
        String path = TRANSACTIONS + "/" + transaction + "/assign-to-bills-invoices";

        assertRefusedAndUnchanged(assign(transaction, ""), 400, "validation_failed", "records must hold at least one", before);
        assertRefusedAndUnchanged(partner.post(path, "{\"matchingType\":\"invoice\"}"), 400, "validation_failed",
                "records must hold at least one", before);
        assertRefusedAndUnchanged(partner.post(path, "{\"matchingType\":\"invoice\",\"records\":{}}"), 400,
                "validation_failed", "records must be an array", before);
        assertRefusedAndUnchanged(assign(transaction, "null"), 400, "validation_failed", "records[0] must be a JSON object", before);
        String many = String.join(",", java.util.Collections.nCopies(101, record(invoice, "1")));
        assertRefusedAndUnchanged(assign(transaction, many), 400, "validation_failed", "at most 100", before);
        String hundred = String.join(",", java.util.Collections.nCopies(100, record(invoice, "1")));
        assertThat(ok(assign(transaction, hundred)).data().get("assignedAmount").asInt()).isEqualTo(100);
    }

    @Test
    void aHugeRecordsArrayIsRefusedWhole() {
        String invoice = approvedInvoice("100");
        String transaction = income("100");
        Map<String, JsonNode> before = state(transaction, invoice);

        Reply reply = assign(transaction, String.join(",", java.util.Collections.nCopies(200_000, "{}")));

        assertRefusedAndUnchanged(reply, 400, "validation_failed", "records holds 200000 invoices; at most 100", before);
        assertRefusedAndUnchanged(assign(transaction, String.join(",", java.util.Collections.nCopies(10_000,
                record(invoice, "0.01")))), 400, "validation_failed", "records holds 10000 invoices; at most 100", before);
    }

    @Test
    void theParentCategoryAccountIsAnAccountOfTheChart() {
        String invoice = approvedInvoice("100");
        String transaction = income("100");
        Map<String, JsonNode> before = state(transaction, invoice);
        String path = TRANSACTIONS + "/" + transaction + "/assign-to-bills-invoices";
        String records = "\"records\":[" + record(invoice, "10") + "]";

        assertRefusedAndUnchanged(partner.post(path, "{\"matchingType\":\"invoice\"," + records + ",\"parentCategoryAccountUuid\":\""
                + UUID.randomUUID() + "\"}"), 404, "not_found", "parentCategoryAccountUuid", before);
        assertRefusedAndUnchanged(partner.post(path, "{\"matchingType\":\"invoice\"," + records + ",\"withCaution\":\"yes\"}"),
                400, "validation_failed", "withCaution must be true or false", before);
        ok(partner.post(path, "{\"matchingType\":\"invoice\"," + records + ",\"parentCategoryAccountUuid\":\""
                + DemoWorkspace.SALES_ACCOUNT + "\"}"));
    }

    @Test
    void anUnknownTransactionIsNotFound() {
        String invoice = approvedInvoice("100");
        Reply reply = assign(UUID.randomUUID().toString(), record(invoice, "10"));

        assertThat(reply.status()).isEqualTo(404);
        reply.assertErrorEnvelope(404);
        assertThat(invoice(invoice).dataText("amountPaid")).isEqualTo("0");
    }

    @Test
    void anAssignmentIsAuditedAsThePartners() {
        String invoice = approvedInvoice("240");
        String transaction = income("100");

        ok(assign(transaction, record(invoice, "90")));

        JsonNode entry = ok(partner.get("/partners/invoices/" + invoice + "/audit-log")).records().get(1);
        assertThat(entry.get("action").asText()).isEqualTo("payment_recorded");
        assertThat(entry.get("actor").asText()).isEqualTo("partner:" + DemoWorkspace.CLIENT_ID);
        assertThat(entry.get("changes").get("amountPaid").toString()).isEqualTo("{\"from\":0,\"to\":90}");
        assertThat(entry.get("changes").get("status").toString()).isEqualTo("{\"from\":\"approved\",\"to\":\"partial\"}");
        assertThat(entry.get("changes").get("payments").get("to").toString())
                .isEqualTo("[{\"transactionId\":\"" + transaction + "\",\"amount\":90}]");
    }

    @Test
    void removingATransactionRestoresBothBalances() {
        String invoice = approvedInvoice("100");
        String kept = income("30");
        String removed = income("200");
        ok(assign(kept, record(invoice, "30")));
        ok(assign(removed, record(invoice, "70")));
        assertThat(invoice(invoice).dataText("status")).isEqualTo("paid");

        Reply reply = ok(partner.patch("/partners/invoices/" + invoice + "/remove-transaction",
                "{\"transactionId\":\"" + removed + "\",\"withCaution\":true}"));

        assertThat(reply.dataText("id")).isEqualTo(invoice);
        assertThat(reply.text()).contains("\"paymentStatus\":\"partial\",\"status\":\"partial\"",
                "\"amountPaid\":30,\"creditsApplied\":0,\"balanceDue\":70");
        assertThat(ok(partner.get(TRANSACTIONS + "/" + removed)).text()).contains("\"assignedAmount\":0,\"unassignedAmount\":200,"
                + "\"invoicePayments\":[]");
        ok(removeTransaction(invoice, kept));
        assertThat(invoice(invoice).text()).contains("\"paymentStatus\":\"unpaid\",\"status\":\"approved\"", "\"balanceDue\":100");
        JsonNode entry = ok(partner.get("/partners/invoices/" + invoice + "/audit-log")).records().get(3);
        assertThat(entry.get("action").asText()).isEqualTo("payment_removed");
        assertThat(entry.get("actor").asText()).isEqualTo("partner:" + DemoWorkspace.CLIENT_ID);
        assertThat(entry.get("changes").get("balanceDue").toString()).isEqualTo("{\"from\":0,\"to\":70}");
    }

    @Test
    void removingATransactionThatIsNotAppliedToTheInvoiceIsNotFound() {
        String invoice = approvedInvoice("100");
        String other = approvedInvoice("100");
        String transaction = income("100");
        ok(assign(transaction, record(other, "10")));
        Map<String, JsonNode> before = state(transaction, invoice, other);

        assertRefusedAndUnchanged(removeTransaction(invoice, transaction), 404, "not_found", "transactionId", before);
        assertRefusedAndUnchanged(removeTransaction(invoice, UUID.randomUUID().toString()), 404, "not_found",
                "transactionId", before);
        assertRefusedAndUnchanged(removeTransaction(UUID.randomUUID().toString(), transaction), 404, "not_found", "uuid", before);
        assertRefusedAndUnchanged(partner.patch("/partners/invoices/" + invoice + "/remove-transaction", "{}"), 400,
                "validation_failed", "transactionId is required", before);
        assertRefusedAndUnchanged(partner.patch("/partners/invoices/" + invoice + "/remove-transaction",
                "{\"transactionId\":42}"), 400, "validation_failed", "transactionId must be a string", before);
    }

    @Test
    void anAppliedTransactionIsNotDeletedNorShrunkNorRetyped() {
        String invoice = approvedInvoice("100");
        String transaction = income("100");
        ok(assign(transaction, record(invoice, "60")));
        Map<String, JsonNode> before = state(transaction, invoice);
        String path = TRANSACTIONS + "/" + transaction;

        assertRefusedAndUnchanged(partner.delete(path), 400, "transaction_applied", "remove-transaction", before);
        assertRefusedAndUnchanged(partner.patch(path, "{\"amount\":59.99}"), 400, "amount_below_assigned", "amount", before);
        assertRefusedAndUnchanged(partner.patch(path, "{\"type\":\"Expense\"}"), 400, "transaction_applied", "type", before);
        assertThat(ok(partner.patch(path, "{\"amount\":60,\"description\":\"Acme\"}")).data().get("unassignedAmount").asInt()).isZero();

        ok(removeTransaction(invoice, transaction));
        ok(partner.patch(path, "{\"type\":\"Expense\",\"amount\":1}"));
        ok(partner.delete(path));
    }

    @Test
    void theAdminPaymentAndThePayButtonGoThroughTheSameRegister() {
        String invoice = approvedInvoice("100");
        server.demoWorkspace().recordPayment(UUID.fromString(invoice), new BigDecimal("40"));
        server.demoWorkspace().payBalance(UUID.fromString(invoice));

        JsonNode records = ok(partner.get(TRANSACTIONS)).records();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get("amount").asInt()).isEqualTo(60);
        assertThat(records.get(1).get("description").asText()).isEqualTo("Payment for Invoice INV-0001");
        String first = records.get(0).get("id").asText();

        ok(removeTransaction(invoice, first));
        assertThat(invoice(invoice).text()).contains("\"amountPaid\":60", "\"balanceDue\":40");
        assertThat(ok(partner.get("/partners/invoices/" + invoice + "/audit-log")).records().get(1).get("actor").asText())
                .isEqualTo("customer");
    }
}
