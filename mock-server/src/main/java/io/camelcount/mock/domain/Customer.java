package io.camelcount.mock.domain;

import java.util.Objects;
import java.util.UUID;

/** A customer of the workspace; {@code email} is null when COUNT has none on file. */
public record Customer(UUID uuid, String name, String email) {

    public Customer {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
    }
}
