package io.camelcount.mock.domain;

import java.util.Set;

/** A partial update of a recurring template: only the fields named in {@code fields} (wire names) change. */
public record RecurringTemplateUpdate(NewRecurringTemplate values, Set<String> fields) {

    public RecurringTemplateUpdate {
        fields = Set.copyOf(fields);
    }

    /** A field sent as null takes its create default ({@link NewRecurringTemplate}); the schedule too. */
    NewRecurringTemplate applyTo(RecurringTemplate current) {
        return new NewRecurringTemplate(
                new InvoiceUpdate(values.invoice(), fields).applyTo(current.content().asRequest()),
                pick("recurrencePattern", values.recurrencePattern(), current.recurrencePattern()),
                pick("recurrenceInterval", values.recurrenceInterval(), current.recurrenceInterval()),
                pick("inAdvanceCreationDays", values.inAdvanceCreationDays(), current.inAdvanceCreationDays()));
    }

    /** Generic, so that a sent null stays null: a conditional mixing Integer and int would unbox it. */
    private <T> T pick(String field, T sent, T current) {
        return fields.contains(field) ? sent : current;
    }
}
