package io.camelcount.component.auth;

import java.io.IOException;

/**
 * Exchanges a refresh token for a new {@link TokenPair} at COUNT ({@code POST /partners/refresh-user-access-token}).
 * {@link TokenManager} calls it at most once at a time per grant, with its store lock held, and persists the
 * answer before anything uses it. Implementations must not retry a refresh whose answer may have been lost (a
 * timeout after sending): the refresh token may already be used up.
 */
@FunctionalInterface
public interface TokenRefresher {

    /**
     * @param refreshToken the current refresh token; single-use
     * @return the new pair COUNT issued, with its expiry instants where COUNT gave them; never {@code null}
     * @throws RefreshTokenRejectedException when COUNT answers 403 to the refresh token (used, expired or revoked):
     *                                       the user must authorise the application again
     * @throws IOException                   when COUNT could not be reached or its answer could not be read
     * @throws InterruptedException          when the calling thread was interrupted
     */
    TokenPair refresh(String refreshToken) throws RefreshTokenRejectedException, IOException, InterruptedException;
}
