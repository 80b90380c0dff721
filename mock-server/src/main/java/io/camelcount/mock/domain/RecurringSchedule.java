package io.camelcount.mock.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A workspace's recurring invoice templates (contract §4) and the invoices they issue when due. Not thread-safe:
 * {@link Workspace} calls it under its lock, and brings it up to date ({@link #issueDueInvoices}) before every
 * entry, so that nobody can observe the workspace between a due date and the issuing.
 */
final class RecurringSchedule {

    /** Where templates' content is checked and their invoices are issued. */
    private final Invoices invoices;
    private final Supplier<Instant> now;
    private final Supplier<LocalDate> today;
    private final Map<UUID, RecurringTemplate> templates = new LinkedHashMap<>();

    RecurringSchedule(Invoices invoices, Supplier<Instant> now, Supplier<LocalDate> today) {
        this.invoices = invoices;
        this.now = now;
        this.today = today;
    }

    void restore(List<RecurringTemplate> restored) {
        restored.forEach(template -> templates.put(template.uuid(), template));
    }

    /** Every template, in creation order, for saving. */
    List<RecurringTemplate> all() {
        return List.copyOf(templates.values());
    }

    RecurringTemplate create(NewRecurringTemplate request) {
        request.validate();
        RecurringTemplate template = RecurringTemplate.create(UUID.randomUUID(), invoices.resolve(request.invoice()),
                request, now.get());
        templates.put(template.uuid(), template);
        return template;
    }

    RecurringTemplate template(UUID templateUuid) {
        RecurringTemplate template = templates.get(templateUuid);
        if (template == null) {
            throw DomainException.notFound("uuid", "Recurring invoice template " + templateUuid + " not found in this workspace");
        }
        return template;
    }

    /**
     * @param search  a substring of the customer's name or the notes, in any case; null for all
     * @param isDraft true for paused templates only, false for active ones only, null for both
     */
    List<RecurringTemplate> templates(String search, Boolean isDraft) {
        return templates.values().stream()
                .filter(template -> search == null || InvoiceFilter.contains(template.content().customer().name(), search)
                        || InvoiceFilter.contains(template.content().notes(), search))
                .filter(template -> isDraft == null || template.isDraft() == isDraft)
                .toList();
    }

    RecurringTemplate update(UUID templateUuid, RecurringTemplateUpdate update) {
        RecurringTemplate current = template(templateUuid);
        NewRecurringTemplate merged = update.applyTo(current);
        merged.validate();
        return rescheduled(current.update(invoices.resolve(merged.invoice()), merged, today.get(), now.get()));
    }

    /** Deletes a template; the invoices it already issued stay. */
    RecurringTemplate delete(UUID templateUuid) {
        RecurringTemplate template = template(templateUuid);
        templates.remove(templateUuid);
        return template;
    }

    RecurringTemplate pause(UUID templateUuid) {
        RecurringTemplate paused = template(templateUuid).pause(now.get());
        templates.put(templateUuid, paused);
        return paused;
    }

    RecurringTemplate resume(UUID templateUuid) {
        return rescheduled(template(templateUuid).resume(today.get(), now.get()));
    }

    /** Whether any template's content matches: a customer, product or tag it uses cannot be deleted. */
    boolean anyUses(Predicate<InvoiceContent> uses) {
        return templates.values().stream().map(RecurringTemplate::content).anyMatch(uses);
    }

    /**
     * Issues, as drafts, the invoices of every active template whose next occurrence is due by today; a
     * template that fell behind (the clock jumped) catches up one occurrence at a time.
     */
    void issueDueInvoices() {
        LocalDate day = today.get();
        for (RecurringTemplate template : List.copyOf(templates.values())) {
            RecurringTemplate current = template;
            while (current.isDue(day)) {
                invoices.issue(current);
                current = current.issued(now.get());
            }
            templates.put(current.uuid(), current);
        }
    }

    /** Stores a changed schedule and issues what it made due at once; answers the template as it then stands. */
    private RecurringTemplate rescheduled(RecurringTemplate changed) {
        templates.put(changed.uuid(), changed);
        issueDueInvoices();
        return templates.get(changed.uuid());
    }
}
