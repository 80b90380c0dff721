package io.camelcount.component.http;

/**
 * What COUNT answered to one attempt, before it is read as success or error.
 *
 * @param retryAfter the {@code Retry-After} header, when COUNT sent one
 */
record HttpAnswer(int status, String reason, byte[] body, String requestId, String retryAfter) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
