package io.camelcount.mock.domain;

import java.util.Set;

/**
 * A partial update of a tag group: only the fields named in {@code fields} (wire names) change. Sent
 * {@code tagUuids} replace the membership, so {@code []} (or null) empties the group, as count-cli documents.
 */
public record TagGroupUpdate(NewTagGroup values, Set<String> fields) {

    public TagGroupUpdate {
        fields = Set.copyOf(fields);
    }

    NewTagGroup applyTo(TagGroup current) {
        return new NewTagGroup(fields.contains("name") ? values.name() : current.name(),
                fields.contains("color") ? values.color() : current.color(),
                fields.contains("tagUuids") ? values.tagUuids() : current.tagUuids());
    }
}
