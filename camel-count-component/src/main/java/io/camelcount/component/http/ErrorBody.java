package io.camelcount.component.http;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.json.CountJson;

/**
 * COUNT's error body in each form it is known to take (contract §2): the fields count-cli keeps
 * ({@code status, statusCode, message, customMsg, isOperational, requestId, type, error, error_description},
 * plus {@code errorCode}), at the top of the body or under {@code data}. A body that is not a JSON object
 * has none of them.
 */
final class ErrorBody {

    /** Where the machine code is, first present first: count-cli reads {@code error} and {@code errorCode}. */
    private static final List<String> CODE_FIELDS = List.of("errorCode", "error", "code", "type");
    private static final List<String> MESSAGE_FIELDS = List.of("message", "customMsg", "error_description");

    private final JsonNode top;

    private ErrorBody(JsonNode top) {
        this.top = top;
    }

    static ErrorBody of(byte[] body) {
        try {
            JsonNode node = CountJson.parse(body);
            return new ErrorBody(node != null && node.isObject() ? node : null);
        } catch (IOException notJson) {
            return new ErrorBody(null);
        }
    }

    boolean isJson() {
        return top != null;
    }

    /** The machine code, such as {@code invoice_not_draft}; {@code null} when COUNT sent none. */
    String code() {
        for (String field : CODE_FIELDS) {
            String code = text(field);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** COUNT's explanation: {@code message}, else {@code customMsg}, else {@code error_description}. */
    String message() {
        for (String field : MESSAGE_FIELDS) {
            String message = text(field);
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    /** The text of a field at the top of the body, else under {@code data}; {@code null} when absent or blank. */
    String text(String field) {
        if (top == null) {
            return null;
        }
        String value = valueOf(top.get(field));
        return value != null ? value : valueOf(top.path("data").get(field));
    }

    private static String valueOf(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? value.asText().strip() : null;
    }
}
