package io.camelcount.mock.fault;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
    /** Far beyond COUNT's own 60-second window; a client told to wait longer is a client that gave up. */
    public static final long MAX_RETRY_AFTER_SECONDS = 3_600;
    /** More than any test sends; leave {@code times} out for a fault without end. */
    public static final int MAX_TIMES = 1_000_000;
    /** A path pattern is matched against every request, so it stays a pattern and not a program. */
    public static final int MAX_PATH_LENGTH = 1_000;
    private static final Set<String> METHODS = new TreeSet<>(Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"));

    public FaultRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        require(method == null || METHODS.contains(method), "method",
                "method must be one of " + String.join(", ", METHODS) + ", or left out for any, got " + method);
        require(path.pattern().length() <= MAX_PATH_LENGTH, "path",
                "path must be a regular expression of at most " + MAX_PATH_LENGTH + " characters");
        require(kind != FaultKind.SERVER_ERROR || (status >= 500 && status <= 599), "status",
                "status must be from 500 to 599 for a serverError fault, got " + status);
        require(kind != FaultKind.RATE_LIMIT || (retryAfterSeconds >= 0 && retryAfterSeconds <= MAX_RETRY_AFTER_SECONDS),
                "retryAfterSeconds", "retryAfterSeconds must be from 0 to " + MAX_RETRY_AFTER_SECONDS + " (an hour), got "
                        + retryAfterSeconds);
        require(kind != FaultKind.DELAY || (delayMillis >= 1 && delayMillis <= MAX_DELAY_MILLIS), "delayMillis",
                "delayMillis must be from 1 to " + MAX_DELAY_MILLIS + " (30 seconds of real time), got " + delayMillis);
        require(probability > 0 && probability <= 1, "probability",
                "probability must be above 0 and at most 1, got " + probability);
        require(times == null || (times >= 1 && times <= MAX_TIMES), "times",
                "times must be from 1 to " + MAX_TIMES + ", or left out for no end, got " + times);
    }

    /** A rule that cannot be armed; {@link #field()} names the setting at fault. */
    public static final class InvalidFault extends IllegalArgumentException {

        private final String field;

        InvalidFault(String field, String message) {
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
