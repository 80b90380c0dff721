package io.camelcount.mock.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * An account of the workspace's chart of accounts: where COUNT books money (a bank account, an income
 * or expense category). The partner API's chart is read-only in the mock; accounts come from the seed.
 *
 * @param accountNumber the account's number in the chart, or null when it has none
 */
public record Account(UUID uuid, String name, AccountType type, String accountNumber) {

    public Account {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
