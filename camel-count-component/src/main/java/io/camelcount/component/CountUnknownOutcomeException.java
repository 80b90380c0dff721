package io.camelcount.component;

/**
 * The request reached COUNT but its answer was lost, and repeating it could do the change twice (a
 * second invoice, a second email, a credit applied twice). Check COUNT before repeating it.
 */
public class CountUnknownOutcomeException extends CountException {

    public CountUnknownOutcomeException(String message, Throwable cause) {
        super(message, cause);
    }
}
