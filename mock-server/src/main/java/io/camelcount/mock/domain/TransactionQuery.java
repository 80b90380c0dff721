package io.camelcount.mock.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The filters of the transaction list, named as count-cli sends them; a null filter lets every transaction through,
 * and the filters combine with "and".
 *
 * @param search      a substring of the description or the notes, in any case
 * @param startDate   earliest {@code postedDate}, inclusive
 * @param endDate     latest {@code postedDate}, inclusive
 * @param accountUuid the bank or cash account ({@code accUuid})
 */
public record TransactionQuery(String search, LocalDate startDate, LocalDate endDate, UUID accountUuid,
                               TransactionType type) {

    public TransactionQuery {
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw DomainException.validation("endDate", "endDate " + endDate + " is before startDate " + startDate);
        }
    }

    boolean matches(Transaction transaction) {
        return (search == null || InvoiceFilter.contains(transaction.description(), search)
                || InvoiceFilter.contains(transaction.notes(), search))
                && (startDate == null || !transaction.postedDate().isBefore(startDate))
                && (endDate == null || !transaction.postedDate().isAfter(endDate))
                && (accountUuid == null || accountUuid.equals(transaction.accountUuid()))
                && (type == null || transaction.type() == type);
    }
}
