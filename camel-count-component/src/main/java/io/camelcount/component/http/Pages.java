package io.camelcount.component.http;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.CountException;
import io.camelcount.component.model.Page;

/**
 * Reads COUNT's list answers in every form it is known to use (contract §2): the records in {@code records} or
 * in the array named after the resource ({@code invoices}, {@code customers}, …), inside {@code data} or beside
 * it at the top of the answer, or {@code data} itself as the array. Only those names are read: an array field of
 * a record (an invoice's {@code products}) is never taken for the list, and an answer with none of them fails
 * rather than being read as an empty list.
 */
public final class Pages {

    private static final String RECORDS = "records";

    private Pages() {
    }

    /**
     * One page of a list as COUNT answered {@code request}. Its counts are COUNT's own when it sent them and
     * unknown ({@code null}) when it did not; the page number and limit are COUNT's echo, else what the request
     * asked for (COUNT's documented first page, 1, when it asked for none).
     */
    public static Page<JsonNode> read(CountResponse response, CountRequest request, Class<?> modelClass) {
        Listing listing = listing(response, request, modelClass);
        List<JsonNode> records = new ArrayList<>();
        listing.array().forEach(records::add);
        JsonNode holder = listing.holder();
        Long page = number(holder.get("page"));
        Long limit = number(holder.get("limit"));
        Long totalPages = number(holder.get("totalPages"));
        return new Page<>(List.copyOf(records),
                page != null ? page.intValue() : request.queryNumber("page", 1),
                limit != null ? Integer.valueOf(limit.intValue()) : request.queryNumber("limit", null),
                number(holder.get("totalRecords")),
                totalPages == null ? null : totalPages.intValue());
    }

    /** The records of a list answer that is not paged (an invoice's audit log), in any of the forms above. */
    public static JsonNode records(CountResponse response, CountRequest request, Class<?> modelClass) {
        return listing(response, request, modelClass).array();
    }

    /**
     * The list's array and the object that holds it (and the counts): {@code data} when the list is in it or is
     * it, else the whole answer.
     *
     * @throws CountException when the answer has the list in none of the known forms: reading it as empty would
     *                        lose its records without a word
     */
    private static Listing listing(CountResponse response, CountRequest request, Class<?> modelClass) {
        ResourceName name = ResourceName.of(modelClass);
        for (JsonNode holder : List.of(response.data(), response.envelope())) {
            JsonNode array = arrayIn(holder, name);
            if (array != null) {
                return new Listing(holder, array);
            }
        }
        throw new CountException("COUNT answered " + request.operation() + " in a form the component does not know:"
                                 + " no array under '" + RECORDS + "' or '" + name.plural() + "', in data or beside it,"
                                 + " and data is not an array. The answer's fields: " + fieldNames(response.envelope())
                                 + "; data's fields: " + fieldNames(response.data()));
    }

    private record Listing(JsonNode holder, JsonNode array) {
    }

    /** @return the list's array in {@code holder}, or {@code null} when it has none */
    private static JsonNode arrayIn(JsonNode holder, ResourceName name) {
        if (holder.isArray()) {
            return holder;
        }
        for (String key : List.of(RECORDS, name.plural())) {
            JsonNode array = holder.get(key);
            if (array != null && array.isArray()) {
                return array;
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A whole number COUNT sent, as a JSON number or a numeric string; {@code null} when it sent none. */
    private static Long number(JsonNode value) {
        if (value == null || !(value.isIntegralNumber() && value.canConvertToInt() || value.isTextual())) {
            return null;
        }
        String text = value.asText().strip();
        return text.matches("\\d{1,9}") ? Long.valueOf(text) : null;
    }
}
