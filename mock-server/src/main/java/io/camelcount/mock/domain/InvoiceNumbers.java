package io.camelcount.mock.domain;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Which document holds each number, per document type (numbers are unique per type in a workspace, contract §3),
 * so that checking a number costs the same with a hundred thousand invoices as with ten. Not thread-safe: the
 * workspace calls it under its lock, beside every change to its documents.
 */
final class InvoiceNumbers {

    private final Map<InvoiceType, Map<String, UUID>> holders = new EnumMap<>(InvoiceType.class);

    /** Whether a document other than {@code self} has {@code number}; {@code self} null: any document. */
    boolean takenByOther(InvoiceType type, String number, UUID self) {
        UUID holder = holders.getOrDefault(type, Map.of()).get(number);
        return holder != null && !holder.equals(self);
    }

    /** {@code after} replaces {@code before} (null for a new document). */
    void stored(Invoice before, Invoice after) {
        if (before != null) {
            removed(before);
        }
        holders.computeIfAbsent(after.invoiceType(), type -> new HashMap<>()).put(after.invoiceNumber(), after.uuid());
    }

    void removed(Invoice invoice) {
        Map<String, UUID> ofType = holders.get(invoice.invoiceType());
        if (ofType != null) {
            ofType.remove(invoice.invoiceNumber(), invoice.uuid());
        }
    }
}
