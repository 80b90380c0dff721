package io.camelcount.mock.domain;

import java.util.Set;

/**
 * A partial update of a draft: only the fields named in {@code fields} (wire names) change, to the values in
 * {@code values}; a field sent as null is cleared (and takes its default, like an absent field on create).
 * The merged request is then checked exactly like a create.
 */
public record InvoiceUpdate(NewInvoice values, Set<String> fields) {

    public InvoiceUpdate {
        fields = Set.copyOf(fields);
    }

    NewInvoice applyTo(NewInvoice current) {
        return new NewInvoice(
                pick("customerUuid", values.customerUuid(), current.customerUuid()),
                pick("date", values.date(), current.date()),
                pick("dueDate", values.dueDate(), current.dueDate()),
                pick("invoiceType", values.invoiceType(), current.invoiceType()),
                pick("invoiceNumber", values.invoiceNumber(), current.invoiceNumber()),
                pick("currency", values.currency(), current.currency()),
                pick("discount", values.discount(), current.discount()),
                pick("discountDescription", values.discountDescription(), current.discountDescription()),
                pick("notes", values.notes(), current.notes()),
                pick("tagUuids", values.tagUuids(), current.tagUuids()),
                pick("isDraft", values.isDraft(), current.isDraft()),
                pick("appliedToInvoiceUuid", values.appliedToInvoiceUuid(), current.appliedToInvoiceUuid()),
                pick("products", values.products(), current.products()));
    }

    private <T> T pick(String field, T sent, T current) {
        return fields.contains(field) ? sent : current;
    }
}
