package io.camelcount.mock.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five top-level kinds of account in COUNT's chart. COUNT spells them plural and capitalised and
 * matches them case-sensitively; count-cli notes that singular forms such as {@code Asset} are rejected.
 */
public enum AccountType {
    ASSETS("Assets"), LIABILITIES("Liabilities"), EQUITY("Equity"), INCOME("Income"), EXPENSES("Expenses");

    private final String wireName;

    AccountType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AccountType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
