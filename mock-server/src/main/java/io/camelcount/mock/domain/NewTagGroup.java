package io.camelcount.mock.domain;

import java.util.List;
import java.util.UUID;

/** A tag group's fields as a partner sent them; null when absent. */
public record NewTagGroup(String name, String color, List<UUID> tagUuids) {

    void validate() {
        if (name == null || name.isBlank()) {
            throw DomainException.validation("name", "name is required");
        }
    }

    /** A tag listed twice is one member. */
    TagGroup toTagGroup(UUID uuid) {
        return new TagGroup(uuid, name, color, tagUuids == null ? List.of() : tagUuids.stream().distinct().toList());
    }
}
