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
import java.util.regex.Pattern;

/**
 * A response in COUNT's envelope (contract §2): {@code {"status":"success","message","data"}} or
 * {@code {"status":"Error","statusCode","message","customMsg","isOperational":true,"requestId","errorCode"}}.
 * Each rendering gets a fresh request ID, sent as {@code X-Request-Id} and repeated in an error body, so
 * that a partner can quote it in a support ticket. {@link #render(AnswerVariants.Form)} gives the answer the
 * form the variants chose; {@link #render()} the contract's default form.
 */
public final class ApiResponse {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** COUNT's known machine codes are lower snake case (contract §2); another spelling is a bug in the mock. */
    private static final Pattern MACHINE_CODE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /** What {@code data} holds, when it is one resource or a page of them; null for anything else. */
    private record Subject(ResourceName resource, boolean page) {
    }

    /** The OAuth 2.0 bearer-token error (RFC 6750) that some clients look for beside COUNT's code. */
    private record BearerError(String error, String description) {
    }

    private final int status;
    private final boolean error;
    private final String message;
    private final JsonNode data;
    private final String code;
    private final String type;
    private final BearerError bearerError;
    private final Subject subject;
    private final List<PartnerWarning> warnings;

    private ApiResponse(int status, boolean error, String message, JsonNode data, String code, String type,
                        BearerError bearerError, Subject subject, List<PartnerWarning> warnings) {
        this.status = status;
        this.error = error;
        this.message = message;
        this.data = data;
        this.code = code;
        this.type = type;
        this.bearerError = bearerError;
        this.subject = subject;
        this.warnings = List.copyOf(warnings);
    }

    /** @param message null for an answer without one (COUNT's webhook create) */
    public static ApiResponse success(int status, String message, JsonNode data) {
        return new ApiResponse(status, false, message, data, null, null, null, null, List.of());
    }

    /** COUNT's answer to a delete: {@code {"id": ..., "isDeleted": true}}. */
    public static ApiResponse deleted(String message, UUID id) {
        return success(200, message, JsonNodeFactory.instance.objectNode()
                .put("id", id.toString())
                .put("isDeleted", true));
    }

    /**
     * @param code the machine code, lower snake case; null only for a form that COUNT answered without one
     *             (the older deployments' expired-token 403)
     */
    public static ApiResponse error(int status, String code, String message) {
        if (code != null && !MACHINE_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Machine code " + code + " is not lower snake case (contract §2)");
        }
        return new ApiResponse(status, true, message, null, code, null, null, null, List.of());
    }

    /** Field-level detail is already in the message ("products[0].quantity must be ..."), as COUNT has it. */
    public static ApiResponse error(DomainException refusal) {
        return error(Refusals.status(refusal.kind()), refusal.code(), refusal.getMessage());
    }

    /** The same error with a {@code type}, e.g. {@code RATE_LIMITED} on a 429 (contract §2). */
    public ApiResponse withType(String type) {
        return new ApiResponse(status, error, message, data, code, type, bearerError, subject, warnings);
    }

    /** The same error also carrying the OAuth 2.0 pair {@code error} and {@code error_description}. */
    public ApiResponse withBearerError(String error, String description) {
        return new ApiResponse(status, this.error, message, data, code, type, new BearerError(error, description),
                subject, warnings);
    }

    /** The same success, also listing the fields COUNT ignored as {@code _partnerWarnings} beside {@code data}. */
    ApiResponse withWarnings(List<PartnerWarning> ignored) {
        return new ApiResponse(status, error, message, data, code, type, bearerError, subject, ignored);
    }

    /** The same answer, saying that its {@code data} is one {@code resource}. */
    ApiResponse aboutOne(ResourceName resource) {
        return new ApiResponse(status, error, message, data, code, type, bearerError, new Subject(resource, false), warnings);
    }

    /** The same answer, saying that its {@code data} is a page of {@code resource}s ({@link Paging}). */
    ApiResponse aboutPage(ResourceName resource) {
        return new ApiResponse(status, error, message, data, code, type, bearerError, new Subject(resource, true), warnings);
    }

    /** In the contract's default form. */
    public ResponseDefinition render() {
        return render(AnswerVariants.Form.DEFAULT);
    }

    public ResponseDefinition render(AnswerVariants.Form form) {
        String requestId = RequestIds.next();
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader(REQUEST_ID_HEADER, requestId)
                .withBody(JavaScriptJson.stringify(body(requestId, form)).getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private ObjectNode body(String requestId, AnswerVariants.Form form) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (!error) {
            body.put("status", "success");
            if (message != null) {
                body.put("message", message);
            }
            body.set("data", shaped(form));
            if (!warnings.isEmpty()) {
                ArrayNode ignored = body.putArray("_partnerWarnings");
                warnings.forEach(warning -> ignored.addObject().put("field", warning.field())
                        .put("reason", warning.reason()).put("message", warning.message()));
            }
            return body;
        }
        // customMsg is the text COUNT's own app shows a user. The mock's messages already say what went wrong
        // and how to fix it in one sentence, and there is no shorter honest one, so customMsg repeats it.
        body.put("status", "Error").put("statusCode", status).put("message", message).put("customMsg", message)
                .put("isOperational", true).put("requestId", requestId);
        if (bearerError == null) {
            form.putCode(body, code);
        } else {
            // Every signal at once (contract §1.2): the code under errorCode, the bearer error under error.
            body.put("errorCode", code).put("error", bearerError.error()).put("error_description", bearerError.description());
        }
        if (type != null) {
            body.put("type", type);
        }
        return body;
    }

    private JsonNode shaped(AnswerVariants.Form form) {
        if (subject == null) {
            return data;
        }
        return subject.page() ? form.page((ObjectNode) data, subject.resource()) : form.one(data, subject.resource());
    }
}
