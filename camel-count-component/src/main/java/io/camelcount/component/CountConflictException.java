package io.camelcount.component;

/**
 * COUNT answered 409: a duplicate (invoice number, email) or a legacy UUID that two records share.
 */
public class CountConflictException extends CountApiException {

    public CountConflictException(String operation, int statusCode, String code, String countMessage, String requestId,
            String responseBody) {
        super(operation, statusCode, code, countMessage, requestId, responseBody);
    }
}
