package io.camelcount.mock.domain;

import java.util.Objects;
import java.util.UUID;

/** A label for invoices; {@code color} is whatever the partner sent (COUNT documents no format), or null. */
public record Tag(UUID uuid, String name, String color) {

    public Tag {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
    }

    public Tag(UUID uuid, String name) {
        this(uuid, name, null);
    }
}
