package io.camelcount.component.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer: the {@code data} of COUNT's success envelope.
 *
 * @param requestId COUNT's {@code X-Request-Id}, when it sent one
 */
public record CountResponse(int statusCode, String requestId, JsonNode data) {
}
