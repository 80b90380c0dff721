package io.camelcount.component.auth;

import io.camelcount.component.CountAuthenticationException;

/**
 * An access token configured without a refresh token: it works until it expires, and then there is no way
 * to renew it, so the error says what to configure.
 */
public final class FixedAccessToken implements AccessTokenSource {

    private final String accessToken;

    public FixedAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    @Override
    public String accessToken(TokenRefresher refresher) {
        return accessToken;
    }

    /** Valid as far as is known: its expiry is not known, and COUNT's "token expired" is the first sign. */
    @Override
    public TokenState tokenState() {
        return new TokenState(TokenState.Status.VALID, false, null, null, null, null);
    }

    @Override
    public String refreshAfterRejection(String rejectedAccessToken, TokenRefresher refresher) {
        throw new CountAuthenticationException("token refresh", 401, "token_expired",
                "The access token expired and no refreshToken is configured to renew it: set the refreshToken option"
                        + " (and tokenFile, so rotated tokens survive a restart)",
                null, null);
    }
}
