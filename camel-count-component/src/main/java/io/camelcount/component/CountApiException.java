package io.camelcount.component;

/**
 * COUNT refused a request, or a request was refused before it was sent because COUNT would refuse it.
 * Keep {@link #getRequestId()} for support tickets.
 */
public class CountApiException extends CountException {

    private final int statusCode;
    private final String code;
    private final String countMessage;
    private final String requestId;
    private final String responseBody;

    public CountApiException(String operation, int statusCode, String code, String countMessage, String requestId,
                             String responseBody) {
        super(describe(operation, statusCode, code, countMessage, requestId));
        this.statusCode = statusCode;
        this.code = code;
        this.countMessage = countMessage;
        this.requestId = requestId;
        this.responseBody = responseBody;
    }

    /** For refusals decided by the component itself, before any HTTP call. */
    protected CountApiException(String message) {
        super(message);
        this.statusCode = 0;
        this.code = null;
        this.countMessage = message;
        this.requestId = null;
        this.responseBody = null;
    }

    private static String describe(String operation, int statusCode, String code, String countMessage, String requestId) {
        StringBuilder text = new StringBuilder("COUNT refused ").append(operation).append(" (HTTP ").append(statusCode);
        if (code != null) {
            text.append(' ').append(code);
        }
        text.append("): ").append(countMessage == null || countMessage.isBlank() ? "no message given" : countMessage);
        if (requestId != null) {
            text.append(" [requestId ").append(requestId).append(']');
        }
        return text.toString();
    }

    /** The HTTP status COUNT answered with; 0 when the component refused the request before sending it. */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * COUNT's machine-readable error code, such as {@code invoice_not_approved}: its {@code errorCode}, {@code error},
     * {@code code} or {@code type}, the first present; {@code null} when COUNT sent none.
     */
    public String getCode() {
        return code;
    }

    /** COUNT's own explanation, without the component's decoration. */
    public String getCountMessage() {
        return countMessage;
    }

    public String getRequestId() {
        return requestId;
    }

    /** The raw error body as COUNT sent it, for diagnostics. */
    public String getResponseBody() {
        return responseBody;
    }

    public boolean wasSent() {
        return statusCode != 0;
    }
}
