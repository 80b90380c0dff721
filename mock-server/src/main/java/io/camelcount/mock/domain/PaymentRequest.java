package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One payment request while it is checked (contract §7): a transaction applied to invoices. Like a
 * {@link CreditRequest}, each payment is applied to working copies of the transaction and the invoices and checked
 * against what the earlier ones left, so that the payments of one request together can neither overpay an invoice nor
 * spend more than the transaction holds; the {@link Ledger} stores the copies only when every one has passed. Used
 * under the workspace's lock.
 */
final class PaymentRequest {

    /**
     * Where a payment's problems are reported: the invoice's field ({@code records[0].id}; null when the invoice is
     * the call's own subject, as for the admin API's payment, whose refusals then name no field) and the amount's.
     */
    record Fields(String invoice, String amount) {
    }

    /** Finds a stored invoice, or refuses (not found, or a conflict) naming the field. */
    private final BiFunction<UUID, String, Invoice> stored;
    private final Instant now;
    private final Map<UUID, Invoice> invoices = new LinkedHashMap<>();
    private Transaction transaction;

    PaymentRequest(BiFunction<UUID, String, Invoice> stored, Transaction transaction, Instant now) {
        this.stored = stored;
        this.transaction = transaction;
        this.now = now;
    }

    /** Applies one payment to the working copies, or refuses the whole request. */
    void pay(UUID invoiceUuid, BigDecimal amount, String notes, Fields fields) {
        Invoice invoice = invoice(invoiceUuid, fields.invoice() == null ? "uuid" : fields.invoice());
        BigDecimal payment = requirePayable(invoice, amount, fields);
        if (payment.compareTo(transaction.unassignedAmount()) > 0) {
            throw DomainException.ruleOnField("payment_exceeds_unassigned", fields.amount(), fields.amount() + " "
                    + payment.toPlainString() + " exceeds what is left to assign of the transaction ("
                    + transaction.unassignedAmount().toPlainString() + " of " + transaction.amount().toPlainString()
                    + ", counting the earlier records of this request)");
        }
        invoices.put(invoiceUuid, invoice.withPayment(transaction.uuid(), payment, now));
        transaction = transaction.withPayment(invoiceUuid, payment, notes, now);
    }

    /**
     * The amount, scaled to cents, when {@code invoice} can take it: an approved invoice (not an estimate or memo), at
     * most its balance due after credits and earlier payments.
     */
    static BigDecimal requirePayable(Invoice invoice, BigDecimal amount, Fields fields) {
        if (amount == null) {
            throw DomainException.validation(fields.amount(), fields.amount() + " is required");
        }
        if (amount.signum() <= 0) {
            throw DomainException.validation(fields.amount(), fields.amount() + " must be greater than 0, got "
                    + amount.toPlainString());
        }
        BigDecimal payment = Money.requireAmount(amount, fields.amount());
        if (invoice.invoiceType() != InvoiceType.INVOICE) {
            throw refusal("not_payable", fields.invoice(), invoice.label() + " cannot take a payment; only invoices can"
                    + " (an estimate is not owed, and a credit memo is applied as credit).");
        }
        if (invoice.isDraft()) {
            throw refusal("invoice_not_approved", fields.invoice(), invoice.label() + " is still a draft: approve it"
                    + " before recording a payment.");
        }
        if (payment.compareTo(invoice.balanceDue()) > 0) {
            throw DomainException.ruleOnField("payment_exceeds_balance", fields.amount(), fields.amount() + " "
                    + payment.toPlainString() + " exceeds the balance due of " + invoice.label() + " ("
                    + invoice.balanceDue().toPlainString() + ")");
        }
        return payment;
    }

    private static DomainException refusal(String code, String field, String message) {
        return field == null ? DomainException.rule(code, message) : DomainException.ruleOnField(code, field, field + ": " + message);
    }

    /** An invoice of the request, as the request has changed it so far. */
    private Invoice invoice(UUID invoiceUuid, String field) {
        Invoice invoice = invoices.get(invoiceUuid);
        return invoice != null ? invoice : stored.apply(invoiceUuid, field);
    }

    Map<UUID, Invoice> invoices() {
        return invoices;
    }

    Transaction transaction() {
        return transaction;
    }
}
