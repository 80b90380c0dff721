package io.camelcount.mock.api;

import io.camelcount.mock.domain.RefusalKind;

/** The HTTP status COUNT answers each kind of refusal with (contract §2): the one place the domain's refusals meet HTTP. */
public final class Refusals {

    private Refusals() {
    }

    public static int status(RefusalKind kind) {
        return switch (kind) {
            case VALIDATION, RULE -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
        };
    }
}
