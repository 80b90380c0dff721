package io.camelcount.component.http;

import java.io.IOException;

/**
 * One attempt failed at the network level. {@link #mayHaveReachedCount()} tells whether COUNT may have
 * received and acted on the request, which decides whether repeating it is safe.
 */
final class CountConnectionException extends Exception {

    private final boolean mayHaveReachedCount;

    CountConnectionException(IOException cause, boolean mayHaveReachedCount) {
        super(cause.toString(), cause);
        this.mayHaveReachedCount = mayHaveReachedCount;
    }

    boolean mayHaveReachedCount() {
        return mayHaveReachedCount;
    }
}
