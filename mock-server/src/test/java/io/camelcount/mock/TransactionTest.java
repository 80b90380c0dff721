package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bank register (contract §7): transactions created, listed, read, changed and deleted by a partner. */
class TransactionTest extends DemoWorkspaceTest {

    static final String BANK = DemoWorkspace.BANK_ACCOUNT.toString();
    static final String SALES = DemoWorkspace.SALES_ACCOUNT.toString();
    static final String PURCHASES = DemoWorkspace.PURCHASES_ACCOUNT.toString();
    static final String TRANSACTIONS = "/partners/transactions";

    /** An Income transaction of {@code amount} on the demo bank account, dated 2026-11-24. */
    static String deposit(String amount) {
        return "{\"accUuid\":\"" + BANK + "\",\"amount\":" + amount + ",\"postedDate\":\"2026-11-24\",\"type\":\"Income\"}";
    }

    private Reply createTransaction(String body) {
        return partner.post(TRANSACTIONS, body);
    }

    @Test
    void aCreatedTransactionAnswersItsFieldsAndWhatIsLeftToAssign() {
        Reply reply = created(createTransaction("{\"accUuid\":\"" + BANK + "\",\"amount\":\"120.50\",\"date\":\"2026-11-20\","
                + "\"type\":\"income\",\"description\":\"Acme transfer\",\"customerUuid\":\"" + Bodies.ACME + "\","
                + "\"categoryAccountUuid\":\"" + SALES + "\",\"notes\":\"ref 42\"}"));

        assertThat(reply.text()).contains("\"type\":\"Income\",\"accUuid\":\"" + BANK + "\",\"amount\":120.5,"
                + "\"postedDate\":\"2026-11-20\",\"description\":\"Acme transfer\",\"currency\":\"GBP\",\"customerUuid\":\""
                + Bodies.ACME + "\",\"categoryAccountUuid\":\"" + SALES + "\",\"tagUuids\":[],\"notes\":\"ref 42\","
                + "\"assignedAmount\":0,\"unassignedAmount\":120.5,\"invoicePayments\":[]");
        String id = reply.dataText("id");
        assertThat(ok(partner.get(TRANSACTIONS + "/" + id)).data()).isEqualTo(reply.data());
    }

    @Test
    void theTypeIsNormalisedOrFollowsFromTheCategory() {
        assertThat(created(createTransaction(deposit("1").replace("\"Income\"", "\"journal_entry\""))).dataText("type"))
                .isEqualTo("Journal Entry");
        assertThat(created(createTransaction(deposit("1").replace("\"Income\"", "\"JOURNAL\""))).dataText("type"))
                .isEqualTo("Journal Entry");
        assertThat(created(createTransaction("{\"accUuid\":\"" + BANK + "\",\"amount\":1,\"postedDate\":\"2026-11-24\","
                + "\"categoryAccountUuid\":\"" + PURCHASES + "\"}")).dataText("type")).isEqualTo("Expense");
        assertThat(created(createTransaction("{\"accUuid\":\"" + BANK + "\",\"amount\":1,\"postedDate\":\"2026-11-24\","
                + "\"categoryAccountUuid\":\"" + SALES + "\"}")).dataText("type")).isEqualTo("Income");
        assertRefused(createTransaction("{\"accUuid\":\"" + BANK + "\",\"amount\":1,\"postedDate\":\"2026-11-24\"}"),
                400, "validation_failed", "type is required");
    }

    @Test
    void aTransactionIsRefusedWhenTheRulesSayNo() {
        String unknown = UUID.randomUUID().toString();
        assertRefused(createTransaction("{\"amount\":1,\"postedDate\":\"2026-11-24\",\"type\":\"Income\"}"),
                400, "validation_failed", "accUuid is required");
        assertRefused(createTransaction(deposit("1").replace(BANK, SALES)), 400, "not_a_bank_account", "accUuid");
        assertRefused(createTransaction(deposit("1").replace(BANK, unknown)), 404, "not_found", "accUuid");
        assertRefused(createTransaction(deposit("0")), 400, "validation_failed", "amount must be greater than 0");
        assertRefused(createTransaction(deposit("-5")), 400, "validation_failed", "amount must be greater than 0");
        assertRefused(createTransaction(deposit("1.001")), 400, "validation_failed", "amount must have at most 2 decimals");
        assertRefused(createTransaction(deposit("\"ten\"")), 400, "validation_failed", "amount must be a number");
        assertRefused(createTransaction(deposit("null")), 400, "validation_failed", "amount is required");
        assertRefused(createTransaction(deposit("1").replace(",\"postedDate\":\"2026-11-24\"", "")),
                400, "validation_failed", "postedDate (or its alias date) is required");
        assertRefused(createTransaction(deposit("1").replace("2026-11-24", "24/11/2026")),
                400, "validation_failed", "postedDate must be a date as YYYY-MM-DD");
        assertRefused(createTransaction(Bodies.with(deposit("1"), "\"date\":\"2026-11-25\"")),
                400, "validation_failed", "date is an alias of postedDate");
        assertRefused(createTransaction(deposit("1").replace("Income", "Refund")), 400, "validation_failed", "type must be one of");
        assertRefused(createTransaction(Bodies.with(deposit("1"), "\"customerUuid\":\"" + unknown + "\"")),
                404, "not_found", "customerUuid");
        assertRefused(createTransaction(Bodies.with(deposit("1"), "\"categoryAccountUuid\":\"" + unknown + "\"")),
                404, "not_found", "categoryAccountUuid");
        assertRefused(createTransaction(Bodies.with(deposit("1"), "\"tagUuids\":[\"" + unknown + "\"]")),
                404, "not_found", "tagUuids[0]");
        assertRefused(createTransaction(Bodies.with(deposit("1"), "\"currency\":\"pounds\"")),
                400, "validation_failed", "currency must be a three-letter");

        assertThat(ok(partner.get(TRANSACTIONS)).records()).isEmpty();
    }

    @Test
    void wrongTypesAndNullsAreRefusedNamingTheFieldAndChangeNothing() {
        Map<String, String> wrong = Map.of("accUuid", "1", "amount", "true", "postedDate", "20261124", "type", "5",
                "description", "{}", "currency", "[]", "customerUuid", "\"acme\"", "categoryAccountUuid", "7",
                "tagUuids", "\"" + UUID.randomUUID() + "\"", "notes", "false");
        wrong.forEach((field, value) -> assertRefused(createTransaction(body(field, value)), 400, "validation_failed", field));
        for (String field : new String[] {"accUuid", "amount", "postedDate"}) {
            assertRefused(createTransaction(body(field, "null")), 400, "validation_failed", field);
        }
        assertRefused(createTransaction(body("tagUuids", "[null]")), 400, "validation_failed", "tagUuids[0] must be a UUID");
        assertRefused(createTransaction(body("amount", "1e400")), 400, "validation_failed", "amount must be below 1e15");
        assertRefused(createTransaction(""), 400, "validation_failed", "body is empty");
        assertRefused(createTransaction("[]"), 400, "validation_failed", "JSON object");

        assertThat(ok(partner.get(TRANSACTIONS)).records()).isEmpty();
    }

    /** A valid transaction but for {@code field}, which is {@code value} (raw JSON). */
    private static String body(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("accUuid", "\"" + BANK + "\"");
        fields.put("amount", "1");
        fields.put("postedDate", "\"2026-11-24\"");
        fields.put("type", "\"Income\"");
        fields.put(field, value);
        return fields.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Test
    void theListPagesSearchesAndFiltersByDate() {
        for (int day = 20; day <= 24; day++) {
            created(createTransaction("{\"accUuid\":\"" + BANK + "\",\"amount\":" + day + ",\"postedDate\":\"2026-11-" + day
                    + "\",\"type\":\"Income\",\"description\":\"Deposit " + day + "\"}"));
        }
        created(createTransaction(deposit("5").replace("\"Income\"", "\"Expense\"")));

        Reply page = ok(partner.get(TRANSACTIONS + "?page=2&limit=2"));
        assertThat(page.recordTexts("description")).containsExactly("Deposit 22", "Deposit 23");
        assertThat(page.text()).contains("\"page\":2,\"limit\":2,\"totalRecords\":6,\"totalPages\":3");
        assertThat(ok(partner.get(TRANSACTIONS + "?startDate=2026-11-21&endDate=2026-11-23")).recordTexts("postedDate"))
                .containsExactly("2026-11-21", "2026-11-22", "2026-11-23");
        assertThat(ok(partner.get(TRANSACTIONS + "?search=deposit%2022")).recordTexts("amount")).containsExactly("22");
        assertThat(ok(partner.get(TRANSACTIONS + "?type=expense")).recordTexts("amount")).containsExactly("5");
        assertThat(ok(partner.get(TRANSACTIONS + "?accUuid=" + BANK)).records()).hasSize(6);
        assertRefused(partner.get(TRANSACTIONS + "?startDate=2026-11-23&endDate=2026-11-21"), 400, "validation_failed", "endDate");
        assertRefused(partner.get(TRANSACTIONS + "?startDate=yesterday"), 400, "validation_failed", "startDate");
    }

    @Test
    void anUpdateChangesOnlyTheFieldsSent() {
        String id = created(createTransaction(Bodies.with(deposit("100"), "\"description\":\"Deposit\",\"notes\":\"n\""))).dataText("id");

        Reply updated = ok(partner.patch(TRANSACTIONS + "/" + id, "{\"amount\":\"150.25\",\"date\":\"2026-11-25\",\"notes\":null,\"id\":\"x\"}"));

        assertThat(updated.text()).contains("\"amount\":150.25,\"postedDate\":\"2026-11-25\",\"description\":\"Deposit\"",
                "\"notes\":null", "\"unassignedAmount\":150.25", "\"_partnerWarnings\":[{\"field\":\"id\",\"reason\":\"internal_only\"");
        assertRefused(partner.patch(TRANSACTIONS + "/" + id, "{\"amount\":0}"), 400, "validation_failed", "amount");
        assertRefused(partner.patch(TRANSACTIONS + "/" + id, "{\"accUuid\":\"" + SALES + "\"}"), 400, "not_a_bank_account", "accUuid");
        assertThat(ok(partner.get(TRANSACTIONS + "/" + id)).data()).isEqualTo(updated.data());
    }

    @Test
    void aTransactionIsDeletedUnlessItPaysAnInvoice() {
        String id = created(createTransaction(deposit("100"))).dataText("id");

        Reply deleted = ok(partner.delete(TRANSACTIONS + "/" + id));

        assertThat(deleted.text()).contains("\"id\":\"" + id + "\",\"isDeleted\":true");
        assertRefused(partner.get(TRANSACTIONS + "/" + id), 404, "not_found", id);
        assertRefused(partner.delete(TRANSACTIONS + "/" + id), 404, "not_found", id);
    }

    @Test
    void aCustomersPaymentIsAnIncomeTransactionOnTheBankAccount() {
        String invoice = approvedInvoice("240");

        server.demoWorkspace().recordPayment(UUID.fromString(invoice), new BigDecimal("90"));

        Reply list = ok(partner.get(TRANSACTIONS));
        assertThat(list.records()).hasSize(1);
        assertThat(list.records().get(0).toString()).contains("\"type\":\"Income\",\"accUuid\":\"" + BANK + "\",\"amount\":90,"
                + "\"postedDate\":\"2026-11-24\"", "\"customerUuid\":\"" + Bodies.ACME + "\"",
                "\"assignedAmount\":90,\"unassignedAmount\":0,\"invoicePayments\":[{\"invoiceUuid\":\"" + invoice
                        + "\",\"paymentAmount\":90,\"notes\":null}]");
    }
}
