package io.camelcount.component.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.CountApiException;
import io.camelcount.component.CountException;
import io.camelcount.component.CountRateLimitException;
import io.camelcount.component.CountUnknownOutcomeException;
import io.camelcount.component.api.CountOperation;
import io.camelcount.component.api.CountOperation.RetryPolicy;
import io.camelcount.component.auth.AccessTokenSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes calls to COUNT, each as many attempts as it takes: a permit from the client ID's rate limiter for
 * every attempt, a current access token (refreshed once on COUNT's "token expired" answer), and retries only
 * where the operation table says repeating cannot change anything twice. One attempt on the wire is
 * {@link CountHttpClient}'s; what a call is about (which resource, which fields) is the caller's.
 */
public final class CountCalls {

    private static final Logger LOG = LoggerFactory.getLogger(CountCalls.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final CountHttpClient http;
    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final AccessTokenSource tokens;
    /** Refreshes through this session's own HTTP client: the token source may outlive the client it was made with. */
    private final RefreshTokenCall refresher;
    private final RateLimiter limiter;
    private final RetrySettings retries;
    private final RateLimiter.Sleeper sleeper;
    private final CallListener listener;

    /** @param listener told how each call went (see {@link CallListener}) */
    public CountCalls(CountHttpClient http, String baseUrl, String clientId, String clientSecret, AccessTokenSource tokens,
                      RateLimiter limiter, RetrySettings retries, RateLimiter.Sleeper sleeper, CallListener listener) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokens = tokens;
        this.refresher = new RefreshTokenCall(http, baseUrl, clientId, clientSecret, limiter, listener);
        this.limiter = limiter;
        this.retries = retries;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    /**
     * @param maxRetries     how often a call is repeated after a 429, a 5xx or a lost connection
     * @param initialBackoff the pause before the first repeat after a 5xx or a lost connection; doubles each time
     * @param maxRetryAfter  the longest COUNT's {@code Retry-After} is honoured; longer asks are cut to this
     */
    public record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxRetryAfter) {
    }

    /** A call of an operation without a natural key: one whose outcome, once lost, cannot be looked up. */
    public CountResponse call(CountOperation operation, CountRequest request) {
        if (operation.naturalKey() != null) {
            throw new IllegalArgumentException(operation + " has a natural key: call it with its lookup");
        }
        return timed(operation, request, null);
    }

    /**
     * A call of an operation with a natural key: when its outcome is unknown, {@code lookup} tells whether it
     * landed, and only a create that did not land is sent again.
     */
    public CountResponse call(CountOperation operation, CountRequest request, KeyLookup lookup) {
        if (operation.naturalKey() == null) {
            throw new IllegalArgumentException(operation + " has no natural key to look it up by");
        }
        return timed(operation, request, Objects.requireNonNull(lookup, "lookup"));
    }

    /** {@link #send}, telling the listener how long the call took and how it ended. */
    private CountResponse timed(CountOperation operation, CountRequest request, KeyLookup lookup) {
        long started = System.nanoTime();
        String outcome = CallListener.FAILED;
        try {
            CountResponse response = send(operation, request, lookup);
            outcome = CallListener.SUCCESS;
            return response;
        } catch (CountApiException refused) {
            outcome = Integer.toString(refused.getStatusCode());
            throw refused;
        } catch (CountUnknownOutcomeException unknown) {
            outcome = CallListener.UNKNOWN_OUTCOME;
            throw unknown;
        } finally {
            listener.called(operation.toString(), outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private CountResponse send(CountOperation operation, CountRequest request, KeyLookup lookup) {
        boolean refreshed = false;
        int retry = 0;
        while (true) {
            Attempt attempt;
            try {
                attempt = attempt(operation, request);
            } catch (CountConnectionException lost) {
                if (lost.mayHaveReachedCount() && operation.retry() != RetryPolicy.SAFE) {
                    return afterUnknownOutcome(operation, request, lookup, lost);
                }
                if (retry >= retries.maxRetries()) {
                    throw new CountException("Could not reach COUNT at " + baseUrl + " for " + request.operation()
                                             + " after " + (retry + 1) + " attempts: " + lost.getMessage(), lost.getCause());
                }
                listener.retried(operation.toString(), "connection");
                pause(backoff(retry++), request, lost.getMessage());
                continue;
            }
            HttpAnswer answer = attempt.answer();
            if (answer.isSuccess()) {
                return SuccessEnvelope.read(request, answer);
            }
            if (!refreshed && AccessTokenExpiry.isSignalledBy(answer)) {
                tokens.refreshAfterRejection(attempt.accessToken(), refresher);
                refreshed = true;
                continue;
            }
            if (answer.status() == 429 && retry < retries.maxRetries()) {
                listener.retried(operation.toString(), "429");
                pause(retryAfter(answer, retry++), request, "429 rate limited");
                continue;
            }
            if (answer.status() >= 500 && retry < retries.maxRetries()) {
                if (operation.retry() == RetryPolicy.LOOKUP_BY_NATURAL_KEY) {
                    return afterUnknownOutcome(operation, request, lookup, null);
                }
                if (operation.retry() == RetryPolicy.SAFE) {
                    listener.retried(operation.toString(), "server_error");
                    pause(backoff(retry++), request, "HTTP " + answer.status());
                    continue;
                }
            }
            CountApiException refusal = CountErrors.toException(request.operation(), answer.status(), answer.reason(),
                    answer.body(), answer.requestId());
            if (answer.status() == 429) {
                throw new CountRateLimitException(request.operation(), 429, refusal.getCode(),
                        "still rate limited after " + (retry + 1) + " attempts (" + refusal.getCountMessage()
                                                         + "); another process may be using the same client ID",
                        refusal.getRequestId(), refusal.getResponseBody());
            }
            throw refusal;
        }
    }

    /** One request as sent, with the access token it carried (COUNT may call that one expired). */
    private record Attempt(String accessToken, HttpAnswer answer) {
    }

    /** A permit, the current access token, and the request; the permit counts until the answer (see RateLimiter). */
    private Attempt attempt(CountOperation operation, CountRequest request) throws CountConnectionException {
        RateLimiter.Permit permit;
        try {
            permit = limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CountException("Interrupted while waiting for COUNT's rate limit", e);
        }
        listener.waitedForPermit(permit.waited());
        try {
            String accessToken = tokens.accessToken(refresher);
            HttpAnswer answer = http.execute(baseUrl, clientId, clientSecret, accessToken, request);
            listener.answered(operation.toString(), answer.status(), answer.requestId());
            return new Attempt(accessToken, answer);
        } finally {
            limiter.answered(permit);
        }
    }

    /**
     * The request may have landed. A create that carries its natural key is looked up: found means it landed;
     * not found means it is safe to send again. Anything else cannot be checked from here.
     */
    private CountResponse afterUnknownOutcome(CountOperation operation, CountRequest request, KeyLookup lookup,
                                              CountConnectionException lost) {
        CountOperation.NaturalKey naturalKey = operation.naturalKey();
        String key = naturalKey == null ? null : request.jsonField(naturalKey.field());
        String how = lost != null ? "the connection was lost after the request was sent (" + lost.getMessage() + ")"
                : "COUNT answered with a server error";
        if (key == null) {
            String advice = naturalKey != null
                    ? " Set " + naturalKey.field() + " on the request: the component then looks it up and retries only"
                      + " if it is not there."
                    : " Check in COUNT whether it happened before repeating " + request.operation() + ".";
            throw new CountUnknownOutcomeException("The outcome of " + request.operation() + " is unknown: " + how
                                                   + ", so COUNT may or may not have done it." + advice,
                    lost == null ? null : lost.getCause());
        }
        for (int attempt = 0; attempt <= retries.maxRetries(); attempt++) {
            JsonNode landed = lookup.find(request);
            if (landed != null) {
                LOG.info("{}: the first attempt did land; {} {} found", request.operation(), naturalKey.field(), key);
                return new CountResponse(200, null, landed, List.of());
            }
            LOG.info("{}: {} {} is not in COUNT; sending the create again", request.operation(), naturalKey.field(),
                    key);
            listener.retried(operation.toString(), "lookup");
            try {
                HttpAnswer answer = attempt(operation, request).answer();
                if (answer.isSuccess()) {
                    return SuccessEnvelope.read(request, answer);
                }
                if (answer.status() < 500) {
                    throw CountErrors.toException(request.operation(), answer.status(), answer.reason(), answer.body(),
                            answer.requestId());
                }
            } catch (CountConnectionException again) {
                LOG.info("{}: connection lost again ({})", request.operation(), again.getMessage());
            }
            pause(backoff(attempt), request, "unknown outcome");
        }
        throw new CountUnknownOutcomeException("The outcome of " + request.operation() + " for " + naturalKey.field()
                                               + " " + key + " is unknown after " + (retries.maxRetries() + 1)
                                               + " lookups and attempts; check COUNT for it before sending it again",
                lost == null ? null : lost.getCause());
    }

    private Duration backoff(int retry) {
        Duration pause = retries.initialBackoff().multipliedBy(1L << Math.min(retry, 16));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }

    /** COUNT's Retry-After in seconds when it sent one (capped); our own backoff when it did not. */
    private Duration retryAfter(HttpAnswer answer, int retry) {
        if (answer.retryAfter() != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(answer.retryAfter().strip()));
                return asked.compareTo(retries.maxRetryAfter()) > 0 ? retries.maxRetryAfter() : asked;
            } catch (NumberFormatException notSeconds) {
                LOG.debug("Retry-After '{}' is not in seconds; using the backoff", answer.retryAfter());
            }
        }
        return backoff(retry);
    }

    private void pause(Duration pause, CountRequest request, String why) {
        LOG.info("{}: {}; trying again in {} ms", request.operation(), why, pause.toMillis());
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CountException("Interrupted while waiting to retry " + request.operation(), e);
        }
    }
}
