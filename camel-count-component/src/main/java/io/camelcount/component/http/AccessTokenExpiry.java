package io.camelcount.component.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.json.CountJson;

/**
 * Recognises COUNT's "your access token expired" answer in each form it has taken (contract §1.2): the
 * documented {@code code: token_expired}, the official client's {@code error: invalid_token} with
 * {@code error_description: The access token expired}, and older deployments' 403
 * {@code Invalid access token.}. A bad signature or missing credentials is never one of them: refreshing
 * would not help and would burn a refresh token.
 */
final class AccessTokenExpiry {

    private AccessTokenExpiry() {
    }

    static boolean isSignalledBy(HttpAnswer answer) {
        if (answer.status() != 401 && answer.status() != 403) {
            return false;
        }
        JsonNode body;
        try {
            body = CountJson.parse(answer.body());
        } catch (IOException notJson) {
            return false;
        }
        if (answer.status() == 403) {
            return "Invalid access token.".equals(body.path("message").asText());
        }
        return "token_expired".equals(body.path("code").asText())
               || "invalid_token".equals(body.path("error").asText())
                  && body.path("error_description").asText().toLowerCase().contains("expired");
    }
}
