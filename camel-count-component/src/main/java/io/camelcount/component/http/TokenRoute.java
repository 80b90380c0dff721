package io.camelcount.component.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.CountException;
import io.camelcount.component.auth.GrantedTokens;
import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.json.JavaScriptJson;

/**
 * COUNT's two token routes, {@code grant-access-token} and {@code refresh-user-access-token} (contract §1.2): signed
 * like every call but without a bearer, through the client ID's rate limiter, and answering the same token result.
 */
final class TokenRoute {

    private final CountHttpClient http;
    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final RateLimiter limiter;
    private final CallListener listener;

    TokenRoute(CountHttpClient http, String baseUrl, String clientId, String clientSecret, RateLimiter limiter,
               CallListener listener) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.limiter = limiter;
        this.listener = listener;
    }

    /**
     * Sends {@code body} (camelCase fields, in order) once: a token route's answer may not be asked for twice, since
     * what it consumes (a code, a refresh token) is single-use.
     *
     * @throws IOException when COUNT could not be reached or the answer was lost
     */
    HttpAnswer post(String operation, String path, Map<String, Object> body) throws IOException, InterruptedException {
        byte[] json = JavaScriptJson.write(CountJson.toTree(body)).getBytes(StandardCharsets.UTF_8);
        CountRequest request = new CountRequest(operation, "POST", path, new RequestContent.Json(json));
        RateLimiter.Permit permit = limiter.acquire();
        listener.waitedForPermit(permit.waited());
        try {
            HttpAnswer answer = http.execute(baseUrl, clientId, clientSecret, null, request);
            listener.answered(operation, answer.status(), answer.requestId());
            return answer;
        } catch (CountConnectionException e) {
            throw new IOException("Could not reach COUNT at " + baseUrl + " for the " + operation + ": "
                                  + e.getMessage(), e.getCause());
        } finally {
            limiter.answered(permit);
        }
    }

    /** The token result of a successful answer, {@code data.result}. */
    static GrantedTokens granted(String operation, HttpAnswer answer) {
        try {
            JsonNode result = CountJson.parse(answer.body()).path("data").path("result");
            String accessToken = result.path("accessToken").asText(null);
            String refreshToken = result.path("refreshToken").asText(null);
            if (accessToken == null || refreshToken == null) {
                throw new CountException("COUNT's answer to the " + operation + " has no accessToken or refreshToken");
            }
            return new GrantedTokens(new TokenPair(accessToken, refreshToken, instant(result.path("accessTokenExpiresAt")),
                    instant(result.path("refreshTokenExpiresAt"))), result.path("workspaceId").asText(null),
                    result.path("workspaceName").asText(null));
        } catch (IOException e) {
            throw new CountException("COUNT's answer to the " + operation + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode value) {
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }
}
