package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An invoice, estimate or credit memo. Immutable: a transition returns the next version, so a
 * reader outside the workspace lock never sees half an update.
 *
 * <p>The lifecycle is draft → approved → sent (re-sending keeps it sent); payment and overdue states
 * are derived from the amounts and the date, never stored. Credit is held on both sides: an invoice
 * knows how much each memo credited it, a memo how much it gave each invoice; the workspace changes
 * both under one lock, so the two always agree. Payments are held the same way: an invoice knows how much each
 * transaction paid on it, the {@link Transaction} which invoices it paid.
 */
public final class Invoice {

    private enum Stage { DRAFT, APPROVED, SENT }

    private final UUID uuid;
    private final InvoiceContent content;
    private final Stage stage;
    /** What each transaction paid on this invoice, in the order first applied. */
    private final Map<UUID, BigDecimal> payments;
    /** For an invoice: the credit each memo gave it. For a memo: the credit it gave each invoice. */
    private final Map<UUID, BigDecimal> credits;
    private final List<Attachment> attachments;
    private final String publicToken;
    private final Instant createdAt;
    private final Instant updatedAt;
    /**
     * The sums every status, audit entry and answer reads, several times each: computed once, as the version they
     * sum never changes.
     */
    private final BigDecimal total;
    private final BigDecimal amountPaid;
    private final BigDecimal creditsApplied;

    private Invoice(UUID uuid, InvoiceContent content, Stage stage, Map<UUID, BigDecimal> payments, Map<UUID, BigDecimal> credits,
                    List<Attachment> attachments, String publicToken, Instant createdAt, Instant updatedAt) {
        this.uuid = uuid;
        this.content = content;
        this.stage = stage;
        this.payments = Collections.unmodifiableMap(new LinkedHashMap<>(payments));
        this.credits = Collections.unmodifiableMap(new LinkedHashMap<>(credits));
        this.attachments = List.copyOf(attachments);
        this.publicToken = publicToken;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.total = content.total();
        this.amountPaid = Money.sum(this.payments.values());
        this.creditsApplied = Money.sum(this.credits.values());
    }

    static Invoice create(UUID uuid, InvoiceContent content, boolean draft, String publicToken, Instant now) {
        return new Invoice(uuid, content, draft ? Stage.DRAFT : Stage.APPROVED, Map.of(), Map.of(), List.of(),
                publicToken, now, now);
    }

    /**
     * An invoice as a data directory kept it, stage and amounts included. Nothing is checked: the workspace checked
     * every change before it was saved.
     */
    public static Invoice restore(UUID uuid, InvoiceContent content, boolean approved, boolean sent,
                                  Map<UUID, BigDecimal> payments, Map<UUID, BigDecimal> credits,
                                  List<Attachment> attachments, String publicToken, Instant createdAt, Instant updatedAt) {
        Stage stage = sent ? Stage.SENT : approved ? Stage.APPROVED : Stage.DRAFT;
        return new Invoice(uuid, content, stage, payments, credits, attachments, publicToken, createdAt, updatedAt);
    }

    Invoice approve(Instant now) {
        if (stage != Stage.DRAFT) {
            throw DomainException.rule("invoice_not_draft",
                    label() + " is already approved; only a draft can be approved.");
        }
        return withStage(Stage.APPROVED, now);
    }

    Invoice markSent(Instant now) {
        requireApproved("approve it first, then send it.");
        return withStage(Stage.SENT, now);
    }

    /** The customer-facing page shows what the customer owes, so a draft has none yet. */
    void requirePublished() {
        requireApproved("approve it first; a draft has no customer-facing page.");
    }

    private void requireApproved(String advice) {
        if (stage == Stage.DRAFT) {
            throw DomainException.rule("invoice_not_approved", label() + " is still a draft: " + advice);
        }
    }

    /** Once approved a document is in the books; COUNT corrects it with a credit memo, not by editing it. */
    void requireEditable() {
        if (stage != Stage.DRAFT) {
            throw DomainException.rule("invoice_not_editable", label() + " is approved and can no longer be"
                    + " edited; only drafts can. To correct it, create a credit memo (invoiceType \"memo\") for the"
                    + " customer and apply it with apply-credit-to-multiple-invoices, then issue a new invoice.");
        }
    }

    void requireDeletable() {
        if (stage != Stage.DRAFT) {
            throw DomainException.rule("invoice_not_draft", label() + " is approved and cannot be deleted;"
                    + " only drafts can. Correct it with a credit memo instead.");
        }
    }

    /** @param approve the update also approves the draft ({@code isDraft:false}) */
    Invoice withContent(InvoiceContent next, boolean approve, Instant now) {
        return new Invoice(uuid, next, approve ? Stage.APPROVED : stage, payments, credits, attachments, publicToken,
                createdAt, now);
    }

    /** A second payment from the same transaction adds to the first. The {@link PaymentRequest} checked it. */
    Invoice withPayment(UUID transactionUuid, BigDecimal amount, Instant now) {
        return new Invoice(uuid, content, stage, plus(payments, transactionUuid, amount), credits, attachments,
                publicToken, createdAt, now);
    }

    Invoice withoutPayment(UUID transactionUuid, Instant now) {
        return new Invoice(uuid, content, stage, without(payments, transactionUuid), credits, attachments, publicToken,
                createdAt, now);
    }

    /** How much {@code transactionUuid} paid on this invoice; zero when nothing. */
    BigDecimal paymentFrom(UUID transactionUuid) {
        return payments.getOrDefault(transactionUuid, Money.ZERO);
    }

    /** @param counterpart the memo crediting this invoice, or the invoice this memo credits */
    Invoice withCredit(UUID counterpart, BigDecimal amount, Instant now) {
        return new Invoice(uuid, content, stage, payments, plus(credits, counterpart, amount), attachments, publicToken,
                createdAt, now);
    }

    Invoice withoutCredit(UUID counterpart, Instant now) {
        return new Invoice(uuid, content, stage, payments, without(credits, counterpart), attachments, publicToken,
                createdAt, now);
    }

    /** {@code amounts} with {@code amount} added to what {@code key} had, in the order first added. */
    private static Map<UUID, BigDecimal> plus(Map<UUID, BigDecimal> amounts, UUID key, BigDecimal amount) {
        Map<UUID, BigDecimal> next = new LinkedHashMap<>(amounts);
        next.merge(key, amount, BigDecimal::add);
        return next;
    }

    private static Map<UUID, BigDecimal> without(Map<UUID, BigDecimal> amounts, UUID key) {
        Map<UUID, BigDecimal> next = new LinkedHashMap<>(amounts);
        next.remove(key);
        return next;
    }

    /** How much credit passes between this document and {@code counterpart}; zero when none. */
    BigDecimal creditWith(UUID counterpart) {
        return credits.getOrDefault(counterpart, Money.ZERO);
    }

    Invoice withAttachments(List<Attachment> added, Instant now) {
        List<Attachment> next = new ArrayList<>(attachments);
        next.addAll(added);
        return new Invoice(uuid, content, stage, payments, credits, next, publicToken, createdAt, now);
    }

    private Invoice withStage(Stage next, Instant now) {
        return new Invoice(uuid, content, next, payments, credits, attachments, publicToken, createdAt, now);
    }

    /** "Invoice INV-0001", "Credit memo CM-0002": how messages and the public page name the document. */
    public String label() {
        return content.invoiceType().displayName() + " " + content.invoiceNumber();
    }

    public InvoiceStatus status(LocalDate today) {
        if (isDraft()) {
            return InvoiceStatus.DRAFT;
        }
        return switch (content.invoiceType()) {
            case ESTIMATE -> isSent() ? InvoiceStatus.SENT : InvoiceStatus.APPROVED;
            case MEMO -> remainingCredit().signum() == 0 ? InvoiceStatus.APPLIED : InvoiceStatus.OPEN;
            case INVOICE -> invoiceStatus(today);
        };
    }

    private InvoiceStatus invoiceStatus(LocalDate today) {
        BigDecimal settled = amountPaid().add(creditsApplied());
        if (balanceDue().signum() == 0 && total().signum() > 0) {
            return InvoiceStatus.PAID;
        }
        if (settled.signum() > 0 && settled.compareTo(total()) < 0) {
            return InvoiceStatus.PARTIAL;
        }
        if (balanceDue().signum() > 0 && dueDate().isBefore(today)) {
            return InvoiceStatus.OVERDUE;
        }
        return isSent() ? InvoiceStatus.SENT : InvoiceStatus.APPROVED;
    }

    public PaymentStatus paymentStatus() {
        if (total().signum() > 0 && balanceDue().signum() == 0) {
            return PaymentStatus.PAID;
        }
        return amountPaid().add(creditsApplied()).signum() > 0 ? PaymentStatus.PARTIAL : PaymentStatus.UNPAID;
    }

    public BigDecimal subtotal() {
        return content.subtotal();
    }

    public BigDecimal total() {
        return total;
    }

    /** {@code total − amountPaid − creditsApplied}; for a memo, whose creditsApplied is the credit it gave, its remaining credit. */
    public BigDecimal balanceDue() {
        return total().subtract(amountPaid()).subtract(creditsApplied()).max(Money.ZERO);
    }

    /** What is left of a credit memo's credit: its total less every application. */
    public BigDecimal remainingCredit() {
        return total().subtract(creditsApplied()).max(Money.ZERO);
    }

    /** For an invoice the credit it received; for a memo the credit it gave. */
    public BigDecimal creditsApplied() {
        return creditsApplied;
    }

    public List<CreditApplication> creditApplications() {
        boolean memo = content.invoiceType() == InvoiceType.MEMO;
        return credits.entrySet().stream()
                .map(credit -> memo ? new CreditApplication(uuid, credit.getKey(), credit.getValue())
                        : new CreditApplication(credit.getKey(), uuid, credit.getValue()))
                .toList();
    }

    /**
     * The fields the audit log compares before and after a change, by their wire names. Timestamps are left
     * out (each entry has its own {@code at}).
     */
    Map<String, Object> auditedState(LocalDate today) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("invoiceNumber", content.invoiceNumber());
        state.put("customerUuid", content.customer().uuid());
        state.put("date", content.date());
        state.put("dueDate", content.dueDate());
        state.put("currency", content.currency());
        state.put("products", content.products().stream().map(line -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("productUuid", line.productUuid());
            fields.put("description", line.description());
            fields.put("quantity", line.quantity());
            fields.put("unitPrice", line.unitPrice());
            return fields;
        }).toList());
        state.put("discount", content.discount());
        state.put("discountDescription", content.discountDescription());
        state.put("notes", content.notes());
        state.put("tagUuids", content.tagUuids());
        state.put("appliedToInvoiceUuid", content.appliedToInvoiceUuid());
        state.put("isDraft", isDraft());
        state.put("approved", approved());
        state.put("isSent", isSent());
        state.put("status", status(today).wireName());
        state.put("paymentStatus", paymentStatus().wireName());
        state.put("total", total());
        state.put("amountPaid", amountPaid());
        state.put("creditsApplied", creditsApplied());
        state.put("balanceDue", balanceDue());
        if (content.invoiceType() == InvoiceType.MEMO) {
            state.put("remainingCredit", remainingCredit());
        }
        state.put("creditApplications", creditApplications().stream().map(credit -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("memoUuid", credit.memoUuid());
            fields.put("invoiceUuid", credit.invoiceUuid());
            fields.put("amount", credit.amount());
            return fields;
        }).toList());
        state.put("payments", payments.entrySet().stream().map(payment -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("transactionId", payment.getKey());
            fields.put("amount", payment.getValue());
            return fields;
        }).toList());
        state.put("attachments", attachments.stream().map(Attachment::uuid).toList());
        return state;
    }

    public UUID uuid() {
        return uuid;
    }

    public InvoiceContent content() {
        return content;
    }

    public String invoiceNumber() {
        return content.invoiceNumber();
    }

    public InvoiceType invoiceType() {
        return content.invoiceType();
    }

    public UUID customerUuid() {
        return content.customer().uuid();
    }

    public String customerName() {
        return content.customer().name();
    }

    public LocalDate date() {
        return content.date();
    }

    public LocalDate dueDate() {
        return content.dueDate();
    }

    public String currency() {
        return content.currency();
    }

    public List<InvoiceLine> products() {
        return content.products();
    }

    public BigDecimal discount() {
        return content.discount();
    }

    public String discountDescription() {
        return content.discountDescription();
    }

    public String notes() {
        return content.notes();
    }

    public List<UUID> tagUuids() {
        return content.tagUuids();
    }

    public UUID appliedToInvoiceUuid() {
        return content.appliedToInvoiceUuid();
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

    /** What transactions paid on it. */
    public BigDecimal amountPaid() {
        return amountPaid;
    }

    /** What each transaction paid on it, in the order first applied. */
    public Map<UUID, BigDecimal> payments() {
        return payments;
    }

    /** For an invoice the credit each memo gave it, for a memo the credit it gave each invoice, in the order applied. */
    public Map<UUID, BigDecimal> credits() {
        return credits;
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    /** The secret part of the customer-facing page's address. */
    public String publicToken() {
        return publicToken;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
