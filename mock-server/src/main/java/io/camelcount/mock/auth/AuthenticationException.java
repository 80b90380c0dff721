package io.camelcount.mock.auth;

/**
 * A request that fails COUNT's authentication (401). The message tells the partner what to fix and
 * must never contain a secret, a token or a signature.
 */
public final class AuthenticationException extends RuntimeException {

    public static final String TOKEN_EXPIRED = "token_expired";

    private final String code;

    AuthenticationException(String code, String message) {
        super(message);
        this.code = code;
    }

    static AuthenticationException tokenExpired() {
        return new AuthenticationException(TOKEN_EXPIRED, "The access token expired");
    }

    public String code() {
        return code;
    }
}
