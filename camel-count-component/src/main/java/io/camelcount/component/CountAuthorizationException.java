package io.camelcount.component;

/**
 * COUNT answered 403: the refresh token is no longer valid or the workspace is not authorised; the user must authorise the application again.
 */
public class CountAuthorizationException extends CountApiException {

    public CountAuthorizationException(String operation, int statusCode, String code, String countMessage, String requestId,
            String responseBody) {
        super(operation, statusCode, code, countMessage, requestId, responseBody);
    }
}
