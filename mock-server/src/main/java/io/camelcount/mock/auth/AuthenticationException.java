package io.camelcount.mock.auth;

/**
 * A request that fails COUNT's authentication (401). The message tells the partner what to fix and
 * must never contain a secret, a token or a signature.
 */
public final class AuthenticationException extends RuntimeException {

    private final String code;

    AuthenticationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
