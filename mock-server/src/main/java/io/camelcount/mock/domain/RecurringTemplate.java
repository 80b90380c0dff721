package io.camelcount.mock.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recurring invoice template (contract §4). Immutable, like {@link Invoice}.
 *
 * <p>Its schedule is anchored on the template's {@code date}: occurrence k falls on {@code date} plus k
 * times ({@code recurrenceInterval} × pattern). While the template is active, the invoice dated on an
 * occurrence is issued (as a draft) {@code inAdvanceCreationDays} before that date. Resuming never
 * back-dates: occurrences before the day of resuming, or already issued, are skipped.
 */
public final class RecurringTemplate {

    private final UUID uuid;
    private final InvoiceContent content;
    private final RecurrencePattern recurrencePattern;
    private final int recurrenceInterval;
    private final int inAdvanceCreationDays;
    private final boolean active;
    /** The occurrence (k) that will be issued next. */
    private final int nextOccurrence;
    private final LocalDate lastRunDate;
    private final Instant createdAt;
    private final Instant updatedAt;

    private RecurringTemplate(UUID uuid, InvoiceContent content, RecurrencePattern recurrencePattern,
                              int recurrenceInterval, int inAdvanceCreationDays, boolean active, int nextOccurrence,
                              LocalDate lastRunDate, Instant createdAt, Instant updatedAt) {
        this.uuid = uuid;
        this.content = content;
        this.recurrencePattern = recurrencePattern;
        this.recurrenceInterval = recurrenceInterval;
        this.inAdvanceCreationDays = inAdvanceCreationDays;
        this.active = active;
        this.nextOccurrence = nextOccurrence;
        this.lastRunDate = lastRunDate;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A template as a data directory kept it, its place in the schedule included. */
    public static RecurringTemplate restore(UUID uuid, InvoiceContent content, RecurrencePattern recurrencePattern,
                                            int recurrenceInterval, int inAdvanceCreationDays, boolean active,
                                            int nextOccurrence, LocalDate lastRunDate, Instant createdAt, Instant updatedAt) {
        return new RecurringTemplate(uuid, content, recurrencePattern, recurrenceInterval, inAdvanceCreationDays, active,
                nextOccurrence, lastRunDate, createdAt, updatedAt);
    }

    /** New templates are paused until resumed. */
    static RecurringTemplate create(UUID uuid, InvoiceContent content, NewRecurringTemplate request, Instant now) {
        return new RecurringTemplate(uuid, content, request.recurrencePattern(), request.interval(),
                request.daysInAdvance(), false, 0, null, now, now);
    }

    RecurringTemplate pause(Instant now) {
        if (!active) {
            throw DomainException.rule("template_not_active", "Recurring template " + uuid + " is already paused.");
        }
        return new RecurringTemplate(uuid, content, recurrencePattern, recurrenceInterval, inAdvanceCreationDays, false,
                nextOccurrence, lastRunDate, createdAt, now);
    }

    RecurringTemplate resume(LocalDate today, Instant now) {
        if (active) {
            throw DomainException.rule("template_not_paused", "Recurring template " + uuid + " is already active.");
        }
        return new RecurringTemplate(uuid, content, recurrencePattern, recurrenceInterval, inAdvanceCreationDays, true,
                firstOccurrenceNotYetDue(content.date(), recurrencePattern, recurrenceInterval, today), lastRunDate,
                createdAt, now);
    }

    /** A change of the anchor date or of the pattern restarts the schedule from the new anchor. */
    RecurringTemplate update(InvoiceContent nextContent, NewRecurringTemplate request, LocalDate today, Instant now) {
        boolean rescheduled = !nextContent.date().equals(content.date())
                || request.recurrencePattern() != recurrencePattern || request.interval() != recurrenceInterval;
        int next = rescheduled
                ? firstOccurrenceNotYetDue(nextContent.date(), request.recurrencePattern(), request.interval(), today)
                : nextOccurrence;
        return new RecurringTemplate(uuid, nextContent, request.recurrencePattern(), request.interval(),
                request.daysInAdvance(), active, next, lastRunDate, createdAt, now);
    }

    /** Whether the next occurrence's invoice should exist by {@code today}. */
    boolean isDue(LocalDate today) {
        return active && !occurrence(nextOccurrence).minusDays(inAdvanceCreationDays).isAfter(today);
    }

    /** The invoice content for the next occurrence, numbered {@code number}. */
    InvoiceContent nextInvoice(String number) {
        return content.issue(occurrence(nextOccurrence), number);
    }

    RecurringTemplate issued(Instant now) {
        return new RecurringTemplate(uuid, content, recurrencePattern, recurrenceInterval, inAdvanceCreationDays, active,
                nextOccurrence + 1, occurrence(nextOccurrence), createdAt, now);
    }

    /**
     * The first occurrence dated today or later, and after the last invoice already issued: those before
     * would be back-dated, those up to {@link #lastRunDate} exist.
     */
    private int firstOccurrenceNotYetDue(LocalDate anchor, RecurrencePattern pattern, int interval, LocalDate today) {
        LocalDate earliest = lastRunDate != null && !lastRunDate.isBefore(today) ? lastRunDate.plusDays(1) : today;
        int k = 0;
        while (pattern.stepsAfter(anchor, (long) k * interval).isBefore(earliest)) {
            k++;
        }
        return k;
    }

    private LocalDate occurrence(int k) {
        return recurrencePattern.stepsAfter(content.date(), (long) k * recurrenceInterval);
    }

    public UUID uuid() {
        return uuid;
    }

    public InvoiceContent content() {
        return content;
    }

    public RecurrencePattern recurrencePattern() {
        return recurrencePattern;
    }

    public int recurrenceInterval() {
        return recurrenceInterval;
    }

    public int inAdvanceCreationDays() {
        return inAdvanceCreationDays;
    }

    /** Paused templates are drafts in COUNT's terms. */
    public boolean isDraft() {
        return !active;
    }

    /** The date of the next invoice this template will issue; null while paused. */
    public LocalDate nextRunDate() {
        return active ? occurrence(nextOccurrence) : null;
    }

    /** Which occurrence (counted from the anchor date, from 0) the template issues next. */
    public int nextOccurrence() {
        return nextOccurrence;
    }

    /** The date of the last invoice this template issued; null before the first. */
    public LocalDate lastRunDate() {
        return lastRunDate;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
