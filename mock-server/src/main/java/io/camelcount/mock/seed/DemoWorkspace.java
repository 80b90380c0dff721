package io.camelcount.mock.seed;

import io.camelcount.mock.domain.Account;
import io.camelcount.mock.domain.AccountType;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.Product;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The fixed workspace every mock starts with (contract §6, docs/WIRE-FORMAT.md), so that docs,
 * samples and partners' scripts can rely on its IDs and credentials.
 */
public final class DemoWorkspace {

    public static final UUID WORKSPACE_UUID = UUID.fromString("5f0c8d1e-3b7a-4c2e-9d41-0a6e2b7c9f10");
    public static final String WORKSPACE_NAME = "Demo Workspace";
    public static final String CURRENCY = "GBP";

    public static final String CLIENT_ID = "demo-client";
    public static final String CLIENT_SECRET = "demo-secret";
    public static final String ACCESS_TOKEN = "demo-access-token";
    public static final String REFRESH_TOKEN = "demo-refresh-token";

    public static final UUID ACME_TRADING = UUID.fromString("0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7081");
    public static final UUID GLOBEX_SERVICES = UUID.fromString("0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7082");
    public static final UUID CONSULTING_HOUR = UUID.fromString("9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01");
    public static final UUID SUPPORT_PLAN = UUID.fromString("9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c02");
    /** The income account both demo products book to. */
    public static final UUID SALES_ACCOUNT = UUID.fromString("c4a1e2d3-0000-4000-8000-0000000000a1");
    /** A second income account, for a product that is not consulting. */
    public static final UUID SUBSCRIPTION_INCOME_ACCOUNT = UUID.fromString("c4a1e2d3-0000-4000-8000-0000000000a2");
    /** Where the workspace books what it buys: a product's purchase category account. */
    public static final UUID PURCHASES_ACCOUNT = UUID.fromString("c4a1e2d3-0000-4000-8000-0000000000e1");
    /** The bank account customers pay into. */
    public static final UUID BANK_ACCOUNT = UUID.fromString("c4a1e2d3-0000-4000-8000-0000000000b1");

    private DemoWorkspace() {
    }

    public static WorkspaceSeed seed() {
        return WorkspaceSeed.builder(WORKSPACE_UUID, WORKSPACE_NAME)
                .currency(CURRENCY)
                .account(new Account(BANK_ACCOUNT, "Business Current Account", AccountType.ASSETS, "1200", "Bank"))
                .account(new Account(SALES_ACCOUNT, "Sales", AccountType.INCOME, "4000"))
                .account(new Account(SUBSCRIPTION_INCOME_ACCOUNT, "Subscription Income", AccountType.INCOME, "4010"))
                .account(new Account(PURCHASES_ACCOUNT, "Purchases", AccountType.EXPENSES, "5000"))
                .customer(new Customer(ACME_TRADING, "Acme Trading Ltd", "billing@acme.example"))
                .customer(new Customer(GLOBEX_SERVICES, "Globex Services", "accounts@globex.example"))
                .product(new Product(CONSULTING_HOUR, "Consulting hour", new BigDecimal("120"), SALES_ACCOUNT))
                .product(new Product(SUPPORT_PLAN, "Support plan", new BigDecimal("49.5"), SALES_ACCOUNT))
                .accessGrant(CLIENT_ID, ACCESS_TOKEN, REFRESH_TOKEN)
                .build();
    }
}
