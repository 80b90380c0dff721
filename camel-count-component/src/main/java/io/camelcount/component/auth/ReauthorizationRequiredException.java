package io.camelcount.component.auth;

import java.time.Instant;

import io.camelcount.component.CountAuthorizationException;

/**
 * The refresh token was rejected by COUNT, so the connection is lost until the user authorises the application again.
 * A {@link CountAuthorizationException} (operation {@code "token refresh"}) whose message also says what to do;
 * {@link #getCountMessage()} stays COUNT's own message.
 */
public class ReauthorizationRequiredException extends CountAuthorizationException {

    private final String grantKey;
    private final String advice;

    public ReauthorizationRequiredException(String grantKey, RefreshTokenRejectedException rejection,
                                            Instant refreshTokenExpiresAt, boolean alreadyRejected) {
        super("token refresh", rejection.getRefusal().getStatusCode(), rejection.getRefusal().getCode(),
                rejection.getRefusal().getCountMessage(), rejection.getRefusal().getRequestId(),
                rejection.getRefusal().getResponseBody());
        this.grantKey = grantKey;
        this.advice = advice(grantKey, refreshTokenExpiresAt, alreadyRejected);
        initCause(rejection);
    }

    /** The key the token store keeps the lost grant's pair under. */
    public String getGrantKey() {
        return grantKey;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + ". " + advice;
    }

    private static String advice(String grantKey, Instant refreshTokenExpiresAt, boolean alreadyRejected) {
        return "The stored refresh token for '" + grantKey + "' is no longer valid"
                + (refreshTokenExpiresAt == null ? "" : " (its recorded expiry is " + refreshTokenExpiresAt + ")")
                + "; COUNT refresh tokens rotate and each one works only once, so the connection to COUNT is lost."
                + (alreadyRejected ? " (COUNT already rejected this refresh token; it was not sent again.)" : "")
                + " Authorise the application again (OAuth authorization code flow) and give the component the new"
                + " token pair. The token store takes precedence over the configuration: if the store already holds a"
                + " pair for '" + grantKey + "', save the new pair there (or remove that entry and restart the application).";
    }
}
