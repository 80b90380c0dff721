package io.camelcount.component.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An account of the workspace's chart of accounts: a bank account, or the income or expense category a
 * product books to ({@link Product#getCategoryAccountUuid()}). Read-only through the component.
 */
public class Account extends CountObject implements CountResource {

    @JsonProperty("id")
    @JsonAlias("uuid")
    private String uuid;
    private String name;
    /** The account's number in the chart, or null. */
    private String accountNumber;
    /** {@code Assets}, {@code Liabilities}, {@code Equity}, {@code Income} or {@code Expenses}. */
    private String type;

    @Override
    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getType() {
        return type;
    }

    @Override
    public String toString() {
        return "Account[" + name + ", " + type + ", uuid=" + uuid + "]";
    }
}
