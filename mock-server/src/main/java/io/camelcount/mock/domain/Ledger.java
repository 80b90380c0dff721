package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The money that moves between documents: memos' credit applied to invoices (each request all or nothing, see
 * {@link CreditRequest}) and customers' payments. It holds no documents of its own: it reads and stores the
 * workspace's, and runs under the workspace's lock, so that invoices, credits and templates change together.
 */
final class Ledger {

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

    Ledger(BiFunction<UUID, String, Invoice> existing, Function<UUID, Invoice> stored, Store store, Supplier<Instant> now) {
        this.existing = existing;
        this.stored = stored;
        this.store = store;
        this.now = now;
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

    Invoice recordPayment(UUID invoiceUuid, BigDecimal amount) {
        Invoice invoice = existing.apply(invoiceUuid, "uuid");
        return store.store("payment_recorded", Actor.CUSTOMER, invoice, invoice.pay(amount, now.get()), Map.of());
    }

    Invoice payBalance(UUID invoiceUuid) {
        Invoice invoice = existing.apply(invoiceUuid, "uuid");
        return invoice.balanceDue().signum() == 0 ? invoice : recordPayment(invoiceUuid, invoice.balanceDue());
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

    private static UUID required(UUID value, String field) {
        if (value == null) {
            throw DomainException.validation(field, field + " is required");
        }
        return value;
    }
}
