package io.camelcount.component.auth;

import java.time.Instant;

/**
 * What a grant's tokens are good for now, as far as is known without asking COUNT: for the health check and the dev
 * console. Holds no token.
 *
 * @param status                what the next call will find
 * @param renewable             whether a refresh token renews the access token; {@code false} for a fixed one
 * @param accessTokenExpiresAt  {@code null} when unknown
 * @param refreshTokenExpiresAt {@code null} when unknown
 * @param refreshDueAt          when the access token is refreshed before use; {@code null} when unknown
 * @param fix                   with {@link Status#REAUTHORIZATION_REQUIRED}, what to do about it; else {@code null}
 */
public record TokenState(Status status, boolean renewable, Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt,
                         Instant refreshDueAt, String fix) {

    public enum Status {
        /** No call has used the grant yet, so its tokens are not loaded (the store is read on the first call). */
        NOT_LOADED,
        /** The access token is used as it is. */
        VALID,
        /** The access token is within the refresh margin of its expiry (or past it): the next call refreshes it. */
        EXPIRING,
        /** COUNT rejected the refresh token: no call succeeds until the user authorises the application again. */
        REAUTHORIZATION_REQUIRED
    }

    /** A grant not loaded yet. */
    static TokenState notLoaded() {
        return new TokenState(Status.NOT_LOADED, true, null, null, null, null);
    }
}
