package io.camelcount.mock.store;

import io.camelcount.mock.domain.Account;
import io.camelcount.mock.domain.AuditEntry;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.InvoiceType;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.domain.SentEmail;
import io.camelcount.mock.domain.Tag;
import io.camelcount.mock.domain.TagGroup;
import io.camelcount.mock.domain.Transaction;
import io.camelcount.mock.domain.WorkspaceContents;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One workspace as saved. The catalogue's values, transactions, sent emails and audit entries are the domain's own records,
 * written field by field; invoices and templates, whose stage the domain keeps to itself, have records of their own.
 */
record WorkspaceSnapshot(UUID uuid, String name, String currency, List<Account> accounts, List<Customer> customers,
                         List<Product> products, List<Tag> tags, List<TagGroup> tagGroups, List<InvoiceSnapshot> invoices,
                         List<Transaction> transactions, List<TemplateSnapshot> templates, List<UUID> legacyDuplicateUuids,
                         Map<InvoiceType, Integer> lastGeneratedNumbers, List<SentEmail> outbox,
                         Map<UUID, List<AuditEntry>> auditLog) {

    static WorkspaceSnapshot of(WorkspaceContents contents) {
        return new WorkspaceSnapshot(contents.uuid(), contents.name(), contents.currency(), contents.accounts(),
                contents.customers(), contents.products(), contents.tags(), contents.tagGroups(),
                contents.invoices().stream().map(InvoiceSnapshot::of).toList(), contents.transactions(),
                contents.templates().stream().map(TemplateSnapshot::of).toList(),
                contents.legacyDuplicateUuids().stream().sorted().toList(), contents.lastGeneratedNumbers(),
                contents.outbox(), contents.auditLog());
    }

    WorkspaceContents restore() {
        Map<UUID, List<AuditEntry>> audit = new LinkedHashMap<>();
        auditLog.forEach((invoiceUuid, entries) -> audit.put(invoiceUuid, entries.stream()
                .map(WorkspaceSnapshot::withDecimalValues).toList()));
        return new WorkspaceContents(uuid, name, currency, accounts, customers, products, tags, tagGroups,
                invoices.stream().map(InvoiceSnapshot::restore).toList(), transactions,
                templates.stream().map(TemplateSnapshot::restore).toList(),
                new LinkedHashSet<>(legacyDuplicateUuids), lastGeneratedNumbers, outbox, audit);
    }

    /**
     * The audit log holds every amount and quantity as a BigDecimal; read back as plain JSON values, a whole number
     * comes back as an Integer or Long, so it is turned back into the BigDecimal it was.
     */
    private static AuditEntry withDecimalValues(AuditEntry entry) {
        Map<String, AuditEntry.Change> changes = new LinkedHashMap<>();
        entry.changes().forEach((field, change) ->
                changes.put(field, new AuditEntry.Change(decimals(change.from()), decimals(change.to()))));
        return new AuditEntry(entry.id(), entry.action(), entry.at(), entry.actor(), changes);
    }

    private static Object decimals(Object value) {
        if (value instanceof Number number && !(value instanceof BigDecimal)) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WorkspaceSnapshot::decimals).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            map.forEach((key, element) -> converted.put(key, decimals(element)));
            return converted;
        }
        return value;
    }
}
