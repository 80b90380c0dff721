package io.camelcount.mock.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A named set of tags (contract §5); a tag belongs to at most one group. */
public record TagGroup(UUID uuid, String name, String color, List<UUID> tagUuids) {

    public TagGroup {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        tagUuids = tagUuids == null ? List.of() : List.copyOf(tagUuids);
    }

    TagGroup without(UUID tagUuid) {
        return new TagGroup(uuid, name, color, tagUuids.stream().filter(member -> !member.equals(tagUuid)).toList());
    }
}
