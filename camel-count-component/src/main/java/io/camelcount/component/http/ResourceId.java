package io.camelcount.component.http;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A COUNT object's own UUID as the answer carries it: {@code id} (contract §2, as count-cli reads it), or
 * {@code uuid}, which older answers and webhook subscriptions use.
 */
public final class ResourceId {

    private static final List<String> KEYS = List.of("id", "uuid");

    private ResourceId() {
    }

    /** @return the object's UUID, or {@code null} when it carries neither key */
    public static String of(JsonNode resource) {
        for (String key : KEYS) {
            JsonNode value = resource.get(key);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}
