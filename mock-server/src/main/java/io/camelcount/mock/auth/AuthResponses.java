package io.camelcount.mock.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.camelcount.mock.api.AnswerVariants;
import io.camelcount.mock.api.ApiResponse;
import io.camelcount.mock.api.RequestIds;
import io.camelcount.mock.json.JavaScriptJson;

import java.nio.charset.StandardCharsets;

/** The refusals of COUNT's authentication, in its error envelope. */
public final class AuthResponses {

    /** What older deployments answered, with 403, to an expired access token (contract §1.2). */
    static final String LEGACY_EXPIRED_MESSAGE = "Invalid access token.";
    private static final String BEARER_ERROR = "invalid_token";

    private AuthResponses() {
    }

    /**
     * A 401; an expired access token is answered in the form {@code form} chooses (contract §1.2): by default
     * with every signal some client looks for (COUNT's documented {@code errorCode: token_expired}, and the
     * {@code error: invalid_token} / {@code error_description} pair the official client reads), or with the
     * bearer-token pair alone, or as older deployments did, 403 {@code Invalid access token.}.
     */
    public static ResponseDefinition unauthorized(AuthenticationException refusal, AnswerVariants.Form form) {
        if (!refusal.code().equals(AuthenticationException.TOKEN_EXPIRED)) {
            return ApiResponse.error(401, refusal.code(), refusal.getMessage()).render(form);
        }
        return switch (form.tokenExpiry()) {
            case ALL_SIGNALS -> ApiResponse.error(401, refusal.code(), refusal.getMessage())
                    .withBearerError(BEARER_ERROR, refusal.getMessage()).render(form);
            case BEARER_ERROR_ONLY -> bearerErrorOnly(refusal.getMessage());
            // No machine code: what the older deployments put beside the message is not known.
            case LEGACY_403 -> ApiResponse.error(403, null, LEGACY_EXPIRED_MESSAGE).render(form);
        };
    }

    /** What an OAuth 2.0 server library answers (RFC 6750 §3): nothing but the error and its description. */
    private static ResponseDefinition bearerErrorOnly(String description) {
        String body = JavaScriptJson.stringify(JsonNodeFactory.instance.objectNode()
                .put("error", BEARER_ERROR).put("error_description", description));
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(401)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader(ApiResponse.REQUEST_ID_HEADER, RequestIds.next())
                .withBody(body.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
