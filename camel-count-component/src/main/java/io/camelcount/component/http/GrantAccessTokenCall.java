package io.camelcount.component.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelcount.component.CountApiException;
import io.camelcount.component.auth.GrantedTokens;
import io.camelcount.component.login.CodeRejectedException;

/**
 * {@code POST /partners/grant-access-token} (contract §1.2): exchanges the one-time code of the authorisation-code
 * flow for the user's first token pair. Signed like every call, without a bearer; the body is camelCase, as COUNT's
 * own client sends it.
 */
public final class GrantAccessTokenCall {

    private static final String OPERATION = "authorization code exchange";
    private static final String PATH = "/partners/grant-access-token";
    /** The OAuth 2.0 code for a code that is unknown, used, expired or another client's (RFC 6749 §5.2). */
    private static final String INVALID_GRANT = "invalid_grant";

    private final TokenRoute route;

    public GrantAccessTokenCall(CountHttpClient http, String baseUrl, String clientId, String clientSecret,
                                RateLimiter limiter) {
        // A login is not one of a connection's calls: no connection's activity or meters count it.
        this.route = new TokenRoute(http, baseUrl, clientId, clientSecret, limiter, CallListener.NONE);
    }

    /**
     * @throws CodeRejectedException when COUNT refuses the code itself: used, expired or issued to another client
     * @throws CountApiException     for any other refusal (a wrong client secret is a 401)
     * @throws IOException           when COUNT could not be reached or its answer was lost: the code may be used up
     */
    public GrantedTokens exchange(String code) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grantType", "authorization_code");
        body.put("code", code);
        HttpAnswer answer = route.post(OPERATION, PATH, body);
        if (!answer.isSuccess()) {
            CountApiException refusal = CountErrors.toException(OPERATION, answer.status(), answer.reason(),
                    answer.body(), answer.requestId());
            throw INVALID_GRANT.equals(refusal.getCode()) ? new CodeRejectedException(refusal) : refusal;
        }
        return TokenRoute.granted(OPERATION, answer);
    }
}
