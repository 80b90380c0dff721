package io.camelcount.mock.store;

/** The data directory could not be written: the change stays in memory but is not confirmed to the client. */
public final class StateNotSavedException extends RuntimeException {

    StateNotSavedException(String message, Throwable cause) {
        super(message, cause);
    }
}
