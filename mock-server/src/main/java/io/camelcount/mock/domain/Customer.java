package io.camelcount.mock.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer of the workspace, with the fields COUNT's partner client documents (contract §5); COUNT
 * calls its name {@code customer}. A field COUNT has nothing on file for is null; {@code taxes} holds
 * COUNT's numeric tax IDs, which the partner API does not resolve from UUIDs yet.
 */
public record Customer(UUID uuid, String name, String email, String mainPhone, String website, String notes,
                       CustomerStatus status, String paymentTerm, String taxNumber, Boolean taxAutoCalculate,
                       Boolean taxExcluded, List<Integer> taxes, Address billingAddress, Address shippingAddress,
                       List<Contact> contacts, Instant createdAt, Instant updatedAt) {

    public Customer {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        // A seed file may leave them out.
        status = status == null ? CustomerStatus.ACTIVE : status;
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** A customer with a name and (optionally) an email, as seeds and tests usually need; stamped when added. */
    public Customer(UUID uuid, String name, String email) {
        this(uuid, name, email, null, null, null, null, null, null, null, null, List.of(), null, null, List.of(), null,
                null);
    }

    /** The same customer, created and last changed at {@code at} unless it says otherwise (seeds do not). */
    Customer stampedIfNew(Instant at) {
        return createdAt != null && updatedAt != null ? this : new Customer(uuid, name, email, mainPhone, website, notes,
                status, paymentTerm, taxNumber, taxAutoCalculate, taxExcluded, taxes, billingAddress, shippingAddress,
                contacts, createdAt == null ? at : createdAt, updatedAt == null ? at : updatedAt);
    }
}
