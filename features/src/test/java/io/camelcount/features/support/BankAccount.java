package io.camelcount.features.support;

import java.util.Map;

import io.camelcount.component.model.Account;
import io.camelcount.component.model.Page;

/**
 * The workspace's bank account, where a customer's payment comes in: found in COUNT's chart of accounts (an
 * Assets account of sub-type Bank) through {@code count:accounts?operation=list}, so the scenarios need no UUID
 * of the workspace they run in.
 */
public class BankAccount {

    private final CountClient count;
    private String uuid;

    public BankAccount(CountClient count) {
        this.count = count;
    }

    /** The first Bank account of the chart, read once per scenario. */
    public String uuid() {
        if (uuid == null) {
            Page<?> assets = count.exchange("count:accounts?operation=list&type=Assets&limit=100", null, Map.of())
                    .getBody(Page.class);
            uuid = assets.records().stream().map(Account.class::cast)
                    .filter(account -> account.getSubType() != null && "Bank".equals(account.getSubType().getName()))
                    .map(Account::getUuid).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The workspace's chart of accounts has no Assets account"
                            + " of sub-type Bank; add one (a bank account) before running the payment scenarios"));
        }
        return uuid;
    }
}
