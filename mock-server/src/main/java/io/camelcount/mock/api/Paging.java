package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"records":[…],"page","limit","totalRecords","totalPages"}} (contract §2). */
record Paging(int page, int limit) {

    /** A page past the end has no records but the same counts, so a client can tell it overshot. */
    <T> ObjectNode render(List<T> all, Function<T, ? extends JsonNode> toJson) {
        return render(all.stream().skip(offset()).limit(limit).toList(), all.size(), toJson);
    }

    /** Renders a page already cut, {@code records} of {@code totalRecords} in all. */
    <T> ObjectNode render(List<T> records, int totalRecords, Function<T, ? extends JsonNode> toJson) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode array = data.putArray("records");
        records.stream().map(toJson).forEach(array::add);
        return data.put("page", page)
                .put("limit", limit)
                .put("totalRecords", totalRecords)
                .put("totalPages", (totalRecords + limit - 1) / limit);
    }

    /** How many records come before this page. */
    long offset() {
        return (long) (page - 1) * limit;
    }
}
