package io.camelcount.component;

/**
 * COUNT answered 401: the client ID, the signature or the access token was not accepted.
 */
public class CountAuthenticationException extends CountApiException {

    public CountAuthenticationException(String operation, int statusCode, String code, String countMessage, String requestId,
            String responseBody) {
        super(operation, statusCode, code, countMessage, requestId, responseBody);
    }
}
