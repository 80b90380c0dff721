package io.camelcount.mock.domain;

import java.util.Set;

/**
 * A partial update of a transaction: the values read from the request and which fields were sent, by their wire
 * names ({@code accUuid}, {@code postedDate}, …); a field sent as null clears it.
 */
public record TransactionUpdate(NewTransaction values, Set<String> fields) {

    public TransactionUpdate {
        fields = Set.copyOf(fields);
    }

    NewTransaction applyTo(NewTransaction current) {
        return new NewTransaction(
                fields.contains("type") ? values.type() : current.type(),
                fields.contains("accUuid") ? values.accountUuid() : current.accountUuid(),
                fields.contains("amount") ? values.amount() : current.amount(),
                fields.contains("postedDate") ? values.postedDate() : current.postedDate(),
                fields.contains("description") ? values.description() : current.description(),
                fields.contains("currency") ? values.currency() : current.currency(),
                fields.contains("customerUuid") ? values.customerUuid() : current.customerUuid(),
                fields.contains("categoryAccountUuid") ? values.categoryAccountUuid() : current.categoryAccountUuid(),
                fields.contains("tagUuids") ? values.tagUuids() : current.tagUuids(),
                fields.contains("notes") ? values.notes() : current.notes());
    }
}
