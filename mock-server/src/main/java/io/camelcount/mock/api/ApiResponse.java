package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.json.JavaScriptJson;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A response in COUNT's envelope: {@code {"status":"success","message","data"}} or
 * {@code {"status":"error","statusCode","code","message","requestId","details"?}}. Each rendering gets
 * a fresh request ID, sent as {@code X-Request-Id} and repeated in an error body, so that a partner
 * can quote it in a support ticket.
 */
public final class ApiResponse {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final int status;
    private final String message;
    private final JsonNode data;
    private final String code;
    private final String field;
    private final List<PartnerWarning> warnings;

    private ApiResponse(int status, String message, JsonNode data, String code, String field,
                        List<PartnerWarning> warnings) {
        this.status = status;
        this.message = message;
        this.data = data;
        this.code = code;
        this.field = field;
        this.warnings = List.copyOf(warnings);
    }

    public static ApiResponse success(int status, String message, JsonNode data) {
        return new ApiResponse(status, message, data, null, null, List.of());
    }

    /** COUNT's answer to a delete: {@code {"uuid": ..., "isDeleted": true}}. */
    public static ApiResponse deleted(String message, UUID uuid) {
        return success(200, message, JsonNodeFactory.instance.objectNode()
                .put("uuid", uuid.toString())
                .put("isDeleted", true));
    }

    /** @param field the input at fault, reported as {@code details.field}; null for none */
    public static ApiResponse error(int status, String code, String message, String field) {
        return new ApiResponse(status, message, null, code, field, List.of());
    }

    /** The same success, also listing the fields COUNT ignored as {@code _partnerWarnings} beside {@code data}. */
    ApiResponse withWarnings(List<PartnerWarning> ignored) {
        return new ApiResponse(status, message, data, code, field, ignored);
    }

    public static ApiResponse error(DomainException refusal) {
        return error(refusal.status(), refusal.code(), refusal.getMessage(), refusal.field());
    }

    public ResponseDefinition render() {
        String requestId = UUID.randomUUID().toString();
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader(REQUEST_ID_HEADER, requestId)
                .withBody(JavaScriptJson.stringify(body(requestId)).getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private ObjectNode body(String requestId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (code == null) {
            body.put("status", "success").put("message", message).set("data", data);
            if (!warnings.isEmpty()) {
                ArrayNode ignored = body.putArray("_partnerWarnings");
                warnings.forEach(warning -> ignored.addObject().put("field", warning.field())
                        .put("reason", warning.reason()).put("message", warning.message()));
            }
            return body;
        }
        body.put("status", "error").put("statusCode", status).put("code", code).put("message", message)
                .put("requestId", requestId);
        if (field != null) {
            body.putObject("details").put("field", field);
        }
        return body;
    }
}
