package io.camelcount.component.auth;

import io.camelcount.component.CountApiException;

/**
 * Thrown by a {@link TokenRefresher} when COUNT refuses the refresh token itself: it answered 403 (usually
 * {@code Invalid refresh token}) because the token was already used, expired or revoked. {@link TokenManager} turns
 * it into a {@link ReauthorizationRequiredException}.
 * <p>
 * Do not throw it for other failures (network errors, 5xx, a bad signature): those leave the refresh token valid.
 * Never put a token in the message or in the details.
 */
public class RefreshTokenRejectedException extends Exception {

    private final CountApiException refusal;

    /** @param refusal COUNT's answer to the refresh, normally a 403 {@code Invalid refresh token} */
    public RefreshTokenRejectedException(CountApiException refusal) {
        super("COUNT rejected the refresh token: " + refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    /** COUNT's answer: status, code, message, request ID and body. */
    public CountApiException getRefusal() {
        return refusal;
    }
}
