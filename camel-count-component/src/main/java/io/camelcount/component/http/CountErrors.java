package io.camelcount.component.http;

import java.nio.charset.StandardCharsets;

import io.camelcount.component.CountApiException;
import io.camelcount.component.CountAuthenticationException;
import io.camelcount.component.CountAuthorizationException;
import io.camelcount.component.CountConflictException;
import io.camelcount.component.CountNotFoundException;
import io.camelcount.component.CountRateLimitException;
import io.camelcount.component.CountValidationException;

/**
 * Turns COUNT's error answer into the typed exception for its status, keeping the status, the machine code,
 * COUNT's message and its request ID (contract §2, read by {@link ErrorBody}). Tolerant: a body that is not the
 * envelope still gives a useful error.
 */
final class CountErrors {

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private CountErrors() {
    }

    static CountApiException toException(String operation, int status, String reason, byte[] body, String requestIdHeader) {
        String text = new String(body, StandardCharsets.UTF_8);
        ErrorBody error = ErrorBody.of(body);
        String code = error.code();
        String message = firstNonBlank(error.message(), error.isJson() ? null : abbreviate(text), reason);
        String requestId = firstNonBlank(error.text("requestId"), requestIdHeader);
        return switch (status) {
            // COUNT names the field at fault in its message only (contract §2), so the field is not known apart.
            case 400 -> new CountValidationException(operation, status, code, message, requestId, text, null);
            case 401 -> new CountAuthenticationException(operation, status, code, message, requestId, text);
            case 403 -> new CountAuthorizationException(operation, status, code, message, requestId, text);
            case 404 -> new CountNotFoundException(operation, status, code, message, requestId, text);
            case 409 -> new CountConflictException(operation, status, code, message, requestId, text);
            case 429 -> new CountRateLimitException(operation, status, code, message, requestId, text);
            default -> new CountApiException(operation, status, code, message, requestId, text);
        };
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
