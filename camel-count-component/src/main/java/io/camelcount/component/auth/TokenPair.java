package io.camelcount.component.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One OAuth token pair issued by COUNT: the access token that authorises data calls and the refresh token that
 * obtains the next pair.
 * <p>
 * COUNT's refresh tokens <b>rotate</b>: every refresh returns a new pair and the old refresh token stops working at
 * once. A pair is therefore only as good as the place it is stored; see {@link TokenStore} and {@link TokenManager}.
 * <p>
 * {@link #toString()} never prints either token, so a pair may be logged safely. {@code equals} and
 * {@code hashCode} are the record's: they compare all four components.
 *
 * @param accessToken           the bearer token for data calls; {@code null} means "none yet": the first use refreshes
 * @param refreshToken          the single-use token that obtains the next pair; required
 * @param accessTokenExpiresAt  when the access token expires; {@code null} when unknown (then it is only refreshed
 *                              after COUNT rejects it)
 * @param refreshTokenExpiresAt when the refresh token expires; {@code null} when unknown
 */
public record TokenPair(String accessToken, String refreshToken, Instant accessTokenExpiresAt,
                        Instant refreshTokenExpiresAt) {

    public TokenPair {
        if (accessToken != null && accessToken.isBlank()) {
            throw new IllegalArgumentException("The access token of a token pair must not be blank (use null for none)");
        }
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("A token pair needs a refresh token");
        }
    }

    /** A pair whose expiry instants are unknown. */
    public TokenPair(String accessToken, String refreshToken) {
        this(accessToken, refreshToken, null, null);
    }

    /** Whether both tokens are the same as {@code other}'s, ignoring the expiry instants. */
    public boolean sameTokensAs(TokenPair other) {
        return other != null && Objects.equals(accessToken, other.accessToken) && refreshToken.equals(other.refreshToken);
    }

    /** Never prints the tokens: only whether there is an access token and the expiry instants. */
    @Override
    public String toString() {
        return "TokenPair[accessToken=" + (accessToken == null ? "none" : "******")
                + ", refreshToken=******"
                + ", accessTokenExpiresAt=" + (accessTokenExpiresAt == null ? "unknown" : accessTokenExpiresAt)
                + ", refreshTokenExpiresAt=" + (refreshTokenExpiresAt == null ? "unknown" : refreshTokenExpiresAt) + "]";
    }
}
