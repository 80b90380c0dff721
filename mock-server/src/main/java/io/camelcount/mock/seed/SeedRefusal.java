package io.camelcount.mock.seed;

import io.camelcount.mock.domain.RefusalKind;

/**
 * A seed the mock cannot apply: malformed ({@link RefusalKind#VALIDATION}) or clashing with what the mock
 * already holds ({@link RefusalKind#CONFLICT}). The
 * message starts with where in the seed the problem is, e.g. {@code workspaces[0].invoices[2].date}.
 */
public final class SeedRefusal extends RuntimeException {

    private final RefusalKind kind;
    private final String code;

    private SeedRefusal(RefusalKind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    /** @param field where in the seed, e.g. {@code workspaces[0].invoices[2].date} */
    public static SeedRefusal invalid(String field, String message) {
        return new SeedRefusal(RefusalKind.VALIDATION, "validation_failed", field + ": " + message);
    }

    public static SeedRefusal conflict(String field, String message) {
        return new SeedRefusal(RefusalKind.CONFLICT, "seed_conflict", field + ": " + message);
    }

    public RefusalKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
