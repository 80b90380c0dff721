package io.camelcount.component.login;

import io.camelcount.component.CountException;

/**
 * The authorisation-code flow ended without tokens. The message says what happened and what to do; it never carries
 * the code or a token. The subclasses are the failures a user can cause and fix.
 */
public class LoginFailedException extends CountException {

    public LoginFailedException(String message) {
        super(message);
    }

    public LoginFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
