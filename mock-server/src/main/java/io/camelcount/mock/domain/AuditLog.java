package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Every invoice's history, oldest first. An entry's changes are computed by comparing the document's
 * audited fields before and after, so no operation can forget to say what it changed. Not thread-safe:
 * the workspace calls it under its lock.
 */
final class AuditLog {

    /** Entry IDs are unique but no secret, and are made under the workspace lock, where a SecureRandom draw waits. */
    private static final SequentialUuids ENTRY_IDS = new SequentialUuids();

    private final Map<UUID, List<AuditEntry>> entriesByInvoice = new HashMap<>();

    /**
     * @param before the document before the change, null when it was just created
     * @param facts  what the change did beyond the document's fields (such as an email's recipients),
     *               recorded as changes from null
     */
    void record(String action, Actor actor, Instant at, LocalDate today, Invoice before, Invoice after,
                Map<String, Object> facts) {
        Map<String, AuditEntry.Change> changes = changes(before, after, today);
        facts.forEach((fact, value) -> changes.put(fact, new AuditEntry.Change(null, value)));
        entriesByInvoice.computeIfAbsent(after.uuid(), uuid -> new ArrayList<>())
                .add(new AuditEntry(ENTRY_IDS.next(), action, at, actor.name(), changes));
    }

    /** The audited fields whose values differ; {@code before} null compares with a document that did not exist. */
    static Map<String, AuditEntry.Change> changes(Invoice before, Invoice after, LocalDate today) {
        Map<String, AuditEntry.Change> changes = new LinkedHashMap<>();
        Map<String, Object> old = before == null ? Map.of() : before.auditedState(today);
        after.auditedState(today).forEach((field, value) -> {
            Object previous = old.get(field);
            if (!sameValue(previous, value)) {
                changes.put(field, new AuditEntry.Change(previous, value));
            }
        });
        return changes;
    }

    List<AuditEntry> entries(UUID invoiceUuid) {
        return List.copyOf(entriesByInvoice.getOrDefault(invoiceUuid, List.of()));
    }

    /** Every invoice's entries, oldest first, for saving. */
    Map<UUID, List<AuditEntry>> all() {
        Map<UUID, List<AuditEntry>> all = new LinkedHashMap<>();
        entriesByInvoice.forEach((invoiceUuid, entries) -> all.put(invoiceUuid, List.copyOf(entries)));
        return all;
    }

    void restore(UUID invoiceUuid, List<AuditEntry> entries) {
        entriesByInvoice.put(invoiceUuid, new ArrayList<>(entries));
    }

    void forget(UUID invoiceUuid) {
        entriesByInvoice.remove(invoiceUuid);
    }

    /** Equal as values: 2 and 2.00 are the same amount, and an empty list the same as no list. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (isNothing(a) && isNothing(b)) {
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return sameElements(x.iterator(), y.iterator());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(key -> sameValue(x.get(key), y.get(key)));
        }
        return Objects.equals(a, b);
    }

    private static boolean isNothing(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty();
    }

    private static boolean sameElements(Iterator<?> a, Iterator<?> b) {
        while (a.hasNext() && b.hasNext()) {
            if (!sameValue(a.next(), b.next())) {
                return false;
            }
        }
        return !a.hasNext() && !b.hasNext();
    }
}
