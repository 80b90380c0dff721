package io.camelcount.mock.domain;

/**
 * A recurring template as the partner sent it: the invoice create body plus the schedule. Null fields are
 * absent; {@code recurrenceInterval} defaults to 1 and {@code inAdvanceCreationDays} to 0.
 */
public record NewRecurringTemplate(NewInvoice invoice, RecurrencePattern recurrencePattern,
                                   Integer recurrenceInterval, Integer inAdvanceCreationDays) {

    static final int LARGEST_INTERVAL = 999;
    static final int MOST_DAYS_IN_ADVANCE = 365;

    /** The rules that need nothing but the request; the invoice's references are checked by the workspace. */
    void validate() {
        invoice.validate();
        if (invoice.type() == InvoiceType.MEMO) {
            throw DomainException.validation("invoiceType", "invoiceType: a credit memo cannot be recurring;"
                    + " templates issue invoices or estimates");
        }
        if (invoice.invoiceNumber() != null) {
            throw DomainException.validation("invoiceNumber", "invoiceNumber: a template has none; each invoice"
                    + " it issues is numbered when it is issued");
        }
        if (Boolean.FALSE.equals(invoice.isDraft())) {
            throw DomainException.validation("isDraft", "isDraft: a new template starts paused (isDraft true);"
                    + " resume it with POST /partners/recurring-invoice-templates/{uuid}/resume");
        }
        if (recurrencePattern == null) {
            throw DomainException.validation("recurrencePattern",
                    "recurrencePattern is required: daily, weekly, biweekly, monthly, quarterly or yearly");
        }
        if (recurrenceInterval != null && (recurrenceInterval < 1 || recurrenceInterval > LARGEST_INTERVAL)) {
            throw DomainException.validation("recurrenceInterval",
                    "recurrenceInterval must be from 1 to " + LARGEST_INTERVAL + ", got " + recurrenceInterval);
        }
        if (inAdvanceCreationDays != null && (inAdvanceCreationDays < 0 || inAdvanceCreationDays > MOST_DAYS_IN_ADVANCE)) {
            throw DomainException.validation("inAdvanceCreationDays",
                    "inAdvanceCreationDays must be from 0 to " + MOST_DAYS_IN_ADVANCE + ", got " + inAdvanceCreationDays);
        }
    }

    int interval() {
        return recurrenceInterval == null ? 1 : recurrenceInterval;
    }

    int daysInAdvance() {
        return inAdvanceCreationDays == null ? 0 : inAdvanceCreationDays;
    }
}
