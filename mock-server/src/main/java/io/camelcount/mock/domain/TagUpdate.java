package io.camelcount.mock.domain;

import java.util.Set;

/** A partial update of a tag: only the fields named in {@code fields} (wire names) change. */
public record TagUpdate(NewTag values, Set<String> fields) {

    public TagUpdate {
        fields = Set.copyOf(fields);
    }

    NewTag applyTo(Tag current) {
        return new NewTag(fields.contains("name") ? values.name() : current.name(),
                fields.contains("color") ? values.color() : current.color());
    }
}
