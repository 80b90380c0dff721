package io.camelcount.mock.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's fields as a partner sent them; null when absent. {@code name} travels as {@code customer}.
 * Decision (mock): a customer created without {@code status} is active; the contract does not say.
 */
public record NewCustomer(String name, String email, String mainPhone, String website, String notes,
                          CustomerStatus status, String paymentTerm, String taxNumber, Boolean taxAutoCalculate,
                          Boolean taxExcluded, List<Integer> taxes, Address billingAddress, Address shippingAddress,
                          List<Contact> contacts) {

    void validate() {
        if (name == null || name.isBlank()) {
            throw DomainException.validation("customer", "customer (the customer's name) is required");
        }
        EmailAddress.require("email", email);
        List<Contact> people = contacts == null ? List.of() : contacts;
        for (int i = 0; i < people.size(); i++) {
            EmailAddress.require("contacts[" + i + "].email", people.get(i).email());
        }
    }

    Customer toCustomer(UUID uuid, Instant createdAt, Instant updatedAt) {
        return new Customer(uuid, name, email, mainPhone, website, notes, status, paymentTerm, taxNumber,
                taxAutoCalculate, taxExcluded, taxes, billingAddress, shippingAddress, contacts, createdAt, updatedAt);
    }
}
