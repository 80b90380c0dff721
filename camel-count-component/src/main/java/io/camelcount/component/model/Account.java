package io.camelcount.component.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An account of the workspace's chart of accounts: a bank account (where a {@link Transaction}'s money moves), or the
 * income or expense category a product books to ({@link Product#getCategoryAccountUuid()}). Read-only through the
 * component.
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
    /** What kind of account it is within its type: {@code Bank} and {@code Cash} assets are where money moves. */
    private SubType subType;

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

    /** Null when COUNT's answer carries none. */
    public SubType getSubType() {
        return subType;
    }

    /**
     * An account's sub-type, as COUNT's rows carry it: {@code id} is COUNT's global number for it (the mock has none
     * and leaves it out), {@code name} what the app shows ({@code Bank}, {@code Cash}, {@code Credit Card}, …).
     */
    public static class SubType extends CountObject {

        private Integer id;
        private String name;

        public Integer getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    public String toString() {
        return "Account[" + name + ", " + type + ", uuid=" + uuid + "]";
    }
}
