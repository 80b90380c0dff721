package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One credit request while it is checked (contract §3, credit rules). Each line is applied to working
 * copies of the documents, and checked against what the earlier lines left, so that lines of one request
 * together cannot overdraw a memo or overpay an invoice; the {@link Ledger} stores the copies only when every
 * line has passed, so one bad line changes nothing. Used under the workspace's lock.
 */
final class CreditRequest {

    /**
     * Where a line's problems are reported: the memo's and the invoice's ID (one is the path's {@code uuid},
     * the other the line's {@code id}), the line's ID when the two do not fit together, the line's amount.
     */
    record Fields(String memo, String target, String line, String amount) {
    }

    /** Finds a stored document, or refuses (not found, or a conflict) naming the field. */
    private final BiFunction<UUID, String, Invoice> stored;
    private final Instant now;
    private final Map<UUID, Invoice> working = new LinkedHashMap<>();

    CreditRequest(BiFunction<UUID, String, Invoice> stored, Instant now) {
        this.stored = stored;
        this.now = now;
    }

    static void requireLines(List<CreditLine> lines, String field) {
        if (lines == null || lines.isEmpty()) {
            throw DomainException.validation(field, field + " must hold at least one {\"id\",\"amount\"}");
        }
    }

    /** A document of the request, as the request has changed it so far. */
    Invoice document(UUID documentUuid, String field) {
        Invoice document = working.get(documentUuid);
        if (document == null) {
            document = stored.apply(documentUuid, field);
            working.put(documentUuid, document);
        }
        return document;
    }

    /** Every document the request touched, as it would leave them. */
    Map<UUID, Invoice> documents() {
        return working;
    }

    /** Applies one line to the working copies, or refuses the whole request. */
    void credit(Invoice memo, Invoice target, BigDecimal amount, Fields fields) {
        BigDecimal credit = positiveAmount(amount, fields.amount());
        if (memo.invoiceType() != InvoiceType.MEMO) {
            throw DomainException.ruleOnField("not_a_credit_memo", fields.memo(), fields.memo() + ": " + memo.label()
                    + " is not a credit memo; only memos (invoiceType \"memo\") give credit");
        }
        if (memo.isDraft()) {
            throw DomainException.ruleOnField("memo_not_approved", fields.memo(), fields.memo() + ": " + memo.label()
                    + " is still a draft; approve it before applying its credit");
        }
        if (target.invoiceType() != InvoiceType.INVOICE) {
            throw DomainException.ruleOnField("not_creditable", fields.target(), fields.target() + ": " + target.label()
                    + " cannot take credit; only invoices can");
        }
        if (target.isDraft()) {
            throw DomainException.ruleOnField("invoice_not_approved", fields.target(), fields.target() + ": "
                    + target.label() + " is still a draft; approve it before applying credit to it");
        }
        if (!memo.customerUuid().equals(target.customerUuid())) {
            throw DomainException.ruleOnField("credit_customer_mismatch", fields.line(), fields.line() + ": "
                    + memo.label() + " is for " + memo.customerName() + " but " + target.label() + " is for "
                    + target.customerName() + "; credit only goes to the same customer's invoices");
        }
        if (credit.compareTo(memo.remainingCredit()) > 0) {
            throw DomainException.ruleOnField("credit_exceeds_remaining", fields.amount(), fields.amount() + " "
                    + credit.toPlainString() + " exceeds the remaining credit of " + memo.label() + " ("
                    + memo.remainingCredit().toPlainString() + ")");
        }
        if (credit.compareTo(target.balanceDue()) > 0) {
            throw DomainException.ruleOnField("credit_exceeds_balance", fields.amount(), fields.amount() + " "
                    + credit.toPlainString() + " exceeds the balance due of " + target.label() + " ("
                    + target.balanceDue().toPlainString() + ")");
        }
        working.put(memo.uuid(), memo.withCredit(target.uuid(), credit, now));
        working.put(target.uuid(), target.withCredit(memo.uuid(), credit, now));
    }

    private static BigDecimal positiveAmount(BigDecimal amount, String field) {
        if (amount == null) {
            throw DomainException.validation(field, field + " is required");
        }
        if (amount.signum() <= 0) {
            throw DomainException.validation(field, field + " must be greater than 0, got " + amount.toPlainString());
        }
        return Money.requireAmount(amount, field);
    }
}
