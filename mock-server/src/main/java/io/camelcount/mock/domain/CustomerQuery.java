package io.camelcount.mock.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the customer list is searched and ordered.
 *
 * @param search     a substring of the name or the email, in any case; null for all customers
 * @param orderBy    the order; null is creation order
 * @param descending the whole order reversed
 */
public record CustomerQuery(String search, Order orderBy, boolean descending) {

    public enum Order {
        CREATED_AT("createdAt", (a, b) -> 0),
        CUSTOMER("customer", Comparator.comparing(customer -> customer.name().toLowerCase(Locale.ROOT))),
        EMAIL("email", Comparator.comparing(customer -> customer.email() == null ? "" : customer.email().toLowerCase(Locale.ROOT))),
        UPDATED_AT("updatedAt", Comparator.comparing(Customer::updatedAt));

        private final String wireName;
        /**
         * Sorting is stable, so equal customers (and all of them, for createdAt) keep creation order; so do
         * customers changed within one second of each other, which COUNT's timestamps cannot tell apart either.
         */
        private final Comparator<Customer> comparator;

        Order(String wireName, Comparator<Customer> comparator) {
            this.wireName = wireName;
            this.comparator = comparator;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Order> fromWireName(String name) {
            return Arrays.stream(values()).filter(order -> order.wireName.equals(name)).findFirst();
        }
    }

    /** @param inCreationOrder every customer of the workspace, oldest first */
    List<Customer> apply(List<Customer> inCreationOrder) {
        List<Customer> result = new ArrayList<>(inCreationOrder.stream()
                .filter(customer -> search == null || InvoiceFilter.contains(customer.name(), search)
                        || InvoiceFilter.contains(customer.email(), search))
                .toList());
        result.sort((orderBy == null ? Order.CREATED_AT : orderBy).comparator);
        if (descending) {
            Collections.reverse(result);
        }
        return result;
    }
}
