package io.camelcount.mock.domain;

/**
 * A request the COUNT business rules refuse. It carries the status COUNT answers with, so that the
 * API layer translates it without a table of its own; {@code field} names the offending input when
 * there is one.
 */
public final class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    private DomainException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static DomainException validation(String field, String message) {
        return new DomainException(400, "validation_failed", message, field);
    }

    /** A business rule or lifecycle state that forbids the operation (400). */
    public static DomainException rule(String code, String message) {
        return new DomainException(400, code, message, null);
    }

    public static DomainException ruleOnField(String code, String field, String message) {
        return new DomainException(400, code, message, field);
    }

    public static DomainException notFound(String field, String message) {
        return new DomainException(404, "not_found", message, field);
    }

    /** A request or an uploaded file above the mock's size limit (413). */
    public static DomainException tooLarge(String field, String message) {
        return new DomainException(413, "payload_too_large", message, field);
    }

    public static DomainException conflict(String code, String field, String message) {
        return new DomainException(409, code, message, field);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }
}
