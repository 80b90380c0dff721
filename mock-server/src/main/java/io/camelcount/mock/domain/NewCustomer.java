package io.camelcount.mock.domain;

import java.util.List;
import java.util.UUID;

/** A customer's fields as a partner sent them; null when absent. {@code name} travels as {@code customer}. */
public record NewCustomer(String name, String email, String phone, List<Address> addresses, List<Contact> contacts) {

    void validate() {
        if (name == null || name.isBlank()) {
            throw DomainException.validation("customer", "customer (the customer's name) is required");
        }
        EmailAddress.require("email", email);
        List<Contact> people = contacts == null ? List.of() : contacts;
        for (int i = 0; i < people.size(); i++) {
            String field = "contacts[" + i + "]";
            if (people.get(i).name() == null || people.get(i).name().isBlank()) {
                throw DomainException.validation(field + ".name", field + ".name is required");
            }
            EmailAddress.require(field + ".email", people.get(i).email());
        }
    }

    Customer toCustomer(UUID uuid) {
        return new Customer(uuid, name, email, phone, addresses == null ? List.of() : addresses,
                contacts == null ? List.of() : contacts);
    }
}
