package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What is written on an invoice, estimate or credit memo, or on a recurring template of one: checked
 * against the workspace (customer, products and tags exist) and immutable. A template's content has no
 * {@code invoiceNumber}; each invoice it issues gets its own.
 */
public record InvoiceContent(InvoiceType invoiceType, String invoiceNumber, Customer customer, LocalDate date,
                             LocalDate dueDate, String currency, List<InvoiceLine> products, BigDecimal discount,
                             String discountDescription, String notes, List<UUID> tagUuids,
                             UUID appliedToInvoiceUuid) {

    public InvoiceContent {
        Objects.requireNonNull(invoiceType, "invoiceType");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dueDate, "dueDate");
        products = List.copyOf(products);
        tagUuids = List.copyOf(tagUuids);
    }

    public BigDecimal subtotal() {
        BigDecimal subtotal = Money.ZERO;
        for (InvoiceLine line : products) {
            subtotal = subtotal.add(line.amount());
        }
        return subtotal;
    }

    public BigDecimal total() {
        return subtotal().subtract(discount);
    }

    /** The content back in request form, so that a partial update can be laid over it and checked like a create. */
    NewInvoice asRequest() {
        return new NewInvoice(customer.uuid(), date, dueDate, invoiceType, invoiceNumber, currency, discount,
                discountDescription, notes, tagUuids, null, appliedToInvoiceUuid,
                products.stream().map(line -> new NewInvoiceLine(line.productUuid(), line.description(), line.quantity(),
                        line.unitPrice())).toList());
    }

    InvoiceContent withNumber(String number) {
        return new InvoiceContent(invoiceType, number, customer, date, dueDate, currency, products, discount,
                discountDescription, notes, tagUuids, appliedToInvoiceUuid);
    }

    /** The invoice a template issues for one due date: same terms (days from date to due date), its own number. */
    InvoiceContent issue(LocalDate issueDate, String number) {
        LocalDate due = issueDate.plusDays(ChronoUnit.DAYS.between(date, dueDate));
        return new InvoiceContent(invoiceType, number, customer, issueDate, due, currency, products, discount,
                discountDescription, notes, tagUuids, appliedToInvoiceUuid);
    }
}
