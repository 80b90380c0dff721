package io.camelcount.mock.auth;

import java.time.Duration;
import java.util.Objects;

/** How long the tokens COUNT issues stay valid, measured on the mock's clock. */
public record TokenLifetimes(Duration accessToken, Duration refreshToken) {

    public static final TokenLifetimes DEFAULT = new TokenLifetimes(Duration.ofHours(1), Duration.ofDays(30));

    public TokenLifetimes {
        requirePositive(accessToken, "accessToken");
        requirePositive(refreshToken, "refreshToken");
    }

    public TokenLifetimes withAccessToken(Duration lifetime) {
        return new TokenLifetimes(lifetime, refreshToken);
    }

    public TokenLifetimes withRefreshToken(Duration lifetime) {
        return new TokenLifetimes(accessToken, lifetime);
    }

    private static void requirePositive(Duration lifetime, String name) {
        Objects.requireNonNull(lifetime, name);
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException(name + " lifetime must be positive, got " + lifetime);
        }
    }
}
