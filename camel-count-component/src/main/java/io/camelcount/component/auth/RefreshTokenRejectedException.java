package io.camelcount.component.auth;

/**
 * Thrown by a {@link TokenRefresher} when COUNT refuses the refresh token itself: it answered 403 (usually
 * {@code Invalid refresh token}) because the token was already used, expired or revoked. {@link TokenManager} turns
 * it into a {@link ReauthorizationRequiredException}.
 * <p>
 * Do not throw it for other failures (network errors, 5xx, a bad signature): those leave the refresh token valid.
 * Never put a token in the message or in the details.
 */
public class RefreshTokenRejectedException extends Exception {

    private final int statusCode;
    private final String code;
    private final String countMessage;
    private final String requestId;
    private final String responseBody;

    /**
     * @param statusCode   the HTTP status COUNT answered, normally 403
     * @param code         COUNT's machine-readable error code, may be {@code null}
     * @param countMessage COUNT's message, such as {@code Invalid refresh token}, may be {@code null}
     * @param requestId    COUNT's request ID for support tickets, may be {@code null}
     * @param responseBody the raw error body, for diagnostics, may be {@code null}
     */
    public RefreshTokenRejectedException(int statusCode, String code, String countMessage, String requestId,
                                         String responseBody) {
        super("COUNT rejected the refresh token (HTTP " + statusCode + (code == null ? "" : " " + code) + "): "
                + (countMessage == null || countMessage.isBlank() ? "no message given" : countMessage)
                + (requestId == null ? "" : " [requestId " + requestId + "]"));
        this.statusCode = statusCode;
        this.code = code;
        this.countMessage = countMessage;
        this.requestId = requestId;
        this.responseBody = responseBody;
    }

    public int getStatusCode() {
        return statusCode;
    }

    public String getCode() {
        return code;
    }

    public String getCountMessage() {
        return countMessage;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getResponseBody() {
        return responseBody;
    }
}
