package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A workspace's invoices, estimates and credit memos (contract §3) through their life: created (by a partner or
 * a recurring template), changed while drafts, approved, sent, published on their public page, given
 * attachments, deleted while drafts; with their numbering, their history and the emails sent. Not thread-safe:
 * {@link Workspace} calls it under its lock, so that invoices, credits and templates change together.
 */
final class Invoices {

    private static final String INVOICE = "invoice";
    private static final int PUBLIC_TOKEN_BYTES = 32;
    /**
     * A DRBG of the mock's own, not the default NativePRNG: that one is a single generator behind one lock for the
     * whole JVM (every {@code UUID.randomUUID()}, WireMock's serve events among them), and a token is drawn under
     * the workspace lock, which would then wait for it too.
     */
    private static final SecureRandom PUBLIC_TOKENS = publicTokenGenerator();

    private final String workspaceName;
    private final String currency;
    /** What a document's customer, products and tags must exist in. */
    private final Catalogue catalogue;
    private final Supplier<Instant> now;
    private final Supplier<LocalDate> today;
    /** Told of every stored document, so that a data directory saves the workspace. */
    private final Runnable changed;
    private final Map<UUID, Invoice> invoices = new LinkedHashMap<>();
    /** The list's order and filters, so that a page does not cost a scan of the workspace. */
    private final InvoiceIndex index = new InvoiceIndex();
    private final InvoiceNumbers numbers = new InvoiceNumbers();
    /** UUIDs that two legacy invoices share; COUNT refuses to pick one of them (contract §2). */
    private final Set<UUID> legacyDuplicateUuids = new HashSet<>();
    private final List<SentEmail> outbox = new ArrayList<>();
    private final AuditLog auditLog = new AuditLog();
    /** Where every document's creation, change and deletion is recorded, for the workspace's webhooks. */
    private final DomainEvents events;

    Invoices(String workspaceName, String currency, Catalogue catalogue, Supplier<Instant> now,
             Supplier<LocalDate> today, Runnable changed, DomainEvents events) {
        this.workspaceName = workspaceName;
        this.currency = currency;
        this.catalogue = catalogue;
        this.now = now;
        this.today = today;
        this.changed = changed;
        this.events = events;
    }

    /** Takes back the documents, numbering, outbox and history a workspace's contents hold. */
    void restore(WorkspaceContents contents) {
        contents.invoices().forEach(this::put);
        legacyDuplicateUuids.addAll(contents.legacyDuplicateUuids());
        numbers.restoreLastGenerated(contents.lastGeneratedNumbers());
        outbox.addAll(contents.outbox());
        contents.auditLog().forEach(auditLog::restore);
    }

    // ----- everything, for saving

    /** Every invoice, estimate and memo, in creation order. */
    List<Invoice> all() {
        return List.copyOf(invoices.values());
    }

    Set<UUID> legacyDuplicateUuids() {
        return legacyDuplicateUuids;
    }

    Map<InvoiceType, Integer> lastGeneratedNumbers() {
        return numbers.lastGenerated();
    }

    Map<UUID, List<AuditEntry>> auditLog() {
        return auditLog.all();
    }

    /** Every email sent, in sending order. */
    List<SentEmail> outbox() {
        return List.copyOf(outbox);
    }

    /** Makes {@code invoiceUuid} a UUID that two legacy invoices share: every invoice route refuses it as a conflict. */
    void addLegacyDuplicate(UUID invoiceUuid) {
        legacyDuplicateUuids.add(invoiceUuid);
    }

    // ----- the lifecycle

    Invoice create(Actor actor, UUID invoiceUuid, NewInvoice request) {
        if (invoices.containsKey(invoiceUuid)) {
            throw DomainException.conflict("duplicate_uuid", "uuid", "Invoice " + invoiceUuid + " already exists in this workspace");
        }
        request.validate();
        return created(actor, invoiceUuid, numbers.numbered(resolve(request), null), request.draft());
    }

    /** Issues a template's next occurrence as a draft, under the next generated number. */
    void issue(RecurringTemplate template) {
        InvoiceContent content = template.nextInvoice(numbers.generated(template.content().invoiceType()));
        created(Actor.recurringTemplate(template.uuid()), UUID.randomUUID(), content, true);
    }

    boolean holds(UUID invoiceUuid) {
        return invoices.containsKey(invoiceUuid);
    }

    /** One page of the documents that match, in creation order, with how many match; see {@link InvoiceIndex}. */
    InvoicePage page(InvoiceFilter filter, long offset, int limit) {
        return index.page(filter, today.get(), offset, limit);
    }

    /** Changes a draft: the fields sent replace the current ones and the result is checked like a create. */
    Invoice update(Actor actor, UUID invoiceUuid, InvoiceUpdate update) {
        Invoice current = existing(invoiceUuid, "uuid");
        current.requireEditable();
        NewInvoice merged = update.applyTo(current.content().asRequest());
        merged.validate();
        if (merged.type() != current.invoiceType()) {
            throw DomainException.validation("invoiceType", "invoiceType: a " + current.invoiceType().wireName()
                    + " cannot become a " + merged.type().wireName() + "; delete the draft and create a new one");
        }
        InvoiceContent content = numbers.numbered(resolve(merged), current);
        Invoice updated = current.withContent(content, !merged.draft(), now.get());
        if (AuditLog.changes(current, updated, today.get()).isEmpty()) {
            return current;
        }
        return store("updated", actor, current, updated, Map.of());
    }

    /**
     * Deletes a draft; its history goes with it. The mock has no soft delete (a document kept as deleted), which
     * COUNT reports as {@code invoice.updated}: a deletion here is COUNT's hard delete, {@code invoice.deleted}.
     */
    Invoice delete(UUID invoiceUuid) {
        Invoice draft = existing(invoiceUuid, "uuid");
        draft.requireDeletable();
        invoices.remove(invoiceUuid);
        index.removed(draft);
        numbers.removed(draft);
        auditLog.forget(invoiceUuid);
        events.deleted(INVOICE, invoiceUuid, draft);
        return draft;
    }

    Invoice approve(Actor actor, UUID invoiceUuid) {
        Invoice current = existing(invoiceUuid, "uuid");
        return store("approved", actor, current, current.approve(now.get()), Map.of());
    }

    /** Sends (or re-sends) an approved invoice; the email lands in the {@link #outbox()}. */
    Invoice send(Actor actor, UUID invoiceUuid, SendInvoice request) {
        Invoice invoice = existing(invoiceUuid, "uuid");
        request.validate();
        Invoice sent = invoice.markSent(now.get());
        List<String> recipients = recipients(invoice, request);
        SentEmail email = new SentEmail(invoiceUuid, invoice.invoiceNumber(), recipients,
                orEmpty(request.cc()), orEmpty(request.bcc()),
                request.subject() == null ? invoice.label() + " from " + workspaceName : request.subject(),
                request.message() == null ? "Please find " + invoice.label() + " from " + workspaceName + "." : request.message(),
                request.attachPdf() == null || request.attachPdf(), sent.updatedAt());
        outbox.add(email);
        return store("sent", actor, invoice, sent, Map.of("recipients", recipients));
    }

    /** An approved document, whose customer-facing page may be shared; a draft has none yet. */
    Invoice published(UUID invoiceUuid) {
        Invoice invoice = existing(invoiceUuid, "uuid");
        invoice.requirePublished();
        return invoice;
    }

    /** The approved document whose public page has this token, if any. */
    Optional<Invoice> published(String publicToken) {
        return invoices.values().stream()
                .filter(invoice -> invoice.approved() && invoice.publicToken().equals(publicToken))
                .findFirst();
    }

    Invoice addAttachmentLinks(Actor actor, UUID invoiceUuid, List<AttachmentLink> links) {
        Invoice invoice = existing(invoiceUuid, "uuid");
        AttachmentLink.validate(links);
        Instant at = now.get();
        return store("attachments_added", actor, invoice,
                invoice.withAttachments(links.stream().map(link -> Attachment.link(link, at)).toList(), at), Map.of());
    }

    Invoice uploadAttachments(Actor actor, UUID invoiceUuid, List<UploadedDocument> documents) {
        Invoice invoice = existing(invoiceUuid, "uuid");
        UploadedDocument.validate(documents);
        Instant at = now.get();
        return store("attachments_added", actor, invoice,
                invoice.withAttachments(documents.stream().map(document -> Attachment.upload(document, at)).toList(), at),
                Map.of());
    }

    /** One entry per change of the document, oldest first. */
    List<AuditEntry> auditLog(UUID invoiceUuid) {
        existing(invoiceUuid, "uuid");
        return auditLog.entries(invoiceUuid);
    }

    /** Whether any document's content matches: a customer, product or tag it uses cannot be deleted. */
    boolean anyUses(Predicate<InvoiceContent> uses) {
        return invoices.values().stream().map(Invoice::content).anyMatch(uses);
    }

    // ----- what the ledger reads and stores through

    /** A stored document, or a refusal naming the field: not found, or a UUID two legacy invoices share. */
    Invoice existing(UUID invoiceUuid, String field) {
        if (legacyDuplicateUuids.contains(invoiceUuid)) {
            throw DomainException.conflict("duplicate_uuid", field, field + ": two legacy invoices in this workspace"
                    + " share the UUID " + invoiceUuid + "; COUNT support must merge them before it can be used");
        }
        Invoice invoice = invoices.get(invoiceUuid);
        if (invoice == null) {
            throw DomainException.notFound(field, field + ": invoice " + invoiceUuid + " not found in this workspace");
        }
        return invoice;
    }

    /** The stored version of a document, or null. */
    Invoice stored(UUID invoiceUuid) {
        return invoices.get(invoiceUuid);
    }

    /**
     * Replaces the document, audits the change and returns the new version. Every change of a stored document (an
     * edit, approval, sending, attachment, credit or payment) comes through here, so each is one {@code invoice.updated}.
     */
    Invoice store(String action, Actor actor, Invoice before, Invoice after, Map<String, Object> facts) {
        put(after);
        auditLog.record(action, actor, after.updatedAt(), today.get(), before, after, facts);
        events.updated(INVOICE, after.uuid(), before, after);
        return after;
    }

    // ----- the rules behind the operations

    /** The content of a request checked against the workspace: customer, products, tags and credited invoice exist. */
    InvoiceContent resolve(NewInvoice request) {
        Customer customer = catalogue.customer(request.customerUuid(), "customerUuid");
        List<InvoiceLine> lines = invoiceLines(request.products());
        requireTags(request);
        requireCreditedInvoice(request, customer);
        requireDiscountWithinSubtotal(request, lines);
        return new InvoiceContent(request.type(), request.invoiceNumber(), customer, request.date(),
                request.dueDate() == null ? request.date() : request.dueDate(),
                request.currency() == null ? currency : request.currency(), lines,
                request.discount() == null ? Money.ZERO : Money.requireAmount(request.discount(), "discount"),
                request.discountDescription(), request.notes(), orEmpty(request.tagUuids()), request.appliedToInvoiceUuid());
    }

    /** Stores and audits a new document. */
    private Invoice created(Actor actor, UUID invoiceUuid, InvoiceContent content, boolean draft) {
        Invoice invoice = Invoice.create(invoiceUuid, content, draft, newPublicToken(), now.get());
        put(invoice);
        auditLog.record("created", actor, invoice.createdAt(), today.get(), null, invoice, Map.of());
        events.created(INVOICE, invoiceUuid, invoice);
        return invoice;
    }

    /** Stores a new or changed document; every change goes through here, so the numbers and the list stay indexed. */
    private void put(Invoice invoice) {
        changed.run();
        numbers.stored(invoices.put(invoice.uuid(), invoice), invoice);
        index.stored(invoice);
    }

    private List<InvoiceLine> invoiceLines(List<NewInvoiceLine> requested) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            NewInvoiceLine line = requested.get(i);
            String field = "products[" + i + "].productUuid";
            Product product = catalogue.findProduct(line.productUuid()).orElse(null);
            if (product == null) {
                throw DomainException.notFound(field,
                        field + ": product " + line.productUuid() + " not found in this workspace");
            }
            if (product.categoryAccountUuid() == null) {
                throw DomainException.ruleOnField("product_without_category", field, field + ": product \""
                        + product.name() + "\" has no category account; give it one in COUNT before invoicing it");
            }
            lines.add(new InvoiceLine(product.uuid(), line.description() == null ? product.name() : line.description(),
                    line.quantity(), line.unitPrice()));
        }
        return lines;
    }

    private void requireTags(NewInvoice request) {
        catalogue.requireTags(request.tagUuids(), "tagUuids");
    }

    private void requireCreditedInvoice(NewInvoice request, Customer customer) {
        if (request.appliedToInvoiceUuid() == null) {
            return;
        }
        Invoice credited = existing(request.appliedToInvoiceUuid(), "appliedToInvoiceUuid");
        if (credited.invoiceType() != InvoiceType.INVOICE || !credited.customerUuid().equals(customer.uuid())) {
            throw DomainException.validation("appliedToInvoiceUuid",
                    "appliedToInvoiceUuid must be an invoice (not an estimate or memo) of the same customer");
        }
    }

    private static void requireDiscountWithinSubtotal(NewInvoice request, List<InvoiceLine> lines) {
        BigDecimal subtotal = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (request.discount() != null && request.discount().compareTo(subtotal) > 0) {
            throw DomainException.validation("discount", "discount " + request.discount().toPlainString()
                    + " exceeds the subtotal " + subtotal.toPlainString());
        }
    }

    private List<String> recipients(Invoice invoice, SendInvoice request) {
        if (request.recipients() != null && !request.recipients().isEmpty()) {
            return request.recipients();
        }
        String email = catalogue.customer(invoice.customerUuid(), "uuid").email();
        if (email == null || email.isBlank()) {
            throw DomainException.rule("no_recipient", "Customer \"" + invoice.customerName()
                    + "\" has no email address; pass recipients in the send request");
        }
        return List.of(email);
    }

    /**
     * Unguessable, so that only someone given the link can see (and pay) the invoice: 256 random bits as 64 hex
     * digits, drawn at once.
     */
    private static String newPublicToken() {
        byte[] bits = new byte[PUBLIC_TOKEN_BYTES];
        PUBLIC_TOKENS.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    private static SecureRandom publicTokenGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException notInThisJdk) { // every JDK since 9 has it
            throw new IllegalStateException(notInThisJdk);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
