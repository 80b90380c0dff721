package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The money that moves between documents: memos' credit applied to invoices (each request all or nothing, see
 * {@link CreditRequest}), and the bank register, whose transactions pay invoices (contract §7, see
 * {@link PaymentRequest}). It holds the transactions; the documents are the workspace's, which it reads and stores. It
 * runs under the workspace's lock, so that invoices, credits, payments and templates change together.
 */
final class Ledger {

    /** Decision (mock): as many records as COUNT's bulk routes take rows (count-cli: at most 100); COUNT's own cap is unknown. */
    static final int LARGEST_ASSIGNMENT = 100;
    private static final String TRANSACTION = "transaction";

    /** Replaces a document, audits the change with these facts and returns the new version. */
    @FunctionalInterface
    interface Store {
        Invoice store(String action, Actor actor, Invoice before, Invoice after, Map<String, Object> facts);
    }

    /** A stored document, or a refusal (not found, or a conflict) naming the field. */
    private final BiFunction<UUID, String, Invoice> existing;
    /** The stored version of a document, or null. */
    private final Function<UUID, Invoice> stored;
    private final Store store;
    private final Supplier<Instant> now;
    /** The workspace's accounts, customers and tags, which transactions refer to. */
    private final Catalogue catalogue;
    private final Supplier<LocalDate> today;
    /** The workspace's currency, a transaction's when it names none. */
    private final String currency;
    /** The register, in creation order. */
    private final Map<UUID, Transaction> transactions = new LinkedHashMap<>();
    /** Where the register's changes are recorded, for the workspace's webhooks; the documents' go through the store. */
    private final DomainEvents events;

    Ledger(BiFunction<UUID, String, Invoice> existing, Function<UUID, Invoice> stored, Store store, Supplier<Instant> now,
           Catalogue catalogue, Supplier<LocalDate> today, String currency, DomainEvents events) {
        this.existing = existing;
        this.stored = stored;
        this.store = store;
        this.now = now;
        this.catalogue = catalogue;
        this.today = today;
        this.currency = currency;
        this.events = events;
    }

    Invoice applyCreditMemos(Actor actor, UUID invoiceUuid, List<CreditLine> lines) {
        CreditRequest request = new CreditRequest(existing, now.get());
        request.document(invoiceUuid, "uuid");
        CreditRequest.requireLines(lines, "creditMemos");
        for (int i = 0; i < lines.size(); i++) {
            String line = "creditMemos[" + i + "]";
            Invoice memo = request.document(required(lines.get(i).id(), line + ".id"), line + ".id");
            request.credit(memo, request.document(invoiceUuid, "uuid"), lines.get(i).amount(),
                    new CreditRequest.Fields(line + ".id", "uuid", line + ".id", line + ".amount"));
        }
        commit("credit_applied", actor, request.documents());
        return request.document(invoiceUuid, "uuid");
    }

    Invoice applyMemoToInvoices(Actor actor, UUID memoUuid, List<CreditLine> lines) {
        CreditRequest request = new CreditRequest(existing, now.get());
        request.document(memoUuid, "uuid");
        CreditRequest.requireLines(lines, "invoices");
        for (int i = 0; i < lines.size(); i++) {
            String line = "invoices[" + i + "]";
            Invoice target = request.document(required(lines.get(i).id(), line + ".id"), line + ".id");
            request.credit(request.document(memoUuid, "uuid"), target, lines.get(i).amount(),
                    new CreditRequest.Fields("uuid", line + ".id", line + ".id", line + ".amount"));
        }
        commit("credit_applied", actor, request.documents());
        return request.document(memoUuid, "uuid");
    }

    Invoice removeCredit(Actor actor, UUID invoiceUuid, UUID memoUuid) {
        Invoice invoice = existing.apply(invoiceUuid, "uuid");
        required(memoUuid, "memoId");
        if (invoice.invoiceType() != InvoiceType.INVOICE) {
            throw DomainException.ruleOnField("not_creditable", "uuid", "uuid: " + invoice.label()
                    + " carries no credit; remove a credit from the invoice it was applied to");
        }
        if (invoice.creditWith(memoUuid).signum() == 0) {
            throw DomainException.notFound("memoId", "memoId: credit memo " + memoUuid + " is not applied to "
                    + invoice.label());
        }
        Invoice memo = existing.apply(memoUuid, "memoId");
        Instant at = now.get();
        store.store("credit_removed", actor, memo, memo.withoutCredit(invoiceUuid, at), Map.of());
        return store.store("credit_removed", actor, invoice, invoice.withoutCredit(memoUuid, at), Map.of());
    }

    /**
     * A customer's payment (the admin API, the public page's Pay button) goes through the register as a partner's
     * does: an Income transaction of the amount, dated today, on the workspace's first bank or cash account, applied
     * whole to the invoice, so that a partner listing transactions sees it. Its description is the mock's own.
     */
    Invoice recordPayment(UUID invoiceUuid, BigDecimal amount) {
        Invoice invoice = existing.apply(invoiceUuid, "uuid");
        PaymentRequest.Fields fields = new PaymentRequest.Fields(null, "amount");
        BigDecimal payment = PaymentRequest.requirePayable(invoice, amount, fields);
        UUID bankAccount = catalogue.accounts().stream().filter(Account::bankOrCash).map(Account::uuid).findFirst().orElse(null);
        Instant at = now.get();
        Transaction deposit = new Transaction(UUID.randomUUID(), TransactionType.INCOME, bankAccount, payment, today.get(),
                "Payment for " + invoice.label(), invoice.currency(), invoice.customerUuid(), null, List.of(), null,
                List.of(), at, at);
        PaymentRequest request = new PaymentRequest(existing, deposit, at);
        request.pay(invoiceUuid, payment, null, fields);
        commit(Actor.CUSTOMER, request);
        return stored.apply(invoiceUuid);
    }

    Invoice payBalance(UUID invoiceUuid) {
        Invoice invoice = existing.apply(invoiceUuid, "uuid");
        return invoice.balanceDue().signum() == 0 ? invoice : recordPayment(invoiceUuid, invoice.balanceDue());
    }

    // ----- the register

    Transaction createTransaction(NewTransaction request) {
        request.validate();
        TransactionType type = resolve(request);
        Transaction transaction = Transaction.create(UUID.randomUUID(), request, type, currencyOf(request), now.get());
        put(null, transaction);
        return transaction;
    }

    Transaction transaction(UUID transactionUuid) {
        Transaction transaction = transactions.get(transactionUuid);
        if (transaction == null) {
            throw DomainException.notFound("uuid", "Transaction " + transactionUuid + " not found in this workspace");
        }
        return transaction;
    }

    List<Transaction> transactions(TransactionQuery query) {
        return transactions.values().stream().filter(query::matches).toList();
    }

    List<Transaction> transactions() {
        return List.copyOf(transactions.values());
    }

    /** A transaction exactly as a data directory kept it. */
    void restore(Transaction transaction) {
        transactions.put(transaction.uuid(), transaction);
    }

    /**
     * The fields sent replace the current ones and the result is checked like a create; while the transaction pays
     * invoices it stays an Income transaction of at least what it paid.
     */
    Transaction updateTransaction(UUID transactionUuid, TransactionUpdate update) {
        Transaction current = transaction(transactionUuid);
        NewTransaction merged = update.applyTo(current.asRequest());
        merged.validate();
        TransactionType type = resolve(merged);
        if (current.applied() && type != TransactionType.INCOME) {
            throw DomainException.ruleOnField("transaction_applied", "type", "type: the transaction pays invoices, so it"
                    + " stays an Income transaction; remove its payments first with PATCH"
                    + " /partners/invoices/{id}/remove-transaction");
        }
        if (merged.amount().compareTo(current.assignedAmount()) < 0) {
            throw DomainException.ruleOnField("amount_below_assigned", "amount", "amount " + merged.amount().toPlainString()
                    + " is less than the " + current.assignedAmount().toPlainString() + " already assigned to invoices;"
                    + " remove payments first with PATCH /partners/invoices/{id}/remove-transaction");
        }
        Transaction updated = current.update(merged, type, currencyOf(merged), now.get());
        put(current, updated);
        return updated;
    }

    Transaction deleteTransaction(UUID transactionUuid) {
        Transaction transaction = transaction(transactionUuid);
        if (transaction.applied()) {
            throw DomainException.rule("transaction_applied", "The transaction pays " + transaction.payments().size()
                    + " invoice(s) and cannot be deleted; remove its payments first with PATCH"
                    + " /partners/invoices/{id}/remove-transaction");
        }
        transactions.remove(transactionUuid);
        events.deleted(TRANSACTION, transactionUuid, transaction);
        return transaction;
    }

    /**
     * Applies an Income transaction to invoices, all or nothing (contract §7). COUNT also pays bills this way
     * ({@code matchingType: "bill"}), which are out of the mock's scope. Whether COUNT refuses a transaction of another
     * currency or another customer than the invoice is unknown; the mock does not.
     *
     * @param parentCategoryAccountUuid COUNT categorises the remainder of a partly assigned transaction with it, by
     *                                  splitting the transaction; the mock does not split, so it only checks the account
     */
    Transaction assign(Actor actor, UUID transactionUuid, String matchingType, List<PaymentLine> records,
                       UUID parentCategoryAccountUuid) {
        Transaction transaction = transaction(transactionUuid);
        requireInvoiceMatching(matchingType);
        if (records == null || records.isEmpty()) {
            throw DomainException.validation("records", "records must hold at least one {\"id\",\"paymentAmount\"}");
        }
        if (records.size() > LARGEST_ASSIGNMENT) {
            throw DomainException.validation("records", "records holds " + records.size() + " invoices; at most "
                    + LARGEST_ASSIGNMENT + " can be paid in one request");
        }
        catalogue.requireAccount(parentCategoryAccountUuid, "parentCategoryAccountUuid");
        if (transaction.type() != TransactionType.INCOME) {
            // count-cli says an Expense applied to an invoice is a refund; what COUNT does with one is unknown.
            throw DomainException.ruleOnField("transaction_not_income", "uuid", "The transaction is an "
                    + transaction.type().wireName() + " transaction; an invoice is paid with an Income transaction."
                    + " Refunds (an Expense applied to an invoice) are not supported by the mock.");
        }
        PaymentRequest request = new PaymentRequest(existing, transaction, now.get());
        for (int i = 0; i < records.size(); i++) {
            String record = "records[" + i + "]";
            PaymentLine line = records.get(i);
            request.pay(required(line.id(), record + ".id"), line.paymentAmount(), line.notes(),
                    new PaymentRequest.Fields(record + ".id", record + ".paymentAmount"));
        }
        commit(actor, request);
        return request.transaction();
    }

    /** Unlinks the transaction's payment from the invoice; both get back what it had taken. */
    Invoice removeTransaction(Actor actor, UUID invoiceUuid, UUID transactionUuid) {
        Invoice invoice = existing.apply(invoiceUuid, "uuid");
        required(transactionUuid, "transactionId");
        if (invoice.paymentFrom(transactionUuid).signum() == 0) {
            throw DomainException.notFound("transactionId", "transactionId: transaction " + transactionUuid
                    + " is not applied to " + invoice.label());
        }
        Instant at = now.get();
        Transaction transaction = transactions.get(transactionUuid);
        if (transaction != null) {
            put(transaction, transaction.withoutPayment(invoiceUuid, at));
        }
        return store.store("payment_removed", actor, invoice, invoice.withoutPayment(transactionUuid, at), Map.of());
    }

    private static void requireInvoiceMatching(String matchingType) {
        if (matchingType == null) {
            throw DomainException.validation("matchingType", "matchingType is required: \"invoice\" to pay invoices");
        }
        if (matchingType.equals("bill")) {
            throw DomainException.ruleOnField("bills_not_supported", "matchingType", "matchingType \"bill\": bills are"
                    + " out of the mock's scope; only invoices can be paid");
        }
        if (!matchingType.equals("invoice")) {
            throw DomainException.validation("matchingType", "matchingType must be \"invoice\" or \"bill\", got \""
                    + matchingType + "\"");
        }
    }

    /**
     * The request's references are the workspace's: a bank or cash account, a customer, a category account and tags.
     *
     * @return its type, or, when it names none, the one its category account says, as COUNT infers it
     */
    private TransactionType resolve(NewTransaction request) {
        Account account = catalogue.requireAccount(request.accountUuid(), "accUuid");
        if (!account.bankOrCash()) {
            throw DomainException.ruleOnField("not_a_bank_account", "accUuid", "accUuid: account \"" + account.name()
                    + "\" is not a bank or cash account; money moves through an Assets account of sub-type Bank or Cash");
        }
        if (request.customerUuid() != null) {
            catalogue.customer(request.customerUuid(), "customerUuid");
        }
        Account category = catalogue.requireAccount(request.categoryAccountUuid(), "categoryAccountUuid");
        catalogue.requireTags(request.tagUuids(), "tagUuids");
        if (request.type() != null) {
            return request.type();
        }
        if (category != null && category.type() == AccountType.INCOME) {
            return TransactionType.INCOME;
        }
        if (category != null && category.type() == AccountType.EXPENSES) {
            return TransactionType.EXPENSE;
        }
        // COUNT infers the type from the category account; what it does without one is unknown, so the mock asks.
        throw DomainException.validation("type", "type is required (Income, Expense, Transfer or Journal Entry) unless"
                + " categoryAccountUuid names an Income or Expenses account to infer it from");
    }

    private String currencyOf(NewTransaction request) {
        return request.currency() == null ? currency : request.currency();
    }

    /** Stores the transaction and every invoice a payment request changed, with one audit entry each. */
    private void commit(Actor actor, PaymentRequest request) {
        put(transactions.get(request.transaction().uuid()), request.transaction());
        request.invoices().forEach((invoiceUuid, after) ->
                store.store("payment_recorded", actor, stored.apply(invoiceUuid), after, Map.of()));
    }

    /** Stores every document a credit request changed, with one audit entry each. */
    private void commit(String action, Actor actor, Map<UUID, Invoice> changed) {
        changed.forEach((documentUuid, after) -> {
            Invoice before = stored.apply(documentUuid);
            if (after != before) {
                store.store(action, actor, before, after, Map.of());
            }
        });
    }

    /** Stores a new ({@code before} null) or changed transaction; every change of the register but a deletion comes here. */
    private void put(Transaction before, Transaction after) {
        transactions.put(after.uuid(), after);
        if (before == null) {
            events.created(TRANSACTION, after.uuid(), after);
        } else {
            events.updated(TRANSACTION, after.uuid(), before, after);
        }
    }

    private static UUID required(UUID value, String field) {
        if (value == null) {
            throw DomainException.validation(field, field + " is required");
        }
        return value;
    }
}
