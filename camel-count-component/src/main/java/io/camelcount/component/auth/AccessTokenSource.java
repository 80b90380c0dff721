package io.camelcount.component.auth;

/**
 * Where a session gets the bearer token for each call, and a new one when COUNT says it expired.
 */
public interface AccessTokenSource {

    /** The access token to use now. */
    String accessToken();

    /**
     * COUNT answered "token expired" to a call made with {@code rejectedAccessToken}.
     *
     * @return the access token to repeat the call with
     */
    String refreshAfterRejection(String rejectedAccessToken);
}
