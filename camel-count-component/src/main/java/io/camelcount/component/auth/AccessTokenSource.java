package io.camelcount.component.auth;

/**
 * Where a session gets the bearer token for each call, and a new one when COUNT says it expired. A refresh goes
 * through the {@link TokenRefresher} the caller passes, never one the source keeps: one source serves every holder of a
 * grant, Camel contexts included, and only the caller knows that its HTTP client is still open.
 */
public interface AccessTokenSource {

    /** The access token to use now; {@code refresher} renews it if it is due. */
    String accessToken(TokenRefresher refresher);

    /**
     * COUNT answered "token expired" to a call made with {@code rejectedAccessToken}.
     *
     * @param refresher renews the token through the caller's connection
     * @return the access token to repeat the call with
     */
    String refreshAfterRejection(String rejectedAccessToken, TokenRefresher refresher);

    /** The state of the tokens as far as is known without asking COUNT or the token store. */
    TokenState tokenState();
}
