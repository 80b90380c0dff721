package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One COUNT workspace (a company's books) and everything in it.
 *
 * <p>Every public method holds the workspace's monitor for its whole check-then-act, so concurrent
 * requests against one workspace are serialised and none loses an update; requests against
 * different workspaces do not wait for each other. Invoices and templates are immutable, so what a
 * method returns stays consistent after the lock is released.
 *
 * <p>Recurring templates issue their invoices lazily: every operation (but seeding) first issues whatever
 * is due at the clock's today. Time only moves when a test moves the {@link MockClock}, so this is deterministic,
 * and nobody can observe the workspace between the due date and the issuing.
 */
public final class Workspace {

    private final UUID uuid;
    private final String name;
    private final String currency;
    private final Clock clock;
    private final Catalogue catalogue = new Catalogue();
    private final Map<UUID, Invoice> invoices = new LinkedHashMap<>();
    private final InvoiceNumbers numbers = new InvoiceNumbers();
    private final Map<UUID, RecurringTemplate> templates = new LinkedHashMap<>();
    /** UUIDs that two legacy invoices share; COUNT refuses to pick one of them (contract §2). */
    private final Set<UUID> legacyDuplicateUuids = new HashSet<>();
    private final List<SentEmail> outbox = new ArrayList<>();
    private final AuditLog auditLog = new AuditLog();
    /** Credit and payments between the documents above, which it reads and stores through the workspace, and the register. */
    private final Ledger ledger;
    /** Counts the calls that may have changed the workspace, so that a data directory knows when to save it. */
    private final AtomicLong changes = new AtomicLong();

    public Workspace(UUID uuid, String name, String currency, Clock clock) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.name = Objects.requireNonNull(name, "name");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledger = new Ledger(this::existing, invoices::get, this::store, this::now, catalogue, this::today, currency);
    }

    /**
     * A workspace exactly as {@link #contents()} read it, with the clock it runs on. Nothing is checked again:
     * the contents are what a workspace held.
     */
    public static Workspace restore(WorkspaceContents contents, Clock clock) {
        Workspace workspace = new Workspace(contents.uuid(), contents.name(), contents.currency(), clock);
        contents.accounts().forEach(workspace.catalogue::add);
        contents.customers().forEach(customer -> workspace.catalogue.add(customer, customer.createdAt()));
        contents.products().forEach(workspace.catalogue::add);
        contents.tags().forEach(workspace.catalogue::add);
        contents.tagGroups().forEach(workspace.catalogue::add);
        contents.invoices().forEach(workspace::put);
        contents.transactions().forEach(workspace.ledger::restore);
        contents.templates().forEach(template -> workspace.templates.put(template.uuid(), template));
        workspace.legacyDuplicateUuids.addAll(contents.legacyDuplicateUuids());
        workspace.numbers.restoreLastGenerated(contents.lastGeneratedNumbers());
        workspace.outbox.addAll(contents.outbox());
        contents.auditLog().forEach(workspace.auditLog::restore);
        return workspace;
    }

    /** Everything the workspace holds, as one consistent reading; recurring invoices that fell due are issued first. */
    public WorkspaceContents contents() {
        return current(() -> new WorkspaceContents(uuid, name, currency, catalogue.accounts(), catalogue.customers(),
                catalogue.products(), catalogue.tags(), catalogue.tagGroups(), List.copyOf(invoices.values()),
                ledger.transactions(), List.copyOf(templates.values()), legacyDuplicateUuids, numbers.lastGenerated(), outbox, auditLog.all()));
    }

    /**
     * How many calls may have changed the workspace so far (a count that only grows): when it has not moved, there
     * is nothing new to save. Read without the lock, so that asking never waits for a request.
     */
    public long changes() {
        return changes.get();
    }

    public UUID uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    /** The day against which due dates are judged overdue and recurring invoices fall due. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    // ----- seeding: what the workspace holds before any partner calls; not audited

    /** A customer the seed gives no timestamps is created and last changed now. */
    public void addCustomer(Customer customer) {
        change(() -> catalogue.add(customer, now()));
    }

    public void addProduct(Product product) {
        change(() -> catalogue.add(product));
    }

    public void addTag(Tag tag) {
        change(() -> catalogue.add(tag));
    }

    public void addAccount(Account account) {
        change(() -> catalogue.add(account));
    }

    /** Makes {@code invoiceUuid} a UUID that two legacy invoices share: every invoice route refuses it as a conflict. */
    public void addLegacyDuplicateInvoice(UUID invoiceUuid) {
        change(() -> legacyDuplicateUuids.add(invoiceUuid));
    }

    // ----- invoices, estimates and credit memos

    public Invoice createInvoice(Actor actor, NewInvoice request) {
        return createInvoice(actor, UUID.randomUUID(), request);
    }

    /** Creates the invoice under a UUID chosen by the caller: a seed does, so that every reset brings back the same IDs. */
    public Invoice createInvoice(Actor actor, UUID invoiceUuid, NewInvoice request) {
        return current(() -> {
            if (invoices.containsKey(invoiceUuid)) {
                throw DomainException.conflict("duplicate_uuid", "uuid", "Invoice " + invoiceUuid + " already exists in this workspace");
            }
            request.validate();
            InvoiceContent content = numbers.numbered(resolve(request), null);
            Invoice invoice = Invoice.create(invoiceUuid, content, request.draft(), newPublicToken(), now());
            put(invoice);
            auditLog.record("created", actor, invoice.createdAt(), today(), null, invoice, Map.of());
            return invoice;
        });
    }

    public boolean holdsInvoice(UUID invoiceUuid) {
        return current(() -> invoices.containsKey(invoiceUuid));
    }

    public Invoice invoice(UUID invoiceUuid) {
        return current(() -> existing(invoiceUuid, "uuid"));
    }

    /** Every invoice, estimate and memo, in creation order. */
    public List<Invoice> invoices() {
        return current(() -> List.copyOf(invoices.values()));
    }

    public List<Invoice> invoices(InvoiceFilter filter) {
        return current(() -> {
            LocalDate today = today();
            return invoices.values().stream().filter(invoice -> filter.matches(invoice, today)).toList();
        });
    }

    /** Changes a draft: the fields sent replace the current ones and the result is checked like a create. */
    public Invoice updateInvoice(Actor actor, UUID invoiceUuid, InvoiceUpdate update) {
        return current(() -> {
            Invoice current = existing(invoiceUuid, "uuid");
            current.requireEditable();
            NewInvoice merged = update.applyTo(current.content().asRequest());
            merged.validate();
            if (merged.type() != current.invoiceType()) {
                throw DomainException.validation("invoiceType", "invoiceType: a " + current.invoiceType().wireName()
                        + " cannot become a " + merged.type().wireName() + "; delete the draft and create a new one");
            }
            InvoiceContent content = numbers.numbered(resolve(merged), current);
            Invoice updated = current.withContent(content, !merged.draft(), now());
            if (AuditLog.changes(current, updated, today()).isEmpty()) {
                return current;
            }
            return store("updated", actor, current, updated, Map.of());
        });
    }

    /** Deletes a draft; its history goes with it. */
    public Invoice deleteInvoice(UUID invoiceUuid) {
        return changing(() -> {
            Invoice draft = existing(invoiceUuid, "uuid");
            draft.requireDeletable();
            invoices.remove(invoiceUuid);
            numbers.removed(draft);
            auditLog.forget(invoiceUuid);
            return draft;
        });
    }

    public Invoice approve(Actor actor, UUID invoiceUuid) {
        return current(() -> {
            Invoice current = existing(invoiceUuid, "uuid");
            return store("approved", actor, current, current.approve(now()), Map.of());
        });
    }

    /** Sends (or re-sends) an approved invoice; the email lands in the {@link #outbox()}. */
    public Invoice send(Actor actor, UUID invoiceUuid, SendInvoice request) {
        return current(() -> {
            Invoice invoice = existing(invoiceUuid, "uuid");
            request.validate();
            Invoice sent = invoice.markSent(now());
            List<String> recipients = recipients(invoice, request);
            SentEmail email = new SentEmail(invoiceUuid, invoice.invoiceNumber(), recipients,
                    orEmpty(request.cc()), orEmpty(request.bcc()),
                    request.subject() == null ? invoice.label() + " from " + name : request.subject(),
                    request.message() == null ? "Please find " + invoice.label() + " from " + name + "." : request.message(),
                    request.attachPdf() == null || request.attachPdf(), sent.updatedAt());
            outbox.add(email);
            return store("sent", actor, invoice, sent, Map.of("recipients", recipients));
        });
    }

    /** An approved document, whose customer-facing page may be shared; a draft has none yet. */
    public Invoice publishedInvoice(UUID invoiceUuid) {
        return current(() -> {
            Invoice invoice = existing(invoiceUuid, "uuid");
            invoice.requirePublished();
            return invoice;
        });
    }

    /** The approved document whose public page has this token, if any. */
    public Optional<Invoice> publishedInvoice(String publicToken) {
        return current(() -> invoices.values().stream()
                .filter(invoice -> invoice.approved() && invoice.publicToken().equals(publicToken))
                .findFirst());
    }

    public Invoice addAttachmentLinks(Actor actor, UUID invoiceUuid, List<AttachmentLink> links) {
        return current(() -> {
            Invoice invoice = existing(invoiceUuid, "uuid");
            AttachmentLink.validate(links);
            Instant now = now();
            return store("attachments_added", actor, invoice,
                    invoice.withAttachments(links.stream().map(link -> Attachment.link(link, now)).toList(), now), Map.of());
        });
    }

    public Invoice uploadAttachments(Actor actor, UUID invoiceUuid, List<UploadedDocument> documents) {
        return current(() -> {
            Invoice invoice = existing(invoiceUuid, "uuid");
            UploadedDocument.validate(documents);
            Instant now = now();
            return store("attachments_added", actor, invoice,
                    invoice.withAttachments(documents.stream().map(document -> Attachment.upload(document, now)).toList(), now),
                    Map.of());
        });
    }

    /** One entry per change of the document, oldest first. */
    public List<AuditEntry> auditLog(UUID invoiceUuid) {
        return current(() -> {
            existing(invoiceUuid, "uuid");
            return auditLog.entries(invoiceUuid);
        });
    }

    // ----- credit: memos applied to invoices. Each request is all or nothing (see CreditRequest).

    /** Applies several memos' credit to one invoice ({@code apply-multiple-credit-to-invoice}). */
    public Invoice applyCreditMemos(Actor actor, UUID invoiceUuid, List<CreditLine> lines) {
        return current(() -> ledger.applyCreditMemos(actor, invoiceUuid, lines));
    }

    /** Spreads one memo's credit over several invoices ({@code apply-credit-to-multiple-invoices}). */
    public Invoice applyMemoToInvoices(Actor actor, UUID memoUuid, List<CreditLine> lines) {
        return current(() -> ledger.applyMemoToInvoices(actor, memoUuid, lines));
    }

    /** Takes a memo's whole credit off an invoice; both balances are restored. */
    public Invoice removeCredit(Actor actor, UUID invoiceUuid, UUID memoUuid) {
        return current(() -> ledger.removeCredit(actor, invoiceUuid, memoUuid));
    }

    // ----- payments

    /**
     * Records a customer's payment of {@code amount} against an approved invoice (not an estimate or memo),
     * at most its balance due. The public invoice page's Pay button and the admin API record payments here.
     */
    public Invoice recordPayment(UUID invoiceUuid, BigDecimal amount) {
        return current(() -> ledger.recordPayment(invoiceUuid, amount));
    }

    /**
     * The customer pays everything still due, as the public invoice page's Pay button does; read and paid
     * under one lock, so that nothing else changes the balance in between. Paying a paid invoice again
     * (a second click) changes nothing.
     */
    public Invoice payBalance(UUID invoiceUuid) {
        return current(() -> ledger.payBalance(invoiceUuid));
    }

    // ----- the bank register: the rules live in Ledger

    public Transaction createTransaction(NewTransaction request) {
        return changing(() -> ledger.createTransaction(request));
    }

    public Transaction transaction(UUID transactionUuid) {
        return current(() -> ledger.transaction(transactionUuid));
    }

    public List<Transaction> transactions(TransactionQuery query) {
        return current(() -> ledger.transactions(query));
    }

    public Transaction updateTransaction(UUID transactionUuid, TransactionUpdate update) {
        return changing(() -> ledger.updateTransaction(transactionUuid, update));
    }

    /** Refused while it pays invoices. */
    public Transaction deleteTransaction(UUID transactionUuid) {
        return changing(() -> ledger.deleteTransaction(transactionUuid));
    }

    /** Pays invoices with an Income transaction, all or nothing; answers the transaction as it now is. */
    public Transaction assignTransaction(Actor actor, UUID transactionUuid, String matchingType, List<PaymentLine> records,
                                         UUID parentCategoryAccountUuid) {
        return changing(() -> ledger.assign(actor, transactionUuid, matchingType, records, parentCategoryAccountUuid));
    }

    /** Takes a transaction's payment off an invoice; both get back what it had taken. */
    public Invoice removeTransaction(Actor actor, UUID invoiceUuid, UUID transactionUuid) {
        return changing(() -> ledger.removeTransaction(actor, invoiceUuid, transactionUuid));
    }

    // ----- recurring invoice templates

    public RecurringTemplate createTemplate(NewRecurringTemplate request) {
        return changing(() -> {
            request.validate();
            RecurringTemplate template = RecurringTemplate.create(UUID.randomUUID(), resolve(request.invoice()), request, now());
            templates.put(template.uuid(), template);
            return template;
        });
    }

    public RecurringTemplate template(UUID templateUuid) {
        return current(() -> existingTemplate(templateUuid));
    }

    /**
     * @param search  a substring of the customer's name or the notes, in any case; null for all
     * @param isDraft true for paused templates only, false for active ones only, null for both
     */
    public List<RecurringTemplate> templates(String search, Boolean isDraft) {
        return current(() -> templates.values().stream()
                .filter(template -> search == null || InvoiceFilter.contains(template.content().customer().name(), search)
                        || InvoiceFilter.contains(template.content().notes(), search))
                .filter(template -> isDraft == null || template.isDraft() == isDraft)
                .toList());
    }

    public RecurringTemplate updateTemplate(UUID templateUuid, RecurringTemplateUpdate update) {
        return changing(() -> {
            RecurringTemplate current = existingTemplate(templateUuid);
            NewRecurringTemplate merged = update.applyTo(current);
            merged.validate();
            templates.put(templateUuid, current.update(resolve(merged.invoice()), merged, today(), now()));
            issueDueInvoices();
            return templates.get(templateUuid);
        });
    }

    /** Deletes a template; the invoices it already issued stay. */
    public RecurringTemplate deleteTemplate(UUID templateUuid) {
        return changing(() -> {
            RecurringTemplate template = existingTemplate(templateUuid);
            templates.remove(templateUuid);
            return template;
        });
    }

    public RecurringTemplate pauseTemplate(UUID templateUuid) {
        return changing(() -> {
            RecurringTemplate paused = existingTemplate(templateUuid).pause(now());
            templates.put(templateUuid, paused);
            return paused;
        });
    }

    public RecurringTemplate resumeTemplate(UUID templateUuid) {
        return changing(() -> {
            templates.put(templateUuid, existingTemplate(templateUuid).resume(today(), now()));
            issueDueInvoices();
            return templates.get(templateUuid);
        });
    }

    // ----- customers, products, tags, tag groups and accounts: the rules live in Catalogue; here they
    // run under the workspace's lock, after the due invoices are issued, with what invoices and templates use

    public Customer createCustomer(NewCustomer request) {
        return changing(() -> catalogue.createCustomer(request, now()));
    }

    public Customer customer(UUID customerUuid) {
        return current(() -> catalogue.customer(customerUuid, "uuid"));
    }

    public List<Customer> customers(CustomerQuery query) {
        return current(() -> catalogue.customers(query));
    }

    public Customer customerByEmail(String email) {
        return current(() -> catalogue.customerByEmail(email));
    }

    /**
     * Changes the fields sent. Invoices already written keep the customer as it was on them, as paper
     * invoices would; new invoices use the new details.
     */
    public Customer updateCustomer(UUID customerUuid, CustomerUpdate update) {
        return changing(() -> catalogue.updateCustomer(customerUuid, update, now()));
    }

    public Customer deleteCustomer(UUID customerUuid) {
        return changing(() -> {
            boolean referenced = invoices.values().stream().anyMatch(invoice -> invoice.customerUuid().equals(customerUuid))
                    || templates.values().stream().anyMatch(template -> template.content().customer().uuid().equals(customerUuid));
            return catalogue.deleteCustomer(customerUuid, referenced);
        });
    }

    /**
     * A bulk create holds the lock for the whole batch (at most 100 rows, all in memory), so no other request
     * sees it half done or takes an email between one row's check and its insert; each row still succeeds or
     * fails on its own.
     */
    public List<RowResult<Customer>> createCustomers(List<Supplier<NewCustomer>> rows) {
        return changing(() -> catalogue.createCustomers(rows, now()));
    }

    /** Like {@link #createCustomers}: one lock for the batch, each row on its own. */
    public List<RowResult<Customer>> updateCustomers(List<Supplier<CustomerChange>> rows) {
        return changing(() -> catalogue.updateCustomers(rows, now()));
    }

    public Product createProduct(NewProduct request) {
        return changing(() -> catalogue.createProduct(request));
    }

    public Product product(UUID productUuid) {
        return current(() -> catalogue.product(productUuid));
    }

    /** @param search a substring of the name, in any case; null for all */
    public List<Product> products(String search) {
        return current(() -> catalogue.products(search));
    }

    /** Changes the fields sent; invoices already written keep their lines. */
    public Product updateProduct(UUID productUuid, ProductUpdate update) {
        return changing(() -> catalogue.updateProduct(productUuid, update));
    }

    public Product deleteProduct(UUID productUuid) {
        return changing(() -> {
            boolean used = invoices.values().stream().anyMatch(invoice -> hasLineFor(invoice.products(), productUuid))
                    || templates.values().stream().anyMatch(template -> hasLineFor(template.content().products(), productUuid));
            return catalogue.deleteProduct(productUuid, used);
        });
    }

    public Tag createTag(NewTag request) {
        return changing(() -> catalogue.createTag(request));
    }

    public Tag tag(UUID tagUuid) {
        return current(() -> catalogue.tag(tagUuid));
    }

    /** @param search a substring of the name, in any case; null for all */
    public List<Tag> tags(String search) {
        return current(() -> catalogue.tags(search));
    }

    public Tag updateTag(UUID tagUuid, TagUpdate update) {
        return changing(() -> catalogue.updateTag(tagUuid, update));
    }

    public Tag deleteTag(UUID tagUuid) {
        return changing(() -> {
            boolean used = invoices.values().stream().anyMatch(invoice -> invoice.tagUuids().contains(tagUuid))
                    || templates.values().stream().anyMatch(template -> template.content().tagUuids().contains(tagUuid));
            return catalogue.deleteTag(tagUuid, used);
        });
    }

    public TagGroup createTagGroup(NewTagGroup request) {
        return changing(() -> catalogue.createTagGroup(request));
    }

    public TagGroup tagGroup(UUID groupUuid) {
        return current(() -> catalogue.tagGroup(groupUuid));
    }

    /** @param search a substring of the name, in any case; null for all */
    public List<TagGroup> tagGroups(String search) {
        return current(() -> catalogue.tagGroups(search));
    }

    public TagGroup updateTagGroup(UUID groupUuid, TagGroupUpdate update) {
        return changing(() -> catalogue.updateTagGroup(groupUuid, update));
    }

    public TagGroup deleteTagGroup(UUID groupUuid) {
        return changing(() -> catalogue.deleteTagGroup(groupUuid));
    }

    /**
     * @param type   only accounts of this type; null for all
     * @param search a substring of the name or the account number, in any case; null for all
     */
    public List<Account> accounts(AccountType type, String search) {
        return current(() -> catalogue.accounts(type, search));
    }

    public List<SentEmail> outbox() {
        return current(() -> List.copyOf(outbox));
    }

    // ----- the rules behind the operations

    private Invoice existing(UUID invoiceUuid, String field) {
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

    private RecurringTemplate existingTemplate(UUID templateUuid) {
        RecurringTemplate template = templates.get(templateUuid);
        if (template == null) {
            throw DomainException.notFound("uuid", "Recurring invoice template " + templateUuid + " not found in this workspace");
        }
        return template;
    }

    private static boolean hasLineFor(List<InvoiceLine> lines, UUID productUuid) {
        return lines.stream().anyMatch(line -> line.productUuid().equals(productUuid));
    }

    /** Replaces the document, audits the change and returns the new version. */
    private Invoice store(String action, Actor actor, Invoice before, Invoice after, Map<String, Object> facts) {
        put(after);
        auditLog.record(action, actor, after.updatedAt(), today(), before, after, facts);
        return after;
    }

    /** The content of a request checked against the workspace: customer, products, tags and credited invoice exist. */
    private InvoiceContent resolve(NewInvoice request) {
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

    /** Stores a new or changed document; every change goes through here, so the numbers stay indexed. */
    private void put(Invoice invoice) {
        changed();
        numbers.stored(invoices.put(invoice.uuid(), invoice), invoice);
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
     * Issues, as drafts, the invoices of every active template whose next occurrence is due by today; a
     * template that fell behind (the clock jumped) catches up one occurrence at a time.
     */
    private void issueDueInvoices() {
        LocalDate today = today();
        for (RecurringTemplate template : List.copyOf(templates.values())) {
            RecurringTemplate current = template;
            while (current.isDue(today)) {
                InvoiceContent content = current.nextInvoice(numbers.generated(current.content().invoiceType()));
                Invoice invoice = Invoice.create(UUID.randomUUID(), content, true, newPublicToken(), now());
                put(invoice);
                auditLog.record("created", Actor.recurringTemplate(current.uuid()), invoice.createdAt(), today, null,
                        invoice, Map.of());
                current = current.issued(now());
            }
            templates.put(current.uuid(), current);
        }
    }

    /**
     * The one way into the workspace: every public entry runs its work here, under the workspace's one lock
     * (invoices, credits and templates change together), after the recurring invoices that fell due are issued,
     * so that no entry can see or change a schedule that is behind the clock.
     */
    private synchronized <T> T current(Supplier<T> work) {
        issueDueInvoices();
        return work.get();
    }

    /** Like {@link #current}, for an entry that may change the workspace, so that a data directory saves it. */
    private synchronized <T> T changing(Supplier<T> work) {
        changed();
        return current(work);
    }

    /** Like {@link #changing}, for an entry that answers nothing (a seed adding what it holds). */
    private void change(Runnable work) {
        changing(() -> {
            work.run();
            return null;
        });
    }

    private void changed() {
        changes.incrementAndGet();
    }

    /** Unguessable, so that only someone given the link can see (and pay) the invoice. */
    private static String newPublicToken() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
