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
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode records = data.putArray("records");
        long first = (long) (page - 1) * limit;
        all.stream().skip(first).limit(limit).map(toJson).forEach(records::add);
        return data.put("page", page)
                .put("limit", limit)
                .put("totalRecords", all.size())
                .put("totalPages", (all.size() + limit - 1) / limit);
    }
}
