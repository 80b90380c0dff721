package io.camelcount.mock.auth;

/**
 * A grant or refresh that COUNT refuses: a bad authorization code (400 {@code invalid_grant}) or a
 * used, unknown or expired refresh token (403 {@code invalid_refresh_token}). The message says how to
 * recover and never contains the code or token.
 */
public final class TokenRefusal extends RuntimeException {

    private final int status;
    private final String code;

    private TokenRefusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static TokenRefusal invalidCode() {
        return new TokenRefusal(400, "invalid_grant", "Invalid authorization code: it is unknown, was issued to another"
                + " client, has expired (codes last " + Tokens.CODE_LIFETIME.toMinutes() + " minutes) or was already"
                + " used (codes are one-time). Send the user through /auth2/authorize-intiate again.");
    }

    static TokenRefusal invalidRefreshToken() {
        return new TokenRefusal(403, "invalid_refresh_token", "Invalid refresh token: it is unknown, was issued to"
                + " another client, has expired, or was already used (each refresh returns a new refresh token and the"
                + " old one stops working). The user must authorise the app again through /auth2/authorize-intiate.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
