package io.camelcount.mock.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The filters of the invoice list (contract §3); a null filter lets every invoice through, and the
 * filters combine with "and".
 *
 * @param search       a substring of the number, the customer's name or the notes, in any case
 * @param statuses     derived statuses, any of which matches
 * @param approved     {@code approvalStatus}: false for drafts, true for approved documents
 * @param customerUuids customers, any of which matches
 * @param startDate    earliest {@code date}, inclusive
 * @param endDate      latest {@code date}, inclusive
 */
public record InvoiceFilter(String search, Set<InvoiceStatus> statuses, Boolean approved, UUID customerUuid,
                            Set<UUID> customerUuids, LocalDate startDate, LocalDate endDate, InvoiceType invoiceType,
                            Boolean isDraft) {

    public InvoiceFilter {
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw DomainException.validation("endDate", "endDate " + endDate + " is before startDate " + startDate);
        }
    }

    boolean matches(Invoice invoice, LocalDate today) {
        return (search == null || contains(invoice.invoiceNumber(), search) || contains(invoice.customerName(), search)
                || contains(invoice.notes(), search))
                && (statuses == null || statuses.contains(invoice.status(today)))
                && (approved == null || invoice.approved() == approved)
                && (customerUuid == null || invoice.customerUuid().equals(customerUuid))
                && (customerUuids == null || customerUuids.contains(invoice.customerUuid()))
                && (startDate == null || !invoice.date().isBefore(startDate))
                && (endDate == null || !invoice.date().isAfter(endDate))
                && (invoiceType == null || invoice.invoiceType() == invoiceType)
                && (isDraft == null || invoice.isDraft() == isDraft);
    }

    static boolean contains(String text, String search) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
    }
}
