package io.camelcount.component.http;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads COUNT's list answers: the documented {@code records} array, or the resource-named array
 * ({@code invoices}, {@code customers}, …) that some live routes use instead (contract §2).
 */
public final class Pages {

    private Pages() {
    }

    public static JsonNode records(JsonNode page) {
        if (page.isArray()) {
            return page;
        }
        JsonNode records = page.get("records");
        if (records != null && records.isArray()) {
            return records;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = page.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isArray() && !field.getKey().startsWith("_")) {
                return field.getValue();
            }
        }
        return MissingNode.getInstance();
    }
}
