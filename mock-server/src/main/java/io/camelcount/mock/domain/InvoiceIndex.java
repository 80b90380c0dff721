package io.camelcount.mock.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The invoice list's order (creation order, the only one COUNT's list has) and its indexes, kept on every store and
 * deletion so that a page costs O(log n + page) whatever the workspace holds: every document has a sequence number
 * in creation order, and each indexed value (derived status, type, customer) keeps its documents' numbers in a
 * {@link RankedSet}, which finds a page and the total without a scan.
 *
 * <p>The derived status depends on the clock: an approved invoice with a balance and nothing paid is overdue once its
 * due date is before today. The status sets are right for {@link #day}; the documents whose status can change that
 * way are also kept by due date, so that moving to another today re-files only those whose due date was crossed.
 * Not thread-safe: {@link Invoices} uses it under the workspace's lock.
 */
final class InvoiceIndex {

    /** Each document by its sequence number; null once deleted. */
    private final List<Invoice> bySequence = new ArrayList<>();
    private final Map<UUID, Integer> sequences = new HashMap<>();
    private final RankedSet all = new RankedSet();
    private final Map<InvoiceStatus, RankedSet> byStatus = new EnumMap<>(InvoiceStatus.class);
    private final Map<InvoiceType, RankedSet> byType = new EnumMap<>(InvoiceType.class);
    private final Map<UUID, RankedSet> byCustomer = new HashMap<>();
    /** The documents whose status changes when today passes their due date, by due date. */
    private final NavigableMap<LocalDate, Set<Integer>> byDueDate = new TreeMap<>();
    /** The day {@link #byStatus} is right for. */
    private LocalDate day = LocalDate.MIN;

    /** Files a new document at the end of the order, or a changed one in its place. */
    void stored(Invoice invoice) {
        Integer sequence = sequences.get(invoice.uuid());
        if (sequence == null) {
            sequence = bySequence.size();
            sequences.put(invoice.uuid(), sequence);
            bySequence.add(invoice);
            all.add(sequence);
        } else {
            unfile(sequence, bySequence.get(sequence));
            bySequence.set(sequence, invoice);
        }
        file(sequence, invoice);
    }

    void removed(Invoice invoice) {
        int sequence = sequences.remove(invoice.uuid());
        unfile(sequence, invoice);
        all.remove(sequence);
        bySequence.set(sequence, null);
    }

    /**
     * One page of the documents that match, in creation order, with how many match. A filter on one indexed field
     * (status, approvalStatus or isDraft; customer; type) alone is answered from its index. Any other filter scans:
     * the search and the dates are not indexed, and two indexed fields together walk the smaller index and check
     * each of its documents against the whole filter.
     */
    InvoicePage page(InvoiceFilter filter, LocalDate today, long offset, int limit) {
        moveTo(today);
        List<List<RankedSet>> indexed = new ArrayList<>();
        statuses(filter).map(statuses -> sets(statuses, byStatus::get)).ifPresent(indexed::add);
        customers(filter).map(customers -> sets(customers, byCustomer::get)).ifPresent(indexed::add);
        if (filter.invoiceType() != null) {
            indexed.add(sets(Set.of(filter.invoiceType()), byType::get));
        }
        boolean unindexed = filter.search() != null || filter.startDate() != null || filter.endDate() != null;
        if (indexed.isEmpty() && !unindexed) {
            return pageOf(List.of(all), offset, limit);
        }
        if (indexed.size() == 1 && !unindexed) {
            return pageOf(indexed.get(0), offset, limit);
        }
        List<RankedSet> smallest = indexed.stream().min(Comparator.comparingInt(InvoiceIndex::total)).orElse(List.of(all));
        return scan(smallest, filter, today, offset, limit);
    }

    private InvoicePage pageOf(List<RankedSet> sets, long offset, int limit) {
        int[] page = RankedSet.page(sets, offset, limit);
        return new InvoicePage(Arrays.stream(page).mapToObj(bySequence::get).toList(), total(sets));
    }

    /** Every document of the sets, in order, checked against the whole filter. */
    private InvoicePage scan(List<RankedSet> sets, InvoiceFilter filter, LocalDate today, long offset, int limit) {
        int[] candidates = RankedSet.page(sets, 0, total(sets));
        List<Invoice> page = new ArrayList<>();
        long matching = 0;
        for (int sequence : candidates) {
            Invoice invoice = bySequence.get(sequence);
            if (filter.matches(invoice, today)) {
                if (matching >= offset && page.size() < limit) {
                    page.add(invoice);
                }
                matching++;
            }
        }
        return new InvoicePage(page, (int) matching);
    }

    /** The statuses that status, approvalStatus and isDraft allow together; none of them: no status filter. */
    private static Optional<Set<InvoiceStatus>> statuses(InvoiceFilter filter) {
        if (filter.statuses() == null && filter.approved() == null && filter.isDraft() == null) {
            return Optional.empty();
        }
        Set<InvoiceStatus> allowed = EnumSet.allOf(InvoiceStatus.class);
        if (filter.statuses() != null) {
            allowed.retainAll(filter.statuses());
        }
        // a document is a draft exactly when its status is DRAFT, and approved exactly when it is not
        if (filter.approved() != null) {
            allowed.removeIf(status -> (status != InvoiceStatus.DRAFT) != filter.approved());
        }
        if (filter.isDraft() != null) {
            allowed.removeIf(status -> (status == InvoiceStatus.DRAFT) != filter.isDraft());
        }
        return Optional.of(allowed);
    }

    /** The customers that customerUuid and customerUuids allow together; neither: no customer filter. */
    private static Optional<Set<UUID>> customers(InvoiceFilter filter) {
        if (filter.customerUuid() == null && filter.customerUuids() == null) {
            return Optional.empty();
        }
        Set<UUID> allowed = new HashSet<>(filter.customerUuids() == null ? Set.of(filter.customerUuid()) : filter.customerUuids());
        if (filter.customerUuid() != null) {
            allowed.retainAll(Set.of(filter.customerUuid()));
        }
        return Optional.of(allowed);
    }

    private static <K> List<RankedSet> sets(Set<K> values, Function<K, RankedSet> index) {
        return values.stream().map(index).filter(Objects::nonNull).toList();
    }

    private static int total(List<RankedSet> sets) {
        return sets.stream().mapToInt(RankedSet::size).sum();
    }

    /** Re-files the documents whose due date lies between the day the status sets are right for and {@code today}. */
    private void moveTo(LocalDate today) {
        if (today.equals(day)) {
            return;
        }
        LocalDate from = today.isBefore(day) ? today : day;
        LocalDate to = today.isBefore(day) ? day : today;
        for (Set<Integer> crossed : byDueDate.subMap(from, true, to, false).values()) {
            for (int sequence : crossed) {
                Invoice invoice = bySequence.get(sequence);
                byStatus.get(invoice.status(day)).remove(sequence);
                byStatus.computeIfAbsent(invoice.status(today), status -> new RankedSet()).add(sequence);
            }
        }
        day = today;
    }

    private void file(int sequence, Invoice invoice) {
        byStatus.computeIfAbsent(invoice.status(day), status -> new RankedSet()).add(sequence);
        byType.computeIfAbsent(invoice.invoiceType(), type -> new RankedSet()).add(sequence);
        byCustomer.computeIfAbsent(invoice.customerUuid(), customer -> new RankedSet()).add(sequence);
        if (changesWithTheClock(invoice)) {
            byDueDate.computeIfAbsent(invoice.dueDate(), date -> new HashSet<>()).add(sequence);
        }
    }

    private void unfile(int sequence, Invoice invoice) {
        byStatus.get(invoice.status(day)).remove(sequence);
        byType.get(invoice.invoiceType()).remove(sequence);
        RankedSet customer = byCustomer.get(invoice.customerUuid());
        customer.remove(sequence);
        if (customer.size() == 0) {
            byCustomer.remove(invoice.customerUuid());
        }
        if (changesWithTheClock(invoice)) {
            Set<Integer> due = byDueDate.get(invoice.dueDate());
            due.remove(sequence);
            if (due.isEmpty()) {
                byDueDate.remove(invoice.dueDate());
            }
        }
    }

    /**
     * Whether the document's status depends on today: the status is read on the first and last days there are, rather
     * than by repeating its rules here, which compare only the due date with today.
     */
    private static boolean changesWithTheClock(Invoice invoice) {
        return invoice.status(LocalDate.MIN) != invoice.status(LocalDate.MAX);
    }
}
