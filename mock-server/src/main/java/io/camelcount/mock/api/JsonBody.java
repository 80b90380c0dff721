package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.json.InvalidJsonException;
import io.camelcount.mock.json.JavaScriptJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A JSON object from a request, read field by field. Each getter returns null for an absent field
 * or a JSON null, and refuses a value of the wrong type with a 400 that names the field by its full
 * path ({@code products[0].quantity}); whether a field is required is the domain's business.
 */
final class JsonBody {

    /**
     * COUNT holds numbers as JavaScript doubles, exact only to about 15 digits; the bounds also keep
     * arithmetic on a number like 1e999999999 from exhausting the mock.
     */
    private static final BigDecimal LARGEST_NUMBER = new BigDecimal("1e15");
    private static final int MAX_DECIMALS = 10;

    private final JsonNode object;
    private final String path;

    private JsonBody(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /** @param required whether an empty body is refused rather than read as {@code {}} */
    static JsonBody parse(byte[] body, boolean required) {
        if (body.length == 0) {
            if (required) {
                throw DomainException.validation("body", "The request body is empty; send a JSON object.");
            }
            return new JsonBody(JsonNodeFactory.instance.objectNode(), "");
        }
        JsonNode node;
        try {
            node = JavaScriptJson.parse(body);
        } catch (InvalidJsonException e) {
            throw DomainException.validation("body", "The request body is not valid JSON: " + e.getMessage());
        }
        if (!node.isObject()) {
            throw DomainException.validation("body", "The request body must be a JSON object.");
        }
        return new JsonBody(node, "");
    }

    /** The object's field names as sent, in order. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A whole number that fits an int; 2.0 counts, 2.5 does not. */
    Integer integer(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().stripTrailingZeros().scale() > 0
                || value.decimalValue().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw wrongType(name, "a whole number");
        }
        return value.decimalValue().intValueExact();
    }

    String text(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string");
        }
        return value.textValue();
    }

    /** A JSON number, or a numeric string such as {@code "120.00"}: COUNT takes amounts in both forms (contract §2). */
    BigDecimal number(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        Optional<BigDecimal> read = value.isNumber() ? Optional.of(value.decimalValue())
                : value.isTextual() ? NumericString.parse(value.textValue()) : Optional.empty();
        BigDecimal number = read.orElseThrow(() -> wrongType(name, "a number or a numeric string such as \"120.00\""));
        if (number.abs().compareTo(LARGEST_NUMBER) >= 0 || number.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw DomainException.validation(path + name, path + name + " must be below 1e15 with at most "
                    + MAX_DECIMALS + " decimals, got " + value.asText());
        }
        return number;
    }

    Boolean bool(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return value.booleanValue();
    }

    UUID uuid(String name) {
        String text = text(name);
        return text == null ? null : Uuids.parse(text).orElseThrow(() -> wrongType(name, "a UUID"));
    }

    LocalDate date(String name) {
        String text = text(name);
        return text == null ? null : IsoDay.parse(text).orElseThrow(() -> wrongType(name, "a date as YYYY-MM-DD"));
    }

    /** A string from a fixed set; {@code allowed} lists the set for the error message. */
    <T> T choice(String name, Function<String, Optional<T>> parser, String allowed) {
        String text = text(name);
        return text == null ? null : parser.apply(text).orElseThrow(() -> wrongType(name, "one of " + allowed));
    }

    List<JsonBody> objects(String name) {
        return array(name, (element, elementPath) -> {
            if (!element.isObject()) {
                throw DomainException.validation(elementPath, elementPath + " must be a JSON object");
            }
            return new JsonBody(element, elementPath + ".");
        });
    }

    List<String> texts(String name) {
        return array(name, (element, elementPath) -> {
            if (!element.isTextual()) {
                throw DomainException.validation(elementPath, elementPath + " must be a string");
            }
            return element.textValue();
        });
    }

    List<UUID> uuids(String name) {
        return array(name, (element, elementPath) -> {
            Optional<UUID> uuid = element.isTextual() ? Uuids.parse(element.textValue()) : Optional.empty();
            return uuid.orElseThrow(() -> DomainException.validation(elementPath, elementPath + " must be a UUID"));
        });
    }

    /** A nested JSON object, read like the body, its fields named by their full path ({@code billingAddress.city}). */
    JsonBody object(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(name, "a JSON object");
        }
        return new JsonBody(value, path + name + ".");
    }

    /** An array of whole numbers that fit an int, such as COUNT's numeric tax IDs; 2.0 counts, as in {@link #integer}. */
    List<Integer> integers(String name) {
        return array(name, (element, elementPath) -> {
            if (!element.isNumber() || element.decimalValue().stripTrailingZeros().scale() > 0
                    || element.decimalValue().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw DomainException.validation(elementPath, elementPath + " must be a whole number");
            }
            return element.decimalValue().intValueExact();
        });
    }

    private interface ElementReader<T> {
        T read(JsonNode element, String elementPath);
    }

    private <T> List<T> array(String name, ElementReader<T> reader) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array");
        }
        List<T> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            elements.add(reader.read(value.get(i), path + name + "[" + i + "]"));
        }
        return elements;
    }

    /** How a field of this object is named in error messages, e.g. {@code products[2].price}. */
    String fieldPath(String name) {
        return path + name;
    }

    private JsonNode value(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private DomainException wrongType(String name, String expected) {
        return DomainException.validation(path + name, path + name + " must be " + expected);
    }
}
