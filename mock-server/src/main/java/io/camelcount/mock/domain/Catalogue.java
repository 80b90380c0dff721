package io.camelcount.mock.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a workspace invoices with: its customers, products, tags, tag groups and chart of accounts, and the
 * rules that keep them consistent with one another (contract §5). Not thread-safe: {@link Workspace} calls
 * it under its monitor, and tells it whether invoices or templates still use what is about to be deleted.
 * Every operation checks everything before it changes anything, so a refused one changes nothing.
 */
final class Catalogue {

    /** COUNT's cap on the rows of one bulk request (count-cli: "Cap: 100 rows per call"). */
    static final int LARGEST_BULK = 100;
    private static final String CUSTOMER = "customer";

    private final Map<UUID, Customer> customers = new LinkedHashMap<>();
    private final Map<UUID, Product> products = new LinkedHashMap<>();
    private final Map<UUID, Tag> tags = new LinkedHashMap<>();
    private final Map<UUID, TagGroup> tagGroups = new LinkedHashMap<>();
    private final Map<UUID, Account> accounts = new LinkedHashMap<>();
    /** Where customers' changes are recorded, for the workspace's webhooks. */
    private final DomainEvents events;

    Catalogue(DomainEvents events) {
        this.events = events;
    }

    // ----- seeding

    void add(Customer customer, Instant now) {
        customers.put(customer.uuid(), customer.stampedIfNew(now));
    }

    void add(Product product) {
        products.put(product.uuid(), product);
    }

    void add(Tag tag) {
        tags.put(tag.uuid(), tag);
    }

    void add(Account account) {
        accounts.put(account.uuid(), account);
    }

    void add(TagGroup group) {
        tagGroups.put(group.uuid(), group);
    }

    // ----- everything, in the order added, for saving

    List<Customer> customers() {
        return List.copyOf(customers.values());
    }

    List<Product> products() {
        return List.copyOf(products.values());
    }

    List<Tag> tags() {
        return List.copyOf(tags.values());
    }

    List<TagGroup> tagGroups() {
        return List.copyOf(tagGroups.values());
    }

    List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    // ----- customers

    Customer createCustomer(NewCustomer request, Instant now) {
        request.validate();
        requireUniqueEmail(request.email(), null);
        Customer customer = request.toCustomer(UUID.randomUUID(), now, now);
        customers.put(customer.uuid(), customer);
        events.created(CUSTOMER, customer.uuid(), customer);
        return customer;
    }

    Customer customer(UUID customerUuid, String field) {
        Customer customer = customers.get(customerUuid);
        if (customer == null) {
            throw DomainException.notFound(field, field + ": customer " + customerUuid + " not found in this workspace");
        }
        return customer;
    }

    List<Customer> customers(CustomerQuery query) {
        return query.apply(List.copyOf(customers.values()));
    }

    Customer customerByEmail(String email) {
        if (email == null || email.isBlank()) {
            throw DomainException.validation("email", "email is required: /partners/customers/find-by-email?email=…");
        }
        return customers.values().stream().filter(customer -> EmailAddress.same(customer.email(), email)).findFirst()
                .orElseThrow(() -> DomainException.notFound("email", "No customer with email " + email + " in this workspace"));
    }

    /** An update that changes nothing leaves {@code updatedAt} alone, so that it does not reorder the list. */
    Customer updateCustomer(UUID customerUuid, CustomerUpdate update, Instant now) {
        Customer current = customer(customerUuid, "uuid");
        NewCustomer merged = update.applyTo(current);
        merged.validate();
        requireUniqueEmail(merged.email(), customerUuid);
        Customer unchanged = merged.toCustomer(customerUuid, current.createdAt(), current.updatedAt());
        if (unchanged.equals(current)) {
            return current;
        }
        Customer updated = merged.toCustomer(customerUuid, current.createdAt(), now);
        customers.put(customerUuid, updated);
        events.updated(CUSTOMER, customerUuid, current, updated);
        return updated;
    }

    /**
     * Decision (contract §5): a customer that invoices or templates reference stays, since they would
     * otherwise name nobody; the partner can make it inactive instead.
     */
    Customer deleteCustomer(UUID customerUuid, boolean referenced) {
        Customer customer = customer(customerUuid, "uuid");
        if (referenced) {
            throw DomainException.rule("customer_has_invoices", "Customer \"" + customer.name() + "\" has invoices or"
                    + " recurring invoice templates and cannot be deleted while they reference it; set its status to"
                    + " inactive instead");
        }
        customers.remove(customerUuid);
        events.deleted(CUSTOMER, customerUuid, customer);
        return customer;
    }

    /** Each row is created on its own: a refused row changes nothing, and the rows after it still run. */
    List<RowResult<Customer>> createCustomers(List<Supplier<NewCustomer>> rows, Instant now) {
        requireBulkSize(rows.size());
        return eachRow(rows, row -> createCustomer(row.get(), now));
    }

    List<RowResult<Customer>> updateCustomers(List<Supplier<CustomerChange>> rows, Instant now) {
        requireBulkSize(rows.size());
        return eachRow(rows, row -> {
            CustomerChange change = row.get();
            return updateCustomer(change.uuid(), change.update(), now);
        });
    }

    // ----- products

    Product createProduct(NewProduct request) {
        request.validate();
        requireAccount(request.categoryAccountUuid(), "categoryAccountUuid");
        requireAccount(request.purchaseCategoryAccountUuid(), "purchaseCategoryAccountUuid");
        Product product = request.toProduct(UUID.randomUUID());
        products.put(product.uuid(), product);
        return product;
    }

    Optional<Product> findProduct(UUID productUuid) {
        return Optional.ofNullable(products.get(productUuid));
    }

    Product product(UUID productUuid) {
        return findProduct(productUuid).orElseThrow(() ->
                DomainException.notFound("uuid", "Product " + productUuid + " not found in this workspace"));
    }

    /** @param search a substring of the name, in any case; null for all */
    List<Product> products(String search) {
        return products.values().stream().filter(product -> search == null || InvoiceFilter.contains(product.name(), search))
                .toList();
    }

    /**
     * Changes the fields sent; invoices already written keep their lines. Only the accounts sent are checked
     * against the chart, so that a product seeded with an account outside it can still be renamed.
     */
    Product updateProduct(UUID productUuid, ProductUpdate update) {
        Product current = product(productUuid);
        NewProduct merged = update.applyTo(current);
        merged.validate();
        if (update.fields().contains("categoryAccountUuid")) {
            requireAccount(merged.categoryAccountUuid(), "categoryAccountUuid");
        }
        if (update.fields().contains("purchaseCategoryAccountUuid")) {
            requireAccount(merged.purchaseCategoryAccountUuid(), "purchaseCategoryAccountUuid");
        }
        Product updated = merged.toProduct(productUuid);
        products.put(productUuid, updated);
        return updated;
    }

    /** Decision (contract §5): a product on an invoice line or a template stays, so that their lines name it. */
    Product deleteProduct(UUID productUuid, boolean used) {
        Product product = product(productUuid);
        if (used) {
            throw DomainException.rule("product_in_use", "Product \"" + product.name() + "\" is on invoice lines or"
                    + " recurring invoice templates and cannot be deleted while they use it");
        }
        products.remove(productUuid);
        return product;
    }

    // ----- tags and tag groups

    Tag createTag(NewTag request) {
        request.validate();
        Tag tag = request.toTag(UUID.randomUUID());
        tags.put(tag.uuid(), tag);
        return tag;
    }

    boolean hasTag(UUID tagUuid) {
        return tags.containsKey(tagUuid);
    }

    Tag tag(UUID tagUuid) {
        Tag tag = tags.get(tagUuid);
        if (tag == null) {
            throw DomainException.notFound("uuid", "Tag " + tagUuid + " not found in this workspace");
        }
        return tag;
    }

    /** @param search a substring of the name, in any case; null for all */
    List<Tag> tags(String search) {
        return tags.values().stream().filter(tag -> search == null || InvoiceFilter.contains(tag.name(), search)).toList();
    }

    Tag updateTag(UUID tagUuid, TagUpdate update) {
        NewTag merged = update.applyTo(tag(tagUuid));
        merged.validate();
        Tag updated = merged.toTag(tagUuid);
        tags.put(tagUuid, updated);
        return updated;
    }

    /**
     * Decision (mock; COUNT documents only that a tag can be deleted): a tag that invoices or templates carry
     * stays, so that no approved invoice changes behind its owner's back; an unused tag leaves its group too.
     */
    Tag deleteTag(UUID tagUuid, boolean used) {
        Tag tag = tag(tagUuid);
        if (used) {
            throw DomainException.rule("tag_in_use", "Tag \"" + tag.name() + "\" is on invoices or recurring invoice"
                    + " templates and cannot be deleted while they carry it");
        }
        tags.remove(tagUuid);
        tagGroups.replaceAll((groupUuid, group) -> group.without(tagUuid));
        return tag;
    }

    TagGroup createTagGroup(NewTagGroup request) {
        request.validate();
        requireUniqueGroupName(request.name(), null);
        TagGroup group = request.toTagGroup(UUID.randomUUID());
        requireMembers(group.tagUuids(), null);
        tagGroups.put(group.uuid(), group);
        return group;
    }

    TagGroup tagGroup(UUID groupUuid) {
        TagGroup group = tagGroups.get(groupUuid);
        if (group == null) {
            throw DomainException.notFound("uuid", "Tag group " + groupUuid + " not found in this workspace");
        }
        return group;
    }

    /** @param search a substring of the name, in any case; null for all */
    List<TagGroup> tagGroups(String search) {
        return tagGroups.values().stream().filter(group -> search == null || InvoiceFilter.contains(group.name(), search))
                .toList();
    }

    TagGroup updateTagGroup(UUID groupUuid, TagGroupUpdate update) {
        NewTagGroup merged = update.applyTo(tagGroup(groupUuid));
        merged.validate();
        requireUniqueGroupName(merged.name(), groupUuid);
        TagGroup updated = merged.toTagGroup(groupUuid);
        requireMembers(updated.tagUuids(), groupUuid);
        tagGroups.put(groupUuid, updated);
        return updated;
    }

    /** The group goes; its tags stay, in no group. */
    TagGroup deleteTagGroup(UUID groupUuid) {
        TagGroup group = tagGroup(groupUuid);
        tagGroups.remove(groupUuid);
        return group;
    }

    // ----- the chart of accounts (read-only)

    /**
     * @param type   only accounts of this type; null for all
     * @param search a substring of the name or the account number, in any case; null for all
     */
    List<Account> accounts(AccountType type, String search) {
        return accounts.values().stream()
                .filter(account -> type == null || account.type() == type)
                .filter(account -> search == null || InvoiceFilter.contains(account.name(), search)
                        || InvoiceFilter.contains(account.accountNumber(), search))
                .toList();
    }

    // ----- the rules

    private void requireUniqueEmail(String email, UUID self) {
        if (email != null && customers.values().stream()
                .anyMatch(customer -> !customer.uuid().equals(self) && EmailAddress.same(customer.email(), email))) {
            throw DomainException.conflict("duplicate_email", "email", "email " + email
                    + " already belongs to another customer in this workspace; find it with /partners/customers/find-by-email");
        }
    }

    /**
     * A product's or a transaction's accounts are accounts of this workspace's chart, as every reference in COUNT is.
     *
     * @return the account, or null when {@code accountUuid} is null
     */
    Account requireAccount(UUID accountUuid, String field) {
        if (accountUuid != null && !accounts.containsKey(accountUuid)) {
            throw DomainException.notFound(field, field + ": account " + accountUuid + " is not in this workspace's"
                    + " chart of accounts; pick one from GET /partners/chart-of-accounts");
        }
        return accountUuid == null ? null : accounts.get(accountUuid);
    }

    /** Every tag of {@code tagUuids} (null for none) is a tag of this workspace; {@code field} names the list. */
    void requireTags(List<UUID> tagUuids, String field) {
        List<UUID> requested = tagUuids == null ? List.of() : tagUuids;
        for (int i = 0; i < requested.size(); i++) {
            if (!hasTag(requested.get(i))) {
                String element = field + "[" + i + "]";
                throw DomainException.notFound(element, element + ": tag " + requested.get(i) + " not found in this workspace");
            }
        }
    }

    /**
     * Decision (mock): names are compared exactly, as a unique column in COUNT's database would compare them;
     * COUNT documents only that the name is unique per workspace.
     */
    private void requireUniqueGroupName(String name, UUID self) {
        tagGroups.values().stream().filter(group -> !group.uuid().equals(self) && group.name().equals(name)).findFirst()
                .ifPresent(taken -> {
                    throw DomainException.conflict("duplicate_tag_group_name", "name", "name: the tag group \"" + name
                            + "\" already exists in this workspace (" + taken.uuid() + "); choose another name or update that group");
                });
    }

    /** Every tag exists, and none belongs to a group other than {@code self} (count-cli: 400 otherwise). */
    private void requireMembers(List<UUID> tagUuids, UUID self) {
        for (int i = 0; i < tagUuids.size(); i++) {
            String field = "tagUuids[" + i + "]";
            UUID tagUuid = tagUuids.get(i);
            Tag tag = tags.get(tagUuid);
            if (tag == null) {
                throw DomainException.notFound(field, field + ": tag " + tagUuid + " not found in this workspace");
            }
            for (TagGroup other : tagGroups.values()) {
                if (!other.uuid().equals(self) && other.tagUuids().contains(tagUuid)) {
                    throw DomainException.ruleOnField("tag_in_another_group", field, field + ": tag \"" + tag.name()
                            + "\" already belongs to the tag group \"" + other.name() + "\"; a tag belongs to at most one"
                            + " group, so take it out of that group first");
                }
            }
        }
    }

    private static void requireBulkSize(int rows) {
        if (rows == 0) {
            throw DomainException.validation("customers", "customers is empty; send 1 to " + LARGEST_BULK + " rows");
        }
        if (rows > LARGEST_BULK) {
            throw DomainException.validation("customers", "customers has " + rows + " rows; COUNT takes at most "
                    + LARGEST_BULK + " per request, so split the import into several requests");
        }
    }

    private static <R, T> List<RowResult<T>> eachRow(List<R> rows, Function<R, T> action) {
        List<RowResult<T>> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                results.add(new RowResult<>(i, action.apply(rows.get(i)), null));
            } catch (DomainException refused) {
                results.add(new RowResult<>(i, null, refused.getMessage()));
            }
        }
        return results;
    }
}
