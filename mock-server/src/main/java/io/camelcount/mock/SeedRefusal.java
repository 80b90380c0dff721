package io.camelcount.mock;

/** A seed the mock cannot apply: malformed (400) or clashing with what the mock already holds (409). */
public final class SeedRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    private SeedRefusal(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** @param field where in the seed, e.g. {@code workspaces[0].invoices[2].date} */
    public static SeedRefusal invalid(String field, String message) {
        return new SeedRefusal(400, "VALIDATION_ERROR", field, field + ": " + message);
    }

    public static SeedRefusal conflict(String field, String message) {
        return new SeedRefusal(409, "SEED_CONFLICT", field, field + ": " + message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
