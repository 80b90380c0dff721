package io.camelcount.component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelcount.component.model.Account;
import io.camelcount.component.model.AuditLogEntry;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.InvoicePayment;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.Transaction;
import io.camelcount.component.model.TransactionAssignment;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments (contract §7) against the mock COUNT: a bank transaction created and assigned to an invoice in parts until
 * it is paid, each rule of an assignment refused without a change, a payment taken off an invoice again; and the
 * transactions' own list, get, update and delete.
 */
class TransactionOperationsTest extends MockCountTestSupport {

    private static final String ASSIGN = "count:transactions?operation=assignToInvoices";

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(testDay()).rateLimit(0));
    }

    /** The bank account as a route finds it: among the chart's assets, the one of sub-type Bank. */
    private String bankAccount() {
        Page<?> assets = result("count:accounts?operation=list&type=Assets", null, null, Page.class);
        return assets.records().stream().map(Account.class::cast)
                .filter(account -> account.getSubType() != null && "Bank".equals(account.getSubType().getName()))
                .map(Account::getUuid)
                .findFirst().orElseThrow(() -> new AssertionError("no bank account among " + assets.records()));
    }

    /** A bank transaction of {@code type} ({@code Income}, {@code Expense}…) from Acme. */
    private Transaction bankTransaction(String type, String amount, String reference, LocalDate postedDate) {
        Transaction request = new Transaction();
        request.setAccUuid(bankAccount());
        request.setType(type);
        request.setAmount(new BigDecimal(amount));
        request.setPostedDate(postedDate);
        request.setCustomerUuid(ACME);
        request.setDescription(reference);
        return result("count:transactions?operation=create", request, null, Transaction.class);
    }

    private Transaction income(String amount) {
        return bankTransaction("Income", amount, "Sale " + UUID.randomUUID(), mock.demoWorkspace().today());
    }

    private Transaction assign(Transaction transaction, TransactionAssignment assignment) {
        return result(ASSIGN, assignment, transaction.getUuid(), Transaction.class);
    }

    private static TransactionAssignment paying(Invoice invoice, String amount) {
        return new TransactionAssignment().pay(invoice.getUuid(), new BigDecimal(amount));
    }

    private Invoice reread(Invoice invoice) {
        return invoice("count:invoices?operation=get", null, invoice.getUuid());
    }

    private Transaction reread(Transaction transaction) {
        return result("count:transactions?operation=get", null, transaction.getUuid(), Transaction.class);
    }

    /** An approved {@code estimate} or {@code memo} (credit memo) for Acme: documents that are not owed. */
    private Invoice approvedDocument(String invoiceType) {
        Invoice request = invoiceRequest(ACME, CONSULTING_HOUR, "1", "100");
        request.setInvoiceType(invoiceType);
        request.setIsDraft(false);
        return invoice("count:invoices?operation=create", request, null);
    }

    /**
     * Asserts that COUNT refused the call with {@code type} and its machine {@code code}, and that the transaction's
     * unassigned amount and payments and each invoice's balance, payments and status are still as they were
     * ({@code transaction} and {@code invoices} as read before the call): a refused request changes nothing.
     */
    private <E extends CountApiException> void assertRefusedAndUnchanged(Exchange attempt, Class<E> type, String code,
                                                                         Transaction transaction, Invoice... invoices) {
        assertThat(attempt.getException()).isInstanceOfSatisfying(type, e -> {
            assertThat(e.wasSent()).isTrue();
            assertThat(e.getCode()).isEqualTo(code);
        });
        Transaction now = reread(transaction);
        assertThat(now.getUnassignedAmount()).as("unassigned amount").isEqualByComparingTo(transaction.getUnassignedAmount());
        assertThat(now.getInvoicePayments()).extracting(InvoicePayment::getInvoiceUuid)
                .containsExactlyElementsOf(transaction.getInvoicePayments().stream().map(InvoicePayment::getInvoiceUuid).toList());
        for (Invoice before : invoices) {
            Invoice after = reread(before);
            assertThat(after.getBalanceDue()).as("balance due").isEqualByComparingTo(before.getBalanceDue());
            assertThat(after.getAmountPaid()).as("amount paid").isEqualByComparingTo(before.getAmountPaid());
            assertThat(after.getStatus()).isEqualTo(before.getStatus());
        }
    }

    @Test
    void aPaymentAssignedInTwoPartsPaysTheInvoice() {
        Invoice invoice = createApproved(ACME, "300");
        Transaction payment = income("300");
        assertThat(payment.getUuid()).isNotBlank();
        assertThat(payment.getAmount()).isEqualByComparingTo("300");
        assertThat(payment.getType()).isEqualTo("Income");

        Transaction afterFirst = assign(payment, paying(invoice, "100"));

        assertThat(afterFirst.getUnassignedAmount()).isEqualByComparingTo("200");
        Invoice partial = reread(invoice);
        assertThat(partial.getStatus()).isEqualTo("partial");
        assertThat(partial.getAmountPaid()).isEqualByComparingTo("100");
        assertThat(partial.getBalanceDue()).isEqualByComparingTo("200");

        // The rest as a YAML route writes it: JSON text, the transaction named by the plain uuid option.
        Exchange rest = callWith(ASSIGN + "&uuid=" + payment.getUuid(),
                "{\"records\": [{\"id\": \"" + invoice.getUuid() + "\", \"paymentAmount\": \"200.00\", \"notes\": \"rest\"}]}",
                Map.of());

        assertThat(rest.getException()).isNull();
        Transaction afterRest = rest.getMessage().getBody(Transaction.class);
        assertThat(afterRest.getUnassignedAmount()).isEqualByComparingTo("0");
        assertThat(afterRest.getInvoicePayments()).extracting(InvoicePayment::getInvoiceUuid).containsOnly(invoice.getUuid());
        assertThat(afterRest.getInvoicePayments().stream().map(InvoicePayment::getPaymentAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("300");
        Exchange paid = call("count:invoices?operation=get", null, invoice.getUuid());
        assertThat(paid.getMessage().getBody(Invoice.class).getBalanceDue()).isEqualByComparingTo("0");
        assertThat(paid.getMessage().getHeader(CountConstants.STATUS)).isEqualTo("paid");
    }

    @Test
    void aPaymentOverTheInvoicesBalanceIsRefusedAndChangesNothing() {
        Invoice small = createApproved(ACME, "80");
        Transaction payment = income("100");

        Exchange overTheBalance = call(ASSIGN, paying(small, "80.01"), payment.getUuid());

        assertRefusedAndUnchanged(overTheBalance, CountValidationException.class, "payment_exceeds_balance", payment, small);
        assertThat(reread(small).getBalanceDue()).isEqualByComparingTo("80");
        assertThat(reread(small).getStatus()).isEqualTo("approved");
    }

    @Test
    void paymentsTogetherOverTheTransactionsUnassignedAmountAreRefusedAndChangeNothing() {
        Invoice small = createApproved(ACME, "80");
        Invoice large = createApproved(ACME, "500");
        Transaction payment = income("100");

        // Each record within its invoice's balance, their sum over the transaction's amount: one bad line, no change.
        Exchange overTheTransaction = call(ASSIGN, paying(small, "50").pay(large.getUuid(), new BigDecimal("60")),
                payment.getUuid());

        assertRefusedAndUnchanged(overTheTransaction, CountValidationException.class, "payment_exceeds_unassigned",
                payment, small, large);
        assertThat(reread(small).getBalanceDue()).isEqualByComparingTo("80");
        assertThat(reread(large).getBalanceDue()).isEqualByComparingTo("500");
        Transaction unchanged = reread(payment);
        assertThat(unchanged.getUnassignedAmount()).isEqualByComparingTo("100");
        assertThat(unchanged.getInvoicePayments()).isEmpty();
    }

    @Test
    void oneBadRecordRefusesTheWholeAssignment() {
        Invoice good = createApproved(ACME, "100");
        Invoice small = createApproved(ACME, "20");
        Transaction payment = income("100");

        Exchange attempt = call(ASSIGN, paying(good, "60").pay(small.getUuid(), new BigDecimal("20.01")), payment.getUuid());

        assertRefusedAndUnchanged(attempt, CountValidationException.class, "payment_exceeds_balance", payment, good, small);
        Invoice stillOwed = reread(good);
        assertThat(stillOwed.getPaymentStatus()).as("the good record was not recorded either").isEqualTo("unpaid");
        assertThat(stillOwed.getAmountPaid()).isEqualByComparingTo("0");
    }

    @Test
    void onlyAnApprovedInvoiceTakesAPaymentNotADraft() {
        Invoice draft = createDraft();
        Transaction payment = income("100");

        Exchange attempt = call(ASSIGN, paying(draft, "10"), payment.getUuid());

        assertRefusedAndUnchanged(attempt, CountValidationException.class, "invoice_not_approved", payment, draft);
        assertThat(reread(draft).getStatus()).isEqualTo("draft");
    }

    @Test
    void neitherAnEstimateNorACreditMemoTakesAPayment() {
        Transaction payment = income("100");

        for (Invoice notOwed : List.of(approvedDocument("estimate"), approvedDocument("memo"))) {
            Exchange attempt = call(ASSIGN, paying(notOwed, "10"), payment.getUuid());

            assertRefusedAndUnchanged(attempt, CountValidationException.class, "not_payable", payment, notOwed);
        }
    }

    @Test
    void anInvoiceIsPaidWithAnIncomeTransactionNotAnExpense() {
        Invoice invoice = createApproved(ACME, "100");
        Transaction expense = bankTransaction("Expense", "100", "Refund " + UUID.randomUUID(), mock.demoWorkspace().today());

        Exchange attempt = call(ASSIGN, paying(invoice, "10"), expense.getUuid());

        assertRefusedAndUnchanged(attempt, CountValidationException.class, "transaction_not_income", expense, invoice);
    }

    @Test
    void eachPaymentAmountIsAboveZero() {
        Invoice invoice = createApproved(ACME, "100");
        Transaction payment = income("100");

        for (String amount : List.of("0", "-1", "-0.01")) {
            Exchange attempt = call(ASSIGN, paying(invoice, amount), payment.getUuid());

            assertRefusedAndUnchanged(attempt, CountValidationException.class, "validation_failed", payment, invoice);
        }
    }

    @Test
    void aPaymentIsRecordedInTheInvoicesAuditLog() {
        Invoice invoice = createApproved(ACME, "240");
        Transaction payment = income("90");
        assign(payment, paying(invoice, "90"));

        List<?> entries = result("count:invoices?operation=auditLog", null, invoice.getUuid(), List.class);

        // The action's name is the mock's: COUNT does not document its names for audit actions.
        assertThat(entries.stream().map(AuditLogEntry.class::cast).filter(entry -> "payment_recorded".equals(entry.getAction())))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.getChanges()).containsEntry("amountPaid", Map.of("from", 0, "to", 90))
                            .containsEntry("status", Map.of("from", "approved", "to", "partial"));
                    assertThat(entry.getChanges().get("payments")).asString().contains(payment.getUuid());
                });
    }

    @Test
    void removingAPaymentRestoresTheInvoicesBalance() {
        Invoice invoice = createApproved(ACME, "150");
        Transaction first = income("100");
        Transaction second = income("50");
        assign(first, paying(invoice, "100"));
        assign(second, paying(invoice, "50"));
        assertThat(reread(invoice).getStatus()).isEqualTo("paid");

        Invoice afterRemoval = invoice("count:invoices?operation=removeTransaction",
                Map.of("transactionId", first.getUuid()), invoice.getUuid());

        assertThat(afterRemoval.getBalanceDue()).isEqualByComparingTo("100");
        assertThat(afterRemoval.getAmountPaid()).isEqualByComparingTo("50");
        assertThat(afterRemoval.getStatus()).isEqualTo("partial");
        assertThat(reread(first).getUnassignedAmount()).isEqualByComparingTo("100");

        Exchange again = call("count:invoices?operation=removeTransaction", Map.of("transactionId", first.getUuid()),
                invoice.getUuid());
        assertThat(again.getException()).as("that transaction no longer pays the invoice")
                .isInstanceOf(CountNotFoundException.class);
        assertThat(reread(invoice).getBalanceDue()).isEqualByComparingTo("100");
    }

    @Test
    void removingATransactionThatPaysAnotherInvoiceIsNotFound() {
        Invoice invoice = createApproved(ACME, "100");
        Invoice other = createApproved(ACME, "100");
        Transaction payment = assign(income("100"), paying(other, "10"));
        Invoice otherPartlyPaid = reread(other);

        Exchange attempt = call("count:invoices?operation=removeTransaction", Map.of("transactionId", payment.getUuid()),
                invoice.getUuid());

        assertRefusedAndUnchanged(attempt, CountNotFoundException.class, "not_found", payment, invoice, otherPartlyPaid);
        assertThat(reread(other).getAmountPaid()).isEqualByComparingTo("10");
    }

    @Test
    void transactionsAreListedByReferenceAndPostedDateReadUpdatedAndDeleted() {
        String reference = "Sale " + UUID.randomUUID();
        // As a YAML route sends it: a map with COUNT's other name for the posted day.
        Map<String, Object> early = new LinkedHashMap<>();
        early.put("accUuid", bankAccount());
        early.put("type", "income");
        early.put("amount", 20);
        early.put("date", "2026-11-02");
        early.put("description", reference + " deposit");
        Transaction first = result("count:transactions?operation=create", early, null, Transaction.class);
        Transaction second = bankTransaction("Income", "35.5", reference + " balance", LocalDate.of(2026, 11, 20));
        assertThat(first.getPostedDate()).isEqualTo(LocalDate.of(2026, 11, 2));

        Page<?> both = callWith("count:transactions?operation=list", null, Map.of(CountConstants.SEARCH, reference))
                .getMessage().getBody(Page.class);
        Page<?> later = result("count:transactions?operation=list&startDate=2026-11-10&endDate=2026-11-30&search="
                               + reference.substring(5), null, null, Page.class);

        assertThat(both.records()).extracting(record -> ((Transaction) record).getUuid())
                .containsExactlyInAnyOrder(first.getUuid(), second.getUuid());
        assertThat(later.records()).extracting(record -> ((Transaction) record).getUuid()).containsExactly(second.getUuid());

        Transaction read = result("count:transactions?operation=get", null, second.getUuid(), Transaction.class);
        assertThat(read.getDescription()).isEqualTo(reference + " balance");
        assertThat(read.getAmount()).isEqualByComparingTo("35.50");

        Transaction updated = result("count:transactions?operation=update", Map.of("notes", "Reconciled"),
                second.getUuid(), Transaction.class);
        assertThat(updated.getNotes()).isEqualTo("Reconciled");
        assertThat(updated.getAmount()).isEqualByComparingTo("35.50");
        assertThat(updated.getDescription()).isEqualTo(reference + " balance");

        deleteAndCheckGone("transactions", first.getUuid());
    }

    @Test
    void aTransactionThatPaysAnInvoiceIsDeletedOnlyOnceItIsRemoved() {
        Invoice invoice = createApproved(ACME, "40");
        Transaction payment = income("40");
        assign(payment, paying(invoice, "40"));

        Exchange refused = call("count:transactions?operation=delete", null, payment.getUuid());

        assertThat(refused.getException()).isInstanceOfSatisfying(CountValidationException.class,
                e -> assertThat(e.getCode()).isEqualTo("transaction_applied"));
        assertThat(reread(invoice).getStatus()).isEqualTo("paid");
        invoice("count:invoices?operation=removeTransaction", Map.of("transactionId", payment.getUuid()), invoice.getUuid());
        assertThat(call("count:transactions?operation=delete", null, payment.getUuid()).getException()).isNull();
        assertThat(reread(invoice).getBalanceDue()).isEqualByComparingTo("40");
    }

    @Test
    void aCreateWithoutItsBankAccountFailsBeforeSending() {
        long createsBefore = requestsTo("POST", "/partners/transactions");

        Exchange attempt = call("count:transactions?operation=create",
                Map.of("amount", 10, "postedDate", "2026-11-24", "type", "Income"), null);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isFalse();
            assertThat(e.getField()).isEqualTo("accUuid");
        });
        assertThat(requestsTo("POST", "/partners/transactions")).isEqualTo(createsBefore);
    }

    @Test
    void anAssignmentNeedsItsRecordsNotThePreviousStepsTransaction() {
        Transaction payment = income("10");

        // The create's result flowing on: it names the transaction, but it is not an assignment.
        Exchange attempt = call(ASSIGN, payment, null);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isFalse();
            assertThat(e.getField()).isEqualTo("records");
        });
    }

    @Test
    void billsAreOutOfScopeAndCountSaysSo() {
        Invoice invoice = createApproved(ACME, "25");
        Transaction payment = income("25");
        TransactionAssignment asBill = paying(invoice, "25");
        asBill.setMatchingType("bill");

        Exchange refused = call(ASSIGN, asBill, payment.getUuid());

        assertThat(refused.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isTrue();
            assertThat(e.getCode()).isEqualTo("bills_not_supported");
        });
        assertThat(reread(invoice).getBalanceDue()).isEqualByComparingTo("25");
    }
}
