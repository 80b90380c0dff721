package io.camelcount.component;

import org.apache.camel.RuntimeCamelException;

/**
 * Everything the {@code count:} component throws. Messages never carry secrets.
 */
public class CountException extends RuntimeCamelException {

    public CountException(String message) {
        super(message);
    }

    public CountException(String message, Throwable cause) {
        super(message, cause);
    }
}
