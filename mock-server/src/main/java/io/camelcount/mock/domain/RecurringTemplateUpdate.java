package io.camelcount.mock.domain;

import java.util.Set;

/** A partial update of a recurring template: only the fields named in {@code fields} (wire names) change. */
public record RecurringTemplateUpdate(NewRecurringTemplate values, Set<String> fields) {

    public RecurringTemplateUpdate {
        fields = Set.copyOf(fields);
    }

    NewRecurringTemplate applyTo(RecurringTemplate current) {
        return new NewRecurringTemplate(
                new InvoiceUpdate(values.invoice(), fields).applyTo(current.content().asRequest()),
                fields.contains("recurrencePattern") ? values.recurrencePattern() : current.recurrencePattern(),
                fields.contains("recurrenceInterval") ? values.recurrenceInterval() : current.recurrenceInterval(),
                fields.contains("inAdvanceCreationDays") ? values.inAdvanceCreationDays() : current.inAdvanceCreationDays());
    }
}
