package io.camelcount.mock.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a {@link Workspace} holds, read at one moment under its lock: what a data directory saves and
 * {@link Workspace#restore} builds the workspace back from. Lists keep the workspace's order (invoices,
 * transactions and templates in creation order, the outbox in sending order, each invoice's audit entries oldest first).
 *
 * @param lastGeneratedNumbers per document type, the sequence number last generated ({@code INV-0007}: 7)
 */
public record WorkspaceContents(UUID uuid, String name, String currency, List<Account> accounts,
                                List<Customer> customers, List<Product> products, List<Tag> tags,
                                List<TagGroup> tagGroups, List<Invoice> invoices, List<Transaction> transactions,
                                List<RecurringTemplate> templates,
                                Set<UUID> legacyDuplicateUuids, Map<InvoiceType, Integer> lastGeneratedNumbers,
                                List<SentEmail> outbox, Map<UUID, List<AuditEntry>> auditLog) {

    public WorkspaceContents {
        accounts = List.copyOf(accounts);
        customers = List.copyOf(customers);
        products = List.copyOf(products);
        tags = List.copyOf(tags);
        tagGroups = List.copyOf(tagGroups);
        invoices = List.copyOf(invoices);
        transactions = List.copyOf(transactions);
        templates = List.copyOf(templates);
        legacyDuplicateUuids = Set.copyOf(legacyDuplicateUuids);
        lastGeneratedNumbers = Map.copyOf(lastGeneratedNumbers);
        outbox = List.copyOf(outbox);
        auditLog = new LinkedHashMap<>(auditLog);
    }
}
