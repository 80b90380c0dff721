package io.camelcount.component.auth;

import io.camelcount.component.CountException;

/**
 * A {@link TokenStore} could not read or write token pairs. The message names the store (for a file, its path) and
 * what to do; it never contains a token.
 */
public class TokenStoreException extends CountException {

    public TokenStoreException(String message) {
        super(message);
    }

    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
