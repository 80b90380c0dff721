package io.camelcount.mock.seed;

import io.camelcount.mock.auth.AccessGrant;
import io.camelcount.mock.domain.Account;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.domain.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The starting content of a workspace, and the partner apps that may already call it: what a test
 * needs to set up a second company, a customer without email, a product without category, invoices
 * that already exist or a legacy duplicate invoice UUID.
 */
public record WorkspaceSeed(UUID uuid, String name, String currency, List<Account> accounts, List<Customer> customers,
                            List<Product> products, List<Tag> tags, List<AccessGrant> accessGrants,
                            List<InvoiceSeed> invoices, List<UUID> legacyDuplicateInvoices) {

    public WorkspaceSeed {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        accounts = List.copyOf(accounts);
        customers = List.copyOf(customers);
        products = List.copyOf(products);
        tags = List.copyOf(tags);
        accessGrants = List.copyOf(accessGrants);
        invoices = List.copyOf(invoices);
        legacyDuplicateInvoices = List.copyOf(legacyDuplicateInvoices);
    }

    public static Builder builder(UUID uuid, String name) {
        return new Builder(uuid, name);
    }

    public static final class Builder {

        private final UUID uuid;
        private final String name;
        private String currency = "GBP";
        private final List<Account> accounts = new ArrayList<>();
        private final List<Customer> customers = new ArrayList<>();
        private final List<Product> products = new ArrayList<>();
        private final List<Tag> tags = new ArrayList<>();
        private final List<AccessGrant> accessGrants = new ArrayList<>();
        private final List<InvoiceSeed> invoices = new ArrayList<>();
        private final List<UUID> legacyDuplicateInvoices = new ArrayList<>();

        private Builder(UUID uuid, String name) {
            this.uuid = uuid;
            this.name = name;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** An account of the workspace's chart of accounts, which partners read and products book to. */
        public Builder account(Account account) {
            accounts.add(account);
            return this;
        }

        public Builder customer(Customer customer) {
            customers.add(customer);
            return this;
        }

        public Builder product(Product product) {
            products.add(product);
            return this;
        }

        public Builder tag(Tag tag) {
            tags.add(tag);
            return this;
        }

        /** Lets the partner app {@code clientId} call this workspace with {@code accessToken}. */
        public Builder accessGrant(String clientId, String accessToken, String refreshToken) {
            accessGrants.add(new AccessGrant(clientId, uuid, accessToken, refreshToken));
            return this;
        }

        /** An invoice created after the customers, products and tags, in the order added. */
        public Builder invoice(InvoiceSeed invoice) {
            invoices.add(invoice);
            return this;
        }

        /**
         * Makes {@code invoiceUuid} a UUID that two legacy invoices share (contract §2), so that every invoice
         * route answers 409 {@code DUPLICATE_UUID} for it.
         */
        public Builder legacyDuplicateInvoice(UUID invoiceUuid) {
            legacyDuplicateInvoices.add(invoiceUuid);
            return this;
        }

        public WorkspaceSeed build() {
            return new WorkspaceSeed(uuid, name, currency, accounts, customers, products, tags, accessGrants, invoices,
                    legacyDuplicateInvoices);
        }
    }
}
