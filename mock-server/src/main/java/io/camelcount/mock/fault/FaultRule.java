package io.camelcount.mock.fault;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which requests a fault hits and what it answers.
 *
 * @param method            the HTTP method it hits, or null for any
 * @param path              a regular expression the whole URL path (without query) must match
 * @param status            the 5xx status of a {@link FaultKind#SERVER_ERROR}
 * @param retryAfterSeconds the {@code Retry-After} of a {@link FaultKind#RATE_LIMIT}
 * @param delayMillis       how long a {@link FaultKind#DELAY} holds the response back, in real time
 * @param probability       the chance that a matching request is hit, drawn from a random sequence
 *                          seeded with {@code seed} so that a run repeats
 * @param times             how many requests it hits before it is spent; null for no end
 */
public record FaultRule(String method, Pattern path, FaultKind kind, int status, long retryAfterSeconds,
                        long delayMillis, double probability, Integer times, long seed) {

    /** Delays use real time, so they stay short: a test waits for them in full. */
    public static final long MAX_DELAY_MILLIS = 30_000;

    public FaultRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        require(kind != FaultKind.SERVER_ERROR || (status >= 500 && status <= 599), "status",
                "status must be from 500 to 599 for a serverError fault, got " + status);
        require(kind != FaultKind.RATE_LIMIT || retryAfterSeconds >= 0, "retryAfterSeconds",
                "retryAfterSeconds must be 0 or more, got " + retryAfterSeconds);
        require(kind != FaultKind.DELAY || (delayMillis >= 1 && delayMillis <= MAX_DELAY_MILLIS), "delayMillis",
                "delayMillis must be from 1 to " + MAX_DELAY_MILLIS + ", got " + delayMillis);
        require(probability > 0 && probability <= 1, "probability",
                "probability must be above 0 and at most 1, got " + probability);
        require(times == null || times >= 1, "times", "times must be 1 or more, got " + times);
    }

    /** A rule that cannot be armed; {@link #field()} names the setting at fault. */
    public static final class InvalidFault extends IllegalArgumentException {

        private final String field;

        private InvalidFault(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static void require(boolean valid, String field, String message) {
        if (!valid) {
            throw new InvalidFault(field, message);
        }
    }

    boolean matches(String requestMethod, String urlPath) {
        return (method == null || method.equals(requestMethod)) && path.matcher(urlPath).matches();
    }
}
