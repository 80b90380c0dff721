package io.camelcount.component;

/**
 * A request COUNT refuses with 400 — a missing or malformed field, a business rule, or an action the
 * resource's lifecycle state does not allow ({@link #getCode()} says which) — or one the component
 * refused before sending because COUNT would.
 */
public class CountValidationException extends CountApiException {

    private final String field;

    public CountValidationException(String operation, int statusCode, String code, String countMessage, String requestId,
                                    String responseBody, String field) {
        super(operation, statusCode, code, countMessage, requestId, responseBody);
        this.field = field;
    }

    private CountValidationException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** A refusal decided before any HTTP call; nothing was sent to COUNT. */
    public static CountValidationException beforeSending(String operation, String field, String problem) {
        return new CountValidationException(operation + " was not sent to COUNT: " + problem, field);
    }

    /**
     * The body field or header at fault, for a refusal decided before sending; COUNT names the field in its
     * message only, so a refusal by COUNT has none here.
     */
    public String getField() {
        return field;
    }
}
