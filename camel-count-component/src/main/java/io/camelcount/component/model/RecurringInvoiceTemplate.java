package io.camelcount.component.model;

import java.time.LocalDate;

/**
 * An invoice that COUNT issues as a draft on every due date. New templates are paused until resumed.
 */
public class RecurringInvoiceTemplate extends Invoice {

    private String recurrencePattern;
    private Integer recurrenceInterval;
    private Integer inAdvanceCreationDays;
    private LocalDate nextRunDate;
    private LocalDate lastRunDate;

    /** {@code daily}, {@code weekly}, {@code biweekly}, {@code monthly}, {@code quarterly} or {@code yearly}. */
    public String getRecurrencePattern() {
        return recurrencePattern;
    }

    public void setRecurrencePattern(String recurrencePattern) {
        this.recurrencePattern = recurrencePattern;
    }

    public Integer getRecurrenceInterval() {
        return recurrenceInterval;
    }

    public void setRecurrenceInterval(Integer recurrenceInterval) {
        this.recurrenceInterval = recurrenceInterval;
    }

    public Integer getInAdvanceCreationDays() {
        return inAdvanceCreationDays;
    }

    public void setInAdvanceCreationDays(Integer inAdvanceCreationDays) {
        this.inAdvanceCreationDays = inAdvanceCreationDays;
    }

    public LocalDate getNextRunDate() {
        return nextRunDate;
    }

    public LocalDate getLastRunDate() {
        return lastRunDate;
    }

    @Override
    public String toString() {
        return "RecurringInvoiceTemplate[uuid=" + getUuid() + ", " + recurrencePattern + ", paused=" + getIsDraft() + "]";
    }
}
