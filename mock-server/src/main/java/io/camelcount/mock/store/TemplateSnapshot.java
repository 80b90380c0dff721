package io.camelcount.mock.store;

import io.camelcount.mock.domain.InvoiceContent;
import io.camelcount.mock.domain.RecurrencePattern;
import io.camelcount.mock.domain.RecurringTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recurring invoice template as saved, with its place in the schedule, so that no invoice is issued twice. */
record TemplateSnapshot(UUID uuid, InvoiceContent content, RecurrencePattern recurrencePattern, int recurrenceInterval,
                        int inAdvanceCreationDays, boolean active, int nextOccurrence, LocalDate lastRunDate,
                        Instant createdAt, Instant updatedAt) {

    static TemplateSnapshot of(RecurringTemplate template) {
        return new TemplateSnapshot(template.uuid(), template.content(), template.recurrencePattern(),
                template.recurrenceInterval(), template.inAdvanceCreationDays(), !template.isDraft(),
                template.nextOccurrence(), template.lastRunDate(), template.createdAt(), template.updatedAt());
    }

    RecurringTemplate restore() {
        return RecurringTemplate.restore(uuid, content, recurrencePattern, recurrenceInterval, inAdvanceCreationDays,
                active, nextOccurrence, lastRunDate, createdAt, updatedAt);
    }
}
