package io.camelcount.mock.domain;

/**
 * A request the COUNT business rules refuse: its {@link RefusalKind} (which the API layer maps to a status),
 * its lower-snake code and, when there is one, the {@code field} that names the offending input.
 */
public final class DomainException extends RuntimeException {

    private final RefusalKind kind;
    private final String code;
    private final String field;

    private DomainException(RefusalKind kind, String code, String message, String field) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static DomainException validation(String field, String message) {
        return new DomainException(RefusalKind.VALIDATION, "validation_failed", message, field);
    }

    /** A business rule or lifecycle state that forbids the operation. */
    public static DomainException rule(String code, String message) {
        return new DomainException(RefusalKind.RULE, code, message, null);
    }

    public static DomainException ruleOnField(String code, String field, String message) {
        return new DomainException(RefusalKind.RULE, code, message, field);
    }

    public static DomainException notFound(String field, String message) {
        return new DomainException(RefusalKind.NOT_FOUND, "not_found", message, field);
    }

    /** A request or an uploaded file above the mock's size limit. */
    public static DomainException tooLarge(String field, String message) {
        return new DomainException(RefusalKind.TOO_LARGE, "payload_too_large", message, field);
    }

    public static DomainException conflict(String code, String field, String message) {
        return new DomainException(RefusalKind.CONFLICT, code, message, field);
    }

    public RefusalKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }
}
