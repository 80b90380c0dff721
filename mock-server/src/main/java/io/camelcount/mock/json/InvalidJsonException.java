package io.camelcount.mock.json;

/** The text is not JSON that {@code JSON.parse} would accept. */
public final class InvalidJsonException extends Exception {

    public InvalidJsonException(String reason) {
        super(reason);
    }
}
