package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A bank or cash transaction of the workspace's register (contract §7): money that moved through one account,
 * and the invoices it paid. Immutable, like {@link Invoice}: a change returns the next version. The invoices
 * hold the same payments from their side; the {@link Ledger} changes both under the workspace's lock.
 *
 * @param accountUuid   the bank or cash account ({@code accUuid}); null only for a customer's payment recorded in a
 *                      workspace whose chart has no bank or cash account (a seed without accounts)
 * @param amount        positive; COUNT applies the sign by type
 * @param payments      the invoices it was applied to, in the order first applied
 */
public record Transaction(UUID uuid, TransactionType type, UUID accountUuid, BigDecimal amount, LocalDate postedDate,
                          String description, String currency, UUID customerUuid, UUID categoryAccountUuid,
                          List<UUID> tagUuids, String notes, List<InvoicePayment> payments, Instant createdAt,
                          Instant updatedAt) {

    public Transaction {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(postedDate, "postedDate");
        tagUuids = List.copyOf(tagUuids);
        payments = List.copyOf(payments);
    }

    static Transaction create(UUID uuid, NewTransaction request, TransactionType type, String currency, Instant now) {
        return new Transaction(uuid, type, request.accountUuid(), Money.requireAmount(request.amount(), "amount"),
                request.postedDate(), request.description(), currency, request.customerUuid(),
                request.categoryAccountUuid(), request.tagUuids() == null ? List.of() : request.tagUuids(),
                request.notes(), List.of(), now, now);
    }

    /** The fields sent replaced; the payments stay. */
    Transaction update(NewTransaction merged, TransactionType nextType, String nextCurrency, Instant now) {
        return new Transaction(uuid, nextType, merged.accountUuid(), Money.requireAmount(merged.amount(), "amount"),
                merged.postedDate(), merged.description(), nextCurrency, merged.customerUuid(),
                merged.categoryAccountUuid(), merged.tagUuids() == null ? List.of() : merged.tagUuids(), merged.notes(),
                payments, createdAt, now);
    }

    /** The transaction as a request, so that an update can replace the fields sent and check the result like a create. */
    NewTransaction asRequest() {
        return new NewTransaction(type, accountUuid, amount, postedDate, description, currency, customerUuid,
                categoryAccountUuid, tagUuids, notes);
    }

    /** What is applied to invoices. */
    public BigDecimal assignedAmount() {
        return payments.stream().map(InvoicePayment::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    /** What is left to apply. */
    public BigDecimal unassignedAmount() {
        return amount.subtract(assignedAmount());
    }

    public boolean applied() {
        return !payments.isEmpty();
    }

    /** What it paid on {@code invoiceUuid}; zero when nothing. */
    BigDecimal paymentTo(UUID invoiceUuid) {
        return payments.stream().filter(payment -> payment.invoiceUuid().equals(invoiceUuid))
                .map(InvoicePayment::amount).findFirst().orElse(Money.ZERO);
    }

    /** A second payment of the same invoice adds to the first; its notes, when sent, replace the first's. */
    Transaction withPayment(UUID invoiceUuid, BigDecimal paid, String paymentNotes, Instant now) {
        List<InvoicePayment> next = new ArrayList<>();
        boolean merged = false;
        for (InvoicePayment payment : payments) {
            boolean same = payment.invoiceUuid().equals(invoiceUuid);
            next.add(same ? new InvoicePayment(invoiceUuid, payment.amount().add(paid),
                    paymentNotes == null ? payment.notes() : paymentNotes) : payment);
            merged |= same;
        }
        if (!merged) {
            next.add(new InvoicePayment(invoiceUuid, paid, paymentNotes));
        }
        return withPayments(next, now);
    }

    Transaction withoutPayment(UUID invoiceUuid, Instant now) {
        return withPayments(payments.stream().filter(payment -> !payment.invoiceUuid().equals(invoiceUuid)).toList(), now);
    }

    private Transaction withPayments(List<InvoicePayment> next, Instant now) {
        return new Transaction(uuid, type, accountUuid, amount, postedDate, description, currency, customerUuid,
                categoryAccountUuid, tagUuids, notes, next, createdAt, now);
    }
}
