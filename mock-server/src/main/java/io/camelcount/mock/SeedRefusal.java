package io.camelcount.mock;

/**
 * A seed the mock cannot apply: malformed (400) or clashing with what the mock already holds (409). The
 * message starts with where in the seed the problem is, e.g. {@code workspaces[0].invoices[2].date}.
 */
public final class SeedRefusal extends RuntimeException {

    private final int status;
    private final String code;

    private SeedRefusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** @param field where in the seed, e.g. {@code workspaces[0].invoices[2].date} */
    public static SeedRefusal invalid(String field, String message) {
        return new SeedRefusal(400, "validation_failed", field + ": " + message);
    }

    public static SeedRefusal conflict(String field, String message) {
        return new SeedRefusal(409, "seed_conflict", field + ": " + message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
