package io.camelcount.mock.domain;

import java.util.UUID;

/** A tag's fields as a partner sent them; null when absent. */
public record NewTag(String name, String color) {

    void validate() {
        if (name == null || name.isBlank()) {
            throw DomainException.validation("name", "name is required");
        }
    }

    Tag toTag(UUID uuid) {
        return new Tag(uuid, name, color);
    }
}
