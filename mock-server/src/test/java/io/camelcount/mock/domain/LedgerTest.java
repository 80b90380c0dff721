package io.camelcount.mock.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The register's rules that the HTTP tests do not reach: a workspace without a bank account, types, merged payments. */
class LedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final UUID PRODUCT = UUID.randomUUID();

    /** A workspace whose chart has no accounts at all, as a seed may leave it. */
    private static Workspace workspaceWithoutAccounts() {
        Workspace workspace = new Workspace(UUID.randomUUID(), "Initech", "EUR", MockClock.fixed(NOW));
        workspace.addCustomer(new Customer(CUSTOMER, "Initech Accounts", null));
        workspace.addProduct(new Product(PRODUCT, "Audit", new BigDecimal("900"), UUID.randomUUID()));
        return workspace;
    }

    private static Invoice approvedInvoice(Workspace workspace) {
        return workspace.createInvoice(Actor.partner("crm"), new NewInvoice(CUSTOMER, LocalDate.of(2026, 11, 24), null,
                InvoiceType.INVOICE, null, null, null, null, null, null, false, null,
                List.of(new NewInvoiceLine(PRODUCT, null, BigDecimal.ONE, new BigDecimal("900")))));
    }

    @Test
    void aCustomersPaymentInAWorkspaceWithoutABankAccountIsATransactionOnNoAccount() {
        Workspace workspace = workspaceWithoutAccounts();
        Invoice invoice = approvedInvoice(workspace);

        Invoice paid = workspace.payBalance(invoice.uuid());

        assertThat(paid.balanceDue()).isZero();
        List<Transaction> register = workspace.transactions(new TransactionQuery(null, null, null, null, null));
        assertThat(register).singleElement().satisfies(deposit -> {
            assertThat(deposit.accountUuid()).isNull();
            assertThat(deposit.type()).isEqualTo(TransactionType.INCOME);
            assertThat(deposit.currency()).isEqualTo("EUR");
            assertThat(deposit.postedDate()).isEqualTo(LocalDate.of(2026, 11, 24));
            assertThat(deposit.payments()).containsExactly(new InvoicePayment(invoice.uuid(), new BigDecimal("900.00"), null));
            assertThat(paid.payments()).containsOnlyKeys(deposit.uuid());
        });
    }

    @Test
    void theTypeIsReadInCountsSpellingsOnly() {
        assertThat(TransactionType.fromWireName("Income")).contains(TransactionType.INCOME);
        assertThat(TransactionType.fromWireName(" expense ")).contains(TransactionType.EXPENSE);
        assertThat(TransactionType.fromWireName("Journal Entry")).contains(TransactionType.JOURNAL_ENTRY);
        assertThat(TransactionType.fromWireName("journal_entry")).contains(TransactionType.JOURNAL_ENTRY);
        assertThat(TransactionType.fromWireName("journal")).contains(TransactionType.JOURNAL_ENTRY);
        assertThat(TransactionType.fromWireName("TRANSFER")).contains(TransactionType.TRANSFER);
        assertThat(TransactionType.fromWireName("refund")).isEmpty();
        assertThat(TransactionType.fromWireName("")).isEmpty();
    }

    @Test
    void aSecondPaymentOfTheSameInvoiceAddsToTheFirstAndKeepsItsNotesUnlessNewOnesAreSent() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Transaction transaction = new Transaction(UUID.randomUUID(), TransactionType.INCOME, null, new BigDecimal("100.00"),
                LocalDate.of(2026, 11, 24), null, "GBP", null, null, List.of(), null, List.of(), NOW, NOW);

        Transaction paid = transaction.withPayment(a, new BigDecimal("10.00"), "first", NOW)
                .withPayment(b, new BigDecimal("5.00"), null, NOW)
                .withPayment(a, new BigDecimal("20.00"), null, NOW);

        assertThat(paid.payments()).containsExactly(new InvoicePayment(a, new BigDecimal("30.00"), "first"),
                new InvoicePayment(b, new BigDecimal("5.00"), null));
        assertThat(paid.withPayment(b, new BigDecimal("1.00"), "second", NOW).payments().get(1).notes()).isEqualTo("second");
        assertThat(paid.unassignedAmount()).isEqualByComparingTo("65");
        assertThat(paid.withoutPayment(a, NOW).payments()).extracting(InvoicePayment::invoiceUuid).containsExactly(b);
    }
}
