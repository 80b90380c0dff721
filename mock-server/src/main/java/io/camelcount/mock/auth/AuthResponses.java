package io.camelcount.mock.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.camelcount.mock.api.ApiResponse;
import io.camelcount.mock.json.InvalidJsonException;
import io.camelcount.mock.json.JavaScriptJson;

import java.nio.charset.StandardCharsets;

/** The 401 answers of COUNT's authentication, in its error envelope. */
public final class AuthResponses {

    private AuthResponses() {
    }

    /**
     * An expired access token carries every signal some client looks for (contract §1.2): the
     * documented {@code code}, and the {@code error}/{@code error_description} pair of the official client.
     */
    public static ResponseDefinition unauthorized(AuthenticationException refusal) {
        ResponseDefinition envelope = ApiResponse.error(401, refusal.code(), refusal.getMessage(), null).render();
        if (!refusal.code().equals(AuthenticationException.TOKEN_EXPIRED)) {
            return envelope;
        }
        ObjectNode body;
        try {
            body = (ObjectNode) JavaScriptJson.parse(envelope.getByteBody());
        } catch (InvalidJsonException impossible) {
            throw new IllegalStateException("The mock's own error envelope is not JSON", impossible);
        }
        body.put("error", "invalid_token").put("error_description", refusal.getMessage());
        return ResponseDefinitionBuilder.like(envelope)
                .withBody(JavaScriptJson.stringify(body).getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
