package io.camelcount.component.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelcount.component.auth.RefreshTokenRejectedException;
import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.auth.TokenRefresher;

/**
 * {@code POST /partners/refresh-user-access-token} (contract §1.2): signed like every call, but without a
 * bearer. COUNT answers 403 to a refresh token it has already rotated away.
 */
public final class RefreshTokenCall implements TokenRefresher {

    private static final String OPERATION = "token refresh";
    private static final String PATH = "/partners/refresh-user-access-token";

    private final TokenRoute route;
    private final CallListener listener;

    public RefreshTokenCall(CountHttpClient http, String baseUrl, String clientId, String clientSecret, RateLimiter limiter,
                            CallListener listener) {
        this.route = new TokenRoute(http, baseUrl, clientId, clientSecret, limiter, listener);
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
        HttpAnswer answer = route.post(OPERATION, PATH, body);
        if (answer.status() == 403) {
            throw new RefreshTokenRejectedException(
                    CountErrors.toException(OPERATION, 403, answer.reason(), answer.body(), answer.requestId()));
        }
        if (!answer.isSuccess()) {
            throw CountErrors.toException(OPERATION, answer.status(), answer.reason(), answer.body(), answer.requestId());
        }
        return TokenRoute.granted(OPERATION, answer).tokens();
    }
}
