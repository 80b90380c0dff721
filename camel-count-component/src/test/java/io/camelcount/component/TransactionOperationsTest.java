package io.camelcount.component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.camelcount.component.model.Account;
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
 * it is paid, an over-payment refused without a change, a payment taken off an invoice again; and the transactions'
 * own list, get, update and delete.
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

    private Transaction income(String amount, String reference, LocalDate postedDate) {
        Transaction request = new Transaction();
        request.setAccUuid(bankAccount());
        request.setType("Income");
        request.setAmount(new BigDecimal(amount));
        request.setPostedDate(postedDate);
        request.setCustomerUuid(ACME);
        request.setDescription(reference);
        return result("count:transactions?operation=create", request, null, Transaction.class);
    }

    private Transaction income(String amount) {
        return income(amount, "Sale " + UUID.randomUUID(), mock.demoWorkspace().today());
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
    void anOverPaymentIsRefusedAndChangesNothing() {
        Invoice small = createApproved(ACME, "80");
        Invoice large = createApproved(ACME, "500");
        Transaction payment = income("100");

        Exchange overTheBalance = call(ASSIGN, paying(small, "80.01"), payment.getUuid());
        // Each record within its invoice's balance, their sum over the transaction's amount: one bad line, no change.
        Exchange overTheTransaction = call(ASSIGN, paying(small, "50").pay(large.getUuid(), new BigDecimal("60")),
                payment.getUuid());

        assertThat(overTheBalance.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isTrue();
            assertThat(e.getCode()).isEqualTo("payment_exceeds_balance");
        });
        assertThat(overTheTransaction.getException()).isInstanceOfSatisfying(CountValidationException.class,
                e -> assertThat(e.getCode()).isEqualTo("payment_exceeds_unassigned"));
        assertThat(reread(small).getBalanceDue()).isEqualByComparingTo("80");
        assertThat(reread(small).getStatus()).isEqualTo("approved");
        assertThat(reread(large).getBalanceDue()).isEqualByComparingTo("500");
        Transaction unchanged = result("count:transactions?operation=get", null, payment.getUuid(), Transaction.class);
        assertThat(unchanged.getUnassignedAmount()).isEqualByComparingTo("100");
        assertThat(unchanged.getInvoicePayments()).isEmpty();
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
        assertThat(result("count:transactions?operation=get", null, first.getUuid(), Transaction.class)
                .getUnassignedAmount()).isEqualByComparingTo("100");

        Exchange again = call("count:invoices?operation=removeTransaction", Map.of("transactionId", first.getUuid()),
                invoice.getUuid());
        assertThat(again.getException()).as("that transaction no longer pays the invoice")
                .isInstanceOf(CountNotFoundException.class);
        assertThat(reread(invoice).getBalanceDue()).isEqualByComparingTo("100");
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
        Transaction second = income("35.5", reference + " balance", LocalDate.of(2026, 11, 20));
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
