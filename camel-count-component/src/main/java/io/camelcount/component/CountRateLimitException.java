package io.camelcount.component;

/**
 * COUNT answered 429 and retrying did not help: the client ID's requests per minute are used up.
 */
public class CountRateLimitException extends CountApiException {

    public CountRateLimitException(String operation, int statusCode, String code, String countMessage, String requestId,
            String responseBody) {
        super(operation, statusCode, code, countMessage, requestId, responseBody);
    }
}
