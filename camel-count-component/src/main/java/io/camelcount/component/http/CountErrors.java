package io.camelcount.component.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.CountApiException;
import io.camelcount.component.CountAuthenticationException;
import io.camelcount.component.CountAuthorizationException;
import io.camelcount.component.CountConflictException;
import io.camelcount.component.CountNotFoundException;
import io.camelcount.component.CountRateLimitException;
import io.camelcount.component.CountValidationException;
import io.camelcount.component.json.CountJson;

/**
 * Turns COUNT's error envelope ({@code status, statusCode, code, message, requestId, details}) into the
 * typed exception for its status. Tolerant: a body that is not the envelope still gives a useful error.
 */
final class CountErrors {

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private CountErrors() {
    }

    static CountApiException toException(String operation, int status, String reason, byte[] body, String requestIdHeader) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode envelope = parseOrNull(body);
        String code = textOf(envelope, "code");
        String message = firstNonBlank(textOf(envelope, "message"), textOf(envelope, "error_description"),
                envelope == null ? abbreviate(text) : null, reason);
        String requestId = firstNonBlank(textOf(envelope, "requestId"), requestIdHeader);
        return switch (status) {
            case 400 -> new CountValidationException(operation, status, code, message, requestId, text,
                    envelope == null ? null : textOf(envelope.path("details"), "field"));
            case 401 -> new CountAuthenticationException(operation, status, code, message, requestId, text);
            case 403 -> new CountAuthorizationException(operation, status, code, message, requestId, text);
            case 404 -> new CountNotFoundException(operation, status, code, message, requestId, text);
            case 409 -> new CountConflictException(operation, status, code, message, requestId, text);
            case 429 -> new CountRateLimitException(operation, status, code, message, requestId, text);
            default -> new CountApiException(operation, status, code, message, requestId, text);
        };
    }

    private static JsonNode parseOrNull(byte[] body) {
        try {
            JsonNode node = CountJson.parse(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String textOf(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String abbreviate(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= MAX_BODY_IN_MESSAGE ? trimmed : trimmed.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
