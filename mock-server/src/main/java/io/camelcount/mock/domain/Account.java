package io.camelcount.mock.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An account of the workspace's chart of accounts: where COUNT books money (a bank account, an income
 * or expense category). The partner API's chart is read-only in the mock; accounts come from the seed.
 *
 * @param accountNumber the account's number in the chart, or null when it has none
 * @param subType       the name of the account's sub-type within its type, such as {@code Bank} or {@code Cash}, or
 *                      null. COUNT's rows carry a {@code subType} object with a global numeric id (count-cli); the
 *                      mock knows no such ids, so it keeps only the name, which is what tells a bank or cash account
 *                      (where a transaction's money moves) from the other assets.
 */
public record Account(UUID uuid, String name, AccountType type, String accountNumber, String subType) {

    /** The sub-types a transaction's {@code accUuid} may name. Decision (mock): the names COUNT's app shows. */
    private static final Set<String> BANK_OR_CASH = Set.of("Bank", "Cash");

    public Account {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** An account without a sub-type: a category, or an asset that is not where money is kept. */
    public Account(UUID uuid, String name, AccountType type, String accountNumber) {
        this(uuid, name, type, accountNumber, null);
    }

    /** Whether money can move through it: an asset of sub-type Bank or Cash. */
    public boolean bankOrCash() {
        return type == AccountType.ASSETS && BANK_OR_CASH.contains(subType);
    }
}
