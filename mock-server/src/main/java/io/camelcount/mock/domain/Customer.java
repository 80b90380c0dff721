package io.camelcount.mock.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer of the workspace; COUNT calls its name {@code customer}. {@code email} and {@code phone}
 * are null when COUNT has none on file.
 */
public record Customer(UUID uuid, String name, String email, String phone, List<Address> addresses,
                       List<Contact> contacts) {

    public Customer {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        // A seed file may leave them out.
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** A customer with a name and (optionally) an email, as seeds and tests usually need. */
    public Customer(UUID uuid, String name, String email) {
        this(uuid, name, email, null, List.of(), List.of());
    }
}
