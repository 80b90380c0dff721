package io.camelcount.component.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.CountException;
import io.camelcount.component.auth.RefreshTokenRejectedException;
import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.auth.TokenRefresher;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.json.JavaScriptJson;

/**
 * {@code POST /partners/refresh-user-access-token} (contract §1.2): signed like every call, but without a
 * bearer. COUNT answers 403 to a refresh token it has already rotated away.
 */
public final class RefreshTokenCall implements TokenRefresher {

    private static final String OPERATION = "token refresh";
    private static final String PATH = "/partners/refresh-user-access-token";

    private final CountHttpClient http;
    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final RateLimiter limiter;
    private final CallListener listener;

    public RefreshTokenCall(CountHttpClient http, String baseUrl, String clientId, String clientSecret, RateLimiter limiter,
                            CallListener listener) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.limiter = limiter;
        this.listener = listener;
    }

    @Override
    public TokenPair refresh(String refreshToken) throws RefreshTokenRejectedException, IOException, InterruptedException {
        String outcome = CallListener.FAILED;
        try {
            TokenPair fresh = send(refreshToken);
            outcome = CallListener.SUCCESS;
            return fresh;
        } catch (RefreshTokenRejectedException rejected) {
            outcome = "rejected";
            throw rejected;
        } finally {
            listener.refreshed(outcome);
        }
    }

    private TokenPair send(String refreshToken) throws RefreshTokenRejectedException, IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grantType", "refresh_token");
        body.put("refreshToken", refreshToken);
        byte[] json = JavaScriptJson.write(CountJson.toTree(body)).getBytes(StandardCharsets.UTF_8);
        CountRequest request = new CountRequest(OPERATION, "POST", PATH, new RequestContent.Json(json));
        RateLimiter.Permit permit = limiter.acquire();
        listener.waitedForPermit(permit.waited());
        HttpAnswer answer;
        try {
            answer = http.execute(baseUrl, clientId, clientSecret, null, request);
            listener.answered(OPERATION, answer.status(), answer.requestId());
        } catch (CountConnectionException e) {
            throw new IOException("Could not reach COUNT at " + baseUrl + " to refresh the access token: "
                                  + e.getMessage(), e.getCause());
        } finally {
            limiter.answered(permit);
        }
        if (answer.status() == 403) {
            throw new RefreshTokenRejectedException(
                    CountErrors.toException(OPERATION, 403, answer.reason(), answer.body(), answer.requestId()));
        }
        if (!answer.isSuccess()) {
            throw CountErrors.toException(OPERATION, answer.status(), answer.reason(), answer.body(), answer.requestId());
        }
        return tokenPair(answer);
    }

    private static TokenPair tokenPair(HttpAnswer answer) {
        try {
            JsonNode result = CountJson.parse(answer.body()).path("data").path("result");
            String accessToken = result.path("accessToken").asText(null);
            String refreshToken = result.path("refreshToken").asText(null);
            if (accessToken == null || refreshToken == null) {
                throw new CountException("COUNT's answer to the token refresh has no accessToken or refreshToken");
            }
            return new TokenPair(accessToken, refreshToken, instant(result.path("accessTokenExpiresAt")),
                    instant(result.path("refreshTokenExpiresAt")));
        } catch (IOException e) {
            throw new CountException("COUNT's answer to the token refresh is not JSON: " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode value) {
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }
}
