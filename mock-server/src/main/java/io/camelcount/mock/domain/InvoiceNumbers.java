package io.camelcount.mock.domain;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The numbering of documents (numbers are unique per type in a workspace, contract §3): which document holds
 * each number, per type, so that checking a number costs the same with a hundred thousand invoices as with ten,
 * and the numbers it generates. Not thread-safe: the workspace calls it under its lock, beside every change to
 * its documents.
 */
final class InvoiceNumbers {

    private final Map<InvoiceType, Map<String, UUID>> holders = new EnumMap<>(InvoiceType.class);
    /** Per type, the sequence number last generated ({@code INV-0007}: 7), where generating goes on from. */
    private final Map<InvoiceType, Integer> lastGenerated = new EnumMap<>(InvoiceType.class);

    /**
     * The content with its final number: the one asked for if no other document of the type has it, else
     * the current document's own, else a generated one.
     */
    InvoiceContent numbered(InvoiceContent content, Invoice current) {
        InvoiceType type = content.invoiceType();
        String asked = content.invoiceNumber();
        if (asked == null) {
            return content.withNumber(current != null ? current.invoiceNumber() : generated(type));
        }
        if (takenByOther(type, asked, current == null ? null : current.uuid())) {
            throw DomainException.conflict("duplicate_invoice_number", "invoiceNumber", "invoiceNumber " + asked
                    + " is already used by another " + type.wireName()
                    + " in this workspace; send another number or leave it out to have one generated");
        }
        return content;
    }

    /** The next free number of the type ({@code INV-0008} after {@code INV-0007}), counted as generated. */
    String generated(InvoiceType type) {
        String generated;
        int sequence = lastGenerated.getOrDefault(type, 0);
        do {
            sequence++;
            generated = number(type, sequence);
        } while (takenByOther(type, generated, null));
        lastGenerated.put(type, sequence);
        return generated;
    }

    /** {@code INV-0007}: at least four digits. Not String.format, which cost a create more than its audit entry. */
    private static String number(InvoiceType type, int sequence) {
        String digits = Integer.toString(sequence);
        return type.numberPrefix() + "-" + "0".repeat(Math.max(0, 4 - digits.length())) + digits;
    }

    /** Per type, the sequence number last generated, as a workspace's contents keep it. */
    Map<InvoiceType, Integer> lastGenerated() {
        return lastGenerated;
    }

    void restoreLastGenerated(Map<InvoiceType, Integer> sequences) {
        lastGenerated.putAll(sequences);
    }

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
