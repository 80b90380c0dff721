package io.camelcount.mock.domain;

import java.util.Objects;
import java.util.UUID;

public record Tag(UUID uuid, String name) {

    public Tag {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
    }
}
