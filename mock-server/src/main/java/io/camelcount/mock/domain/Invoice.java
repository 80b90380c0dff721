package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice, estimate or credit memo. Immutable: a transition returns the next version, so a
 * reader outside the workspace lock never sees half an update.
 *
 * <p>The lifecycle is draft → approved → sent (re-sending keeps it sent); payment and overdue states
 * are derived from the amounts and the date, never stored.
 */
public final class Invoice {

    private enum Stage { DRAFT, APPROVED, SENT }

    private final UUID uuid;
    private final String invoiceNumber;
    private final InvoiceType invoiceType;
    private final Customer customer;
    private final LocalDate date;
    private final LocalDate dueDate;
    private final String currency;
    private final List<InvoiceLine> products;
    private final BigDecimal discount;
    private final String discountDescription;
    private final String notes;
    private final List<UUID> tagUuids;
    private final UUID appliedToInvoiceUuid;
    private final Stage stage;
    private final BigDecimal amountPaid;
    private final BigDecimal creditsApplied;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Invoice(UUID uuid, String invoiceNumber, InvoiceType invoiceType, Customer customer, LocalDate date,
                    LocalDate dueDate, String currency, List<InvoiceLine> products, BigDecimal discount,
                    String discountDescription, String notes, List<UUID> tagUuids, UUID appliedToInvoiceUuid,
                    Stage stage, BigDecimal amountPaid, BigDecimal creditsApplied, Instant createdAt, Instant updatedAt) {
        this.uuid = uuid;
        this.invoiceNumber = invoiceNumber;
        this.invoiceType = invoiceType;
        this.customer = customer;
        this.date = date;
        this.dueDate = dueDate;
        this.currency = currency;
        this.products = List.copyOf(products);
        this.discount = discount;
        this.discountDescription = discountDescription;
        this.notes = notes;
        this.tagUuids = List.copyOf(tagUuids);
        this.appliedToInvoiceUuid = appliedToInvoiceUuid;
        this.stage = stage;
        this.amountPaid = amountPaid;
        this.creditsApplied = creditsApplied;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Invoice create(UUID uuid, String invoiceNumber, Customer customer, NewInvoice request,
                          String currency, List<InvoiceLine> lines, Instant now) {
        return new Invoice(uuid, invoiceNumber, request.type(), customer, request.date(),
                request.dueDate() == null ? request.date() : request.dueDate(), currency, lines,
                request.discount() == null ? Money.ZERO : Money.requireAmount(request.discount(), "discount"),
                request.discountDescription(), request.notes(),
                request.tagUuids() == null ? List.of() : request.tagUuids(), request.appliedToInvoiceUuid(),
                request.draft() ? Stage.DRAFT : Stage.APPROVED, Money.ZERO, Money.ZERO, now, now);
    }

    Invoice approve(Instant now) {
        if (stage != Stage.DRAFT) {
            throw DomainException.rule("INVOICE_NOT_DRAFT",
                    label() + " is already approved; only a draft can be approved.");
        }
        return withStage(Stage.APPROVED, now);
    }

    Invoice markSent(Instant now) {
        if (stage == Stage.DRAFT) {
            throw DomainException.rule("INVOICE_NOT_APPROVED",
                    label() + " is still a draft: approve it first, then send it.");
        }
        return withStage(Stage.SENT, now);
    }

    private Invoice withStage(Stage next, Instant now) {
        return new Invoice(uuid, invoiceNumber, invoiceType, customer, date, dueDate, currency, products, discount,
                discountDescription, notes, tagUuids, appliedToInvoiceUuid, next, amountPaid, creditsApplied,
                createdAt, now);
    }

    /** "Invoice INV-0001", "Estimate EST-0002": how messages name the document. */
    String label() {
        String type = invoiceType.wireName();
        return Character.toUpperCase(type.charAt(0)) + type.substring(1) + " " + invoiceNumber;
    }

    public InvoiceStatus status(LocalDate today) {
        if (isDraft()) {
            return InvoiceStatus.DRAFT;
        }
        return switch (invoiceType) {
            case ESTIMATE -> isSent() ? InvoiceStatus.SENT : InvoiceStatus.APPROVED;
            case MEMO -> remainingCredit().signum() == 0 ? InvoiceStatus.APPLIED : InvoiceStatus.OPEN;
            case INVOICE -> invoiceStatus(today);
        };
    }

    private InvoiceStatus invoiceStatus(LocalDate today) {
        BigDecimal settled = amountPaid.add(creditsApplied);
        if (balanceDue().signum() == 0 && total().signum() > 0) {
            return InvoiceStatus.PAID;
        }
        if (settled.signum() > 0 && settled.compareTo(total()) < 0) {
            return InvoiceStatus.PARTIAL;
        }
        if (balanceDue().signum() > 0 && dueDate.isBefore(today)) {
            return InvoiceStatus.OVERDUE;
        }
        return isSent() ? InvoiceStatus.SENT : InvoiceStatus.APPROVED;
    }

    public PaymentStatus paymentStatus() {
        if (total().signum() > 0 && balanceDue().signum() == 0) {
            return PaymentStatus.PAID;
        }
        return amountPaid.add(creditsApplied).signum() > 0 ? PaymentStatus.PARTIAL : PaymentStatus.UNPAID;
    }

    public BigDecimal subtotal() {
        return products.stream().map(InvoiceLine::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    public BigDecimal total() {
        return subtotal().subtract(discount);
    }

    public BigDecimal balanceDue() {
        return total().subtract(amountPaid).subtract(creditsApplied).max(Money.ZERO);
    }

    /** What is left of a credit memo's credit; for a memo {@code creditsApplied} is the credit already used. */
    public BigDecimal remainingCredit() {
        return total().subtract(creditsApplied).max(Money.ZERO);
    }

    public UUID uuid() {
        return uuid;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public InvoiceType invoiceType() {
        return invoiceType;
    }

    public UUID customerUuid() {
        return customer.uuid();
    }

    public String customerName() {
        return customer.name();
    }

    public LocalDate date() {
        return date;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String currency() {
        return currency;
    }

    public List<InvoiceLine> products() {
        return products;
    }

    public BigDecimal discount() {
        return discount;
    }

    public String discountDescription() {
        return discountDescription;
    }

    public String notes() {
        return notes;
    }

    public List<UUID> tagUuids() {
        return tagUuids;
    }

    public UUID appliedToInvoiceUuid() {
        return appliedToInvoiceUuid;
    }

    public boolean isDraft() {
        return stage == Stage.DRAFT;
    }

    public boolean approved() {
        return stage != Stage.DRAFT;
    }

    public boolean isSent() {
        return stage == Stage.SENT;
    }

    public BigDecimal amountPaid() {
        return amountPaid;
    }

    public BigDecimal creditsApplied() {
        return creditsApplied;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
