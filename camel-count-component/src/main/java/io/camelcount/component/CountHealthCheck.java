package io.camelcount.component;

import java.util.Map;

import io.camelcount.component.auth.TokenState;
import io.camelcount.component.http.RateLimiter;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * The readiness of a started producer: whether its connection's tokens still work, read from what the
 * connection holds, so the check never spends a request on COUNT (nor reads the token store). DOWN, with the fix as its
 * message, once COUNT rejected the refresh token: no call can succeed until the user authorises the application again.
 * UP otherwise, with the token state ({@code VALID}, or {@code EXPIRING} when the next call refreshes the access token)
 * and the rate limiter's use in its window (at the limit, calls wait; they do not fail) as details.
 * <p>
 * A readiness check only: a connection that needs a new authorisation is not fixed by restarting the application, so
 * liveness stays UP. Registered as Camel's components register theirs, in the {@code producers} repository, enabled
 * by the component's {@code healthCheckProducerEnabled}; Camel Main runs the producers' checks only with
 * {@code camel.health.producersEnabled = true}. (A polling consumer has Camel's own check, which goes DOWN when its
 * polls fail, as they do once the refresh token is rejected.)
 */
final class CountHealthCheck extends AbstractHealthCheck {

    private final CountConnections.Hold connection;
    private final WritableHealthCheckRepository repository;

    private CountHealthCheck(String id, CountConnections.Hold connection, WritableHealthCheckRepository repository) {
        super("camel", id);
        this.connection = connection;
        this.repository = repository;
    }

    /**
     * Registers the check of {@code endpoint}'s producer on {@code connection}; {@code null} when the Camel context has
     * no producers' repository (health checks are optional).
     */
    static CountHealthCheck register(CountEndpoint endpoint, CountConnections.Hold connection) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        // The URI without its secrets (clientSecret, accessToken, refreshToken are masked)
        String id = "producer:count-" + URISupport.sanitizeUri(endpoint.getEndpointUri());
        CountHealthCheck check = new CountHealthCheck(id, connection, repository);
        check.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
        repository.addHealthCheck(check);
        return check;
    }

    /** Takes the check out of its repository, as its producer stops. */
    void unregister() {
        repository.removeHealthCheck(this);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        TokenState tokens = connection.accessTokens().tokenState();
        RateLimiter limiter = connection.rateLimiter();
        builder.detail("connection", connection.connectionKey());
        builder.detail("token.state", tokens.status().name());
        builder.detail("token.renewable", tokens.renewable());
        if (tokens.accessTokenExpiresAt() != null) {
            builder.detail("token.access.expires.at", tokens.accessTokenExpiresAt().toString());
        }
        if (tokens.refreshTokenExpiresAt() != null) {
            builder.detail("token.refresh.expires.at", tokens.refreshTokenExpiresAt().toString());
        }
        builder.detail("limiter", limiter.describe());
        builder.detail("limiter.in.use", limiter.inUse());
        builder.detail("limiter.waited.ms", limiter.waited().toMillis());
        ConnectionActivity activity = connection.activity();
        builder.detail("calls", activity.calls());
        builder.detail("rate.limited", activity.rateLimited());
        if (tokens.status() == TokenState.Status.REAUTHORIZATION_REQUIRED) {
            builder.message(tokens.fix()).down();
        } else {
            builder.up();
        }
    }
}
