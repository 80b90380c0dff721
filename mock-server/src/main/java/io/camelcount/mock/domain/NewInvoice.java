package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A create request as the partner sent it. Fields are null when absent, so that the rules below,
 * not the wire format, decide what is required and what the defaults are.
 */
public record NewInvoice(
        UUID customerUuid,
        LocalDate date,
        LocalDate dueDate,
        InvoiceType invoiceType,
        String invoiceNumber,
        String currency,
        BigDecimal discount,
        String discountDescription,
        String notes,
        List<UUID> tagUuids,
        Boolean isDraft,
        UUID appliedToInvoiceUuid,
        List<NewInvoiceLine> products) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** The rules that need nothing but the request itself; references are checked by the workspace. */
    void validate() {
        if (customerUuid == null) {
            throw DomainException.validation("customerUuid", "customerUuid is required");
        }
        if (date == null) {
            throw DomainException.validation("date", "date is required (YYYY-MM-DD)");
        }
        if (products == null || products.isEmpty()) {
            throw DomainException.validation("products", "products must hold at least one line");
        }
        for (int i = 0; i < products.size(); i++) {
            products.get(i).validate("products[" + i + "].");
        }
        if (dueDate != null && dueDate.isBefore(date)) {
            throw DomainException.validation("dueDate", "dueDate " + dueDate + " is before date " + date);
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw DomainException.validation("currency", "currency must be a three-letter ISO 4217 code such as GBP");
        }
        if (discount != null) {
            if (discount.signum() < 0) {
                throw DomainException.validation("discount", "discount must be 0 or more");
            }
            Money.requireAmount(discount, "discount");
        }
        if (invoiceNumber != null && invoiceNumber.isBlank()) {
            throw DomainException.validation("invoiceNumber", "invoiceNumber must not be blank; leave it out to have one generated");
        }
        if (appliedToInvoiceUuid != null && type() != InvoiceType.MEMO) {
            throw DomainException.validation("appliedToInvoiceUuid",
                    "appliedToInvoiceUuid is only allowed on a credit memo (invoiceType \"memo\")");
        }
    }

    InvoiceType type() {
        return invoiceType == null ? InvoiceType.INVOICE : invoiceType;
    }

    boolean draft() {
        return isDraft == null || isDraft;
    }
}
