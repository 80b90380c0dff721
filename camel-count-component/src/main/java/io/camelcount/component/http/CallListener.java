package io.camelcount.component.http;

import java.time.Duration;
import java.util.List;

/**
 * Told what happens to calls to COUNT as {@link CountCalls} and {@link RefreshTokenCall} make them: the connection's
 * {@code ConnectionActivity} (read by the health check and the dev console) and the component's Micrometer meters
 * listen. Listeners are called on the calling thread, so they only count; none is told a token, a secret or a
 * signature.
 */
public interface CallListener {

    /** The outcome of a call COUNT answered successfully. */
    String SUCCESS = "success";
    /** The outcome of a call whose request may or may not have landed ({@code CountUnknownOutcomeException}). */
    String UNKNOWN_OUTCOME = "unknown_outcome";
    /** The outcome of a call that failed without an answer from COUNT: unreachable, interrupted, a token store. */
    String FAILED = "failed";

    /** Listens to nothing. */
    CallListener NONE = new CallListener() {
    };

    /**
     * A call ended, after all its attempts.
     *
     * @param operation as users name it, such as {@code invoices/send}
     * @param outcome   {@link #SUCCESS}, COUNT's HTTP status of the refusal (such as {@code 404} or {@code 429}),
     *                  {@link #UNKNOWN_OUTCOME} or {@link #FAILED}
     * @param took      from the first permit asked for to the end, waits and retries included
     */
    default void called(String operation, String outcome, Duration took) {
    }

    /** COUNT answered one attempt (of a call or a token refresh) with {@code status} and its request ID, if any. */
    default void answered(String operation, int status, String requestId) {
    }

    /** A call is sent again, for {@code reason}: {@code 429}, {@code server_error}, {@code connection} or {@code lookup}. */
    default void retried(String operation, String reason) {
    }

    /** A token refresh ended: {@link #SUCCESS}, {@code rejected} (the user must authorise again) or {@link #FAILED}. */
    default void refreshed(String outcome) {
    }

    /** A caller waited {@code waited} (possibly zero) for its rate limiter permit. */
    default void waitedForPermit(Duration waited) {
    }

    /**
     * Tells each of {@code listeners} in turn. Listeners that listen to nothing are left out, and a single one is
     * returned as it is: listeners are told several times per call, on the calling thread.
     */
    static CallListener all(List<CallListener> listeners) {
        List<CallListener> each = listeners.stream().filter(listener -> listener != NONE).toList();
        if (each.isEmpty()) {
            return NONE;
        }
        if (each.size() == 1) {
            return each.get(0);
        }
        return new CallListener() {
            @Override
            public void called(String operation, String outcome, Duration took) {
                each.forEach(listener -> listener.called(operation, outcome, took));
            }

            @Override
            public void answered(String operation, int status, String requestId) {
                each.forEach(listener -> listener.answered(operation, status, requestId));
            }

            @Override
            public void retried(String operation, String reason) {
                each.forEach(listener -> listener.retried(operation, reason));
            }

            @Override
            public void refreshed(String outcome) {
                each.forEach(listener -> listener.refreshed(outcome));
            }

            @Override
            public void waitedForPermit(Duration waited) {
                each.forEach(listener -> listener.waitedForPermit(waited));
            }
        };
    }
}
