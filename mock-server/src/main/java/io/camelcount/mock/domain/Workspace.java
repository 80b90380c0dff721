package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One COUNT workspace (a company's books): the one lock over what it holds, its {@link Catalogue}, its
 * {@link Invoices}, the {@link Ledger} of credit and payments between them and its {@link RecurringSchedule}.
 * Those are not synchronized themselves: they change together (a template issues invoices, a credit changes two
 * documents), so they stay consistent only under one lock.
 *
 * <p>Every public method holds the workspace's monitor for its whole check-then-act, so concurrent
 * requests against one workspace are serialised and none loses an update; requests against
 * different workspaces do not wait for each other. Invoices and templates are immutable, so what a
 * method returns stays consistent after the lock is released.
 *
 * <p>Every change of a customer, invoice or transaction is recorded as a {@link DomainEvent} under the lock and handed
 * to the workspace's listener ({@link #publishTo}) once the lock is released, in the order the changes were made; the
 * workspace does not know that webhooks deliver them.
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
    /** What changed during the current call, handed to {@link #listener} once the lock is released. */
    private final DomainEvents events = new DomainEvents(this::now);
    private final Catalogue catalogue = new Catalogue(events);
    private final Invoices invoices;
    /** Credit and payments between the documents above, which it reads and stores through the invoices. */
    private final Ledger ledger;
    private final RecurringSchedule schedule;
    /** Counts the calls that may have changed the workspace, so that a data directory knows when to save it. */
    private final AtomicLong changes = new AtomicLong();
    /** Told of each call's events, outside the lock; none until the workspace is in service, so a seed tells nobody. */
    private volatile Consumer<List<DomainEvent>> listener = events -> {
    };

    public Workspace(UUID uuid, String name, String currency, Clock clock) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.name = Objects.requireNonNull(name, "name");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.invoices = new Invoices(name, currency, catalogue, this::now, this::today, this::changed, events);
        this.ledger = new Ledger(invoices::existing, invoices::stored, invoices::store, this::now, catalogue, this::today,
                currency, events);
        this.schedule = new RecurringSchedule(invoices, this::now, this::today);
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
        workspace.invoices.restore(contents);
        contents.transactions().forEach(workspace.ledger::restore);
        workspace.schedule.restore(contents.templates());
        return workspace;
    }

    /** Everything the workspace holds, as one consistent reading; recurring invoices that fell due are issued first. */
    public WorkspaceContents contents() {
        return current(() -> new WorkspaceContents(uuid, name, currency, catalogue.accounts(), catalogue.customers(),
                catalogue.products(), catalogue.tags(), catalogue.tagGroups(), invoices.all(), ledger.transactions(),
                schedule.all(), invoices.legacyDuplicateUuids(), invoices.lastGeneratedNumbers(), invoices.outbox(),
                invoices.auditLog()));
    }

    /**
     * How many calls may have changed the workspace so far (a count that only grows): when it has not moved, there
     * is nothing new to save. Read without the lock, so that asking never waits for a request.
     */
    public long changes() {
        return changes.get();
    }

    /**
     * From now on, each call's events (contract §8) go to {@code listener}, in the order they happened, after the
     * workspace's lock is released: a listener that delivers them (or waits) never holds up another request.
     */
    public void publishTo(Consumer<List<DomainEvent>> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Issues the recurring invoices that fell due, as any request would; for a caller that wants their events now. */
    public void catchUp() {
        current(() -> null);
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
        change(() -> invoices.addLegacyDuplicate(invoiceUuid));
    }

    // ----- invoices, estimates and credit memos: the rules live in Invoices

    public Invoice createInvoice(Actor actor, NewInvoice request) {
        return createInvoice(actor, UUID.randomUUID(), request);
    }

    /** Creates the invoice under a UUID chosen by the caller: a seed does, so that every reset brings back the same IDs. */
    public Invoice createInvoice(Actor actor, UUID invoiceUuid, NewInvoice request) {
        return current(() -> invoices.create(actor, invoiceUuid, request));
    }

    public boolean holdsInvoice(UUID invoiceUuid) {
        return current(() -> invoices.holds(invoiceUuid));
    }

    public Invoice invoice(UUID invoiceUuid) {
        return current(() -> invoices.existing(invoiceUuid, "uuid"));
    }

    /** Every invoice, estimate and memo, in creation order. */
    public List<Invoice> invoices() {
        return current(invoices::all);
    }

    /**
     * One page of the invoice list: at most {@code limit} of the documents that match, from the {@code offset}-th
     * (0-based) in creation order, with how many match in all.
     */
    public InvoicePage invoices(InvoiceFilter filter, long offset, int limit) {
        return current(() -> invoices.page(filter, offset, limit));
    }

    /** Changes a draft: the fields sent replace the current ones and the result is checked like a create. */
    public Invoice updateInvoice(Actor actor, UUID invoiceUuid, InvoiceUpdate update) {
        return current(() -> invoices.update(actor, invoiceUuid, update));
    }

    /** Deletes a draft; its history goes with it. */
    public Invoice deleteInvoice(UUID invoiceUuid) {
        return changing(() -> invoices.delete(invoiceUuid));
    }

    public Invoice approve(Actor actor, UUID invoiceUuid) {
        return current(() -> invoices.approve(actor, invoiceUuid));
    }

    /** Sends (or re-sends) an approved invoice; the email lands in the {@link #outbox()}. */
    public Invoice send(Actor actor, UUID invoiceUuid, SendInvoice request) {
        return current(() -> invoices.send(actor, invoiceUuid, request));
    }

    /** An approved document, whose customer-facing page may be shared; a draft has none yet. */
    public Invoice publishedInvoice(UUID invoiceUuid) {
        return current(() -> invoices.published(invoiceUuid));
    }

    /** The approved document whose public page has this token, if any. */
    public Optional<Invoice> publishedInvoice(String publicToken) {
        return current(() -> invoices.published(publicToken));
    }

    public Invoice addAttachmentLinks(Actor actor, UUID invoiceUuid, List<AttachmentLink> links) {
        return current(() -> invoices.addAttachmentLinks(actor, invoiceUuid, links));
    }

    public Invoice uploadAttachments(Actor actor, UUID invoiceUuid, List<UploadedDocument> documents) {
        return current(() -> invoices.uploadAttachments(actor, invoiceUuid, documents));
    }

    /** One entry per change of the document, oldest first. */
    public List<AuditEntry> auditLog(UUID invoiceUuid) {
        return current(() -> invoices.auditLog(invoiceUuid));
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
     * at most its balance due. The public invoice page's Pay button and the admin API record payments here, as an
     * Income transaction of the register that pays the invoice.
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

    // ----- recurring invoice templates: the schedule lives in RecurringSchedule

    public RecurringTemplate createTemplate(NewRecurringTemplate request) {
        return changing(() -> schedule.create(request));
    }

    public RecurringTemplate template(UUID templateUuid) {
        return current(() -> schedule.template(templateUuid));
    }

    /**
     * @param search  a substring of the customer's name or the notes, in any case; null for all
     * @param isDraft true for paused templates only, false for active ones only, null for both
     */
    public List<RecurringTemplate> templates(String search, Boolean isDraft) {
        return current(() -> schedule.templates(search, isDraft));
    }

    public RecurringTemplate updateTemplate(UUID templateUuid, RecurringTemplateUpdate update) {
        return changing(() -> schedule.update(templateUuid, update));
    }

    /** Deletes a template; the invoices it already issued stay. */
    public RecurringTemplate deleteTemplate(UUID templateUuid) {
        return changing(() -> schedule.delete(templateUuid));
    }

    public RecurringTemplate pauseTemplate(UUID templateUuid) {
        return changing(() -> schedule.pause(templateUuid));
    }

    public RecurringTemplate resumeTemplate(UUID templateUuid) {
        return changing(() -> schedule.resume(templateUuid));
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
        return changing(() -> catalogue.deleteCustomer(customerUuid,
                anyUses(content -> content.customer().uuid().equals(customerUuid))));
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
        return changing(() -> catalogue.deleteProduct(productUuid, anyUses(content -> content.products().stream()
                .anyMatch(line -> line.productUuid().equals(productUuid)))));
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
        return changing(() -> catalogue.deleteTag(tagUuid, anyUses(content -> content.tagUuids().contains(tagUuid))));
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
        return current(invoices::outbox);
    }

    /** Whether any invoice or template has such content: a customer, product or tag they use cannot be deleted. */
    private boolean anyUses(Predicate<InvoiceContent> uses) {
        return invoices.anyUses(uses) || schedule.anyUses(uses);
    }

    // ----- the one lock

    /**
     * The one way into the workspace: every public entry runs its work here, under the workspace's one lock
     * (invoices, credits and templates change together), after the recurring invoices that fell due are issued,
     * so that no entry can see or change a schedule that is behind the clock.
     */
    private <T> T current(Supplier<T> work) {
        return locked(false, work);
    }

    /** Like {@link #current}, for an entry that may change the workspace, so that a data directory saves it. */
    private <T> T changing(Supplier<T> work) {
        return locked(true, work);
    }

    /**
     * Runs the work under the lock (counting it as a change inside the lock, so that a data directory that reads the
     * count and then the contents never misses it), then hands what it changed to the listener outside the lock. A
     * refused call still reports the recurring invoices issued before its refusal: those are stored.
     */
    private <T> T locked(boolean changes, Supplier<T> work) {
        List<DomainEvent> happened = List.of();
        try {
            synchronized (this) {
                try {
                    if (changes) {
                        changed();
                    }
                    schedule.issueDueInvoices();
                    return work.get();
                } finally {
                    happened = events.drain();
                }
            }
        } finally {
            if (!happened.isEmpty()) {
                listener.accept(happened);
            }
        }
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
