package io.camelcount.component.login;

import io.camelcount.component.CountApiException;

/**
 * COUNT refused to exchange the authorisation code ({@code invalid_grant}): it was already used (codes are
 * one-time), has expired (they last minutes), or was issued to another client ID. COUNT's answer is the cause.
 */
public final class CodeRejectedException extends LoginFailedException {

    private final CountApiException refusal;

    public CodeRejectedException(CountApiException refusal) {
        super("COUNT refused the authorisation code: it was already used, has expired or was issued to another client"
                + " ID (COUNT said: " + refusal.getCountMessage() + "). Codes are one-time and short-lived: start the"
                + " login again and exchange the new code once, at once, with the same client ID.", refusal);
        this.refusal = refusal;
    }

    /** COUNT's answer: status, code, message and request ID. */
    public CountApiException getRefusal() {
        return refusal;
    }
}
