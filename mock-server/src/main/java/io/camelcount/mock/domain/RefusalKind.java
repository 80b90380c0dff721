package io.camelcount.mock.domain;

/**
 * Why the domain refuses a request, in its own terms; the API layer decides what each kind is on the wire
 * (its HTTP status), so that the domain knows nothing of HTTP. The refusal's lower-snake code says which
 * rule it is.
 */
public enum RefusalKind {
    /** The input is malformed or missing. */
    VALIDATION,
    /** A business rule or lifecycle state forbids the operation. */
    RULE,
    /** The request names something the workspace does not hold. */
    NOT_FOUND,
    /** The request clashes with what the workspace already holds. */
    CONFLICT,
    /** A request or an uploaded file above the mock's size limit. */
    TOO_LARGE
}
