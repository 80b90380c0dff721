package io.camelcount.component;

/**
 * COUNT answered 404: no such resource in the authorised workspace.
 */
public class CountNotFoundException extends CountApiException {

    public CountNotFoundException(String operation, int statusCode, String code, String countMessage, String requestId,
            String responseBody) {
        super(operation, statusCode, code, countMessage, requestId, responseBody);
    }
}
