package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One COUNT workspace (a company's books) and everything in it.
 *
 * <p>Every public method holds the workspace's monitor for its whole check-then-act, so concurrent
 * requests against one workspace are serialised and none loses an update; requests against
 * different workspaces do not wait for each other. Invoices are immutable, so what a method
 * returns stays consistent after the lock is released.
 */
public final class Workspace {

    private final UUID uuid;
    private final String name;
    private final String currency;
    private final Clock clock;
    private final Map<UUID, Customer> customers = new LinkedHashMap<>();
    private final Map<UUID, Product> products = new LinkedHashMap<>();
    private final Map<UUID, Tag> tags = new LinkedHashMap<>();
    private final Map<UUID, Invoice> invoices = new LinkedHashMap<>();
    private final Map<InvoiceType, Integer> lastGeneratedNumber = new EnumMap<>(InvoiceType.class);
    private final List<SentEmail> outbox = new ArrayList<>();

    public Workspace(UUID uuid, String name, String currency, Clock clock) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.name = Objects.requireNonNull(name, "name");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public UUID uuid() {
        return uuid;
    }

    /** The day against which due dates are judged overdue. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    public synchronized void addCustomer(Customer customer) {
        customers.put(customer.uuid(), customer);
    }

    public synchronized void addProduct(Product product) {
        products.put(product.uuid(), product);
    }

    public synchronized void addTag(Tag tag) {
        tags.put(tag.uuid(), tag);
    }

    public Invoice createInvoice(NewInvoice request) {
        return createInvoice(UUID.randomUUID(), request);
    }

    /** Creates the invoice under a UUID chosen by the caller: a seed does, so that every reset brings back the same IDs. */
    public synchronized Invoice createInvoice(UUID invoiceUuid, NewInvoice request) {
        if (invoices.containsKey(invoiceUuid)) {
            throw DomainException.conflict("DUPLICATE_UUID", "uuid", "Invoice " + invoiceUuid + " already exists in this workspace");
        }
        request.validate();
        Customer customer = customers.get(request.customerUuid());
        if (customer == null) {
            throw DomainException.notFound("customerUuid",
                    "customerUuid: customer " + request.customerUuid() + " not found in this workspace");
        }
        List<InvoiceLine> lines = invoiceLines(request.products());
        requireTags(request);
        requireCreditedInvoice(request, customer);
        requireDiscountWithinSubtotal(request, lines);
        Invoice invoice = Invoice.create(invoiceUuid, invoiceNumber(request), customer, request,
                request.currency() == null ? currency : request.currency(), lines, now());
        invoices.put(invoice.uuid(), invoice);
        return invoice;
    }

    public synchronized Invoice invoice(UUID invoiceUuid) {
        Invoice invoice = invoices.get(invoiceUuid);
        if (invoice == null) {
            throw DomainException.notFound("uuid", "Invoice " + invoiceUuid + " not found in this workspace");
        }
        return invoice;
    }

    public synchronized Invoice approve(UUID invoiceUuid) {
        Invoice approved = invoice(invoiceUuid).approve(now());
        invoices.put(invoiceUuid, approved);
        return approved;
    }

    /** Sends (or re-sends) an approved invoice; the email lands in the {@link #outbox()}. */
    public synchronized Invoice send(UUID invoiceUuid, SendInvoice request) {
        Invoice invoice = invoice(invoiceUuid);
        request.validate();
        Invoice sent = invoice.markSent(now());
        SentEmail email = new SentEmail(invoiceUuid, invoice.invoiceNumber(), recipients(invoice, request),
                orEmpty(request.cc()), orEmpty(request.bcc()),
                request.subject() == null ? invoice.label() + " from " + name : request.subject(),
                request.message() == null ? "Please find " + invoice.label() + " from " + name + "." : request.message(),
                request.attachPdf() == null || request.attachPdf(), sent.updatedAt());
        invoices.put(invoiceUuid, sent);
        outbox.add(email);
        return sent;
    }

    public synchronized List<Invoice> invoices() {
        return List.copyOf(invoices.values());
    }

    public synchronized List<SentEmail> outbox() {
        return List.copyOf(outbox);
    }

    private List<InvoiceLine> invoiceLines(List<NewInvoiceLine> requested) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            NewInvoiceLine line = requested.get(i);
            String field = "products[" + i + "].productUuid";
            Product product = products.get(line.productUuid());
            if (product == null) {
                throw DomainException.notFound(field,
                        field + ": product " + line.productUuid() + " not found in this workspace");
            }
            if (product.categoryAccountUuid() == null) {
                throw DomainException.ruleOnField("PRODUCT_WITHOUT_CATEGORY", field, field + ": product \""
                        + product.name() + "\" has no category account; give it one in COUNT before invoicing it");
            }
            lines.add(new InvoiceLine(product.uuid(), line.description() == null ? product.name() : line.description(),
                    line.quantity(), line.unitPrice()));
        }
        return lines;
    }

    private void requireTags(NewInvoice request) {
        List<UUID> requested = orEmpty(request.tagUuids());
        for (int i = 0; i < requested.size(); i++) {
            if (!tags.containsKey(requested.get(i))) {
                String field = "tagUuids[" + i + "]";
                throw DomainException.notFound(field, field + ": tag " + requested.get(i) + " not found in this workspace");
            }
        }
    }

    private void requireCreditedInvoice(NewInvoice request, Customer customer) {
        if (request.appliedToInvoiceUuid() == null) {
            return;
        }
        Invoice credited = invoices.get(request.appliedToInvoiceUuid());
        if (credited == null) {
            throw DomainException.notFound("appliedToInvoiceUuid",
                    "appliedToInvoiceUuid: invoice " + request.appliedToInvoiceUuid() + " not found in this workspace");
        }
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

    private String invoiceNumber(NewInvoice request) {
        InvoiceType type = request.type();
        if (request.invoiceNumber() != null) {
            if (numberTaken(type, request.invoiceNumber())) {
                throw DomainException.conflict("DUPLICATE_INVOICE_NUMBER", "invoiceNumber", "invoiceNumber "
                        + request.invoiceNumber() + " is already used by another " + type.wireName()
                        + " in this workspace; send another number or leave it out to have one generated");
            }
            return request.invoiceNumber();
        }
        String generated;
        int sequence = lastGeneratedNumber.getOrDefault(type, 0);
        do {
            sequence++;
            generated = String.format("%s-%04d", type.numberPrefix(), sequence);
        } while (numberTaken(type, generated));
        lastGeneratedNumber.put(type, sequence);
        return generated;
    }

    private boolean numberTaken(InvoiceType type, String number) {
        return invoices.values().stream()
                .anyMatch(invoice -> invoice.invoiceType() == type && invoice.invoiceNumber().equals(number));
    }

    private List<String> recipients(Invoice invoice, SendInvoice request) {
        if (request.recipients() != null && !request.recipients().isEmpty()) {
            return request.recipients();
        }
        String email = customers.get(invoice.customerUuid()).email();
        if (email == null || email.isBlank()) {
            throw DomainException.rule("NO_RECIPIENT", "Customer \"" + invoice.customerName()
                    + "\" has no email address; pass recipients in the send request");
        }
        return List.of(email);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
