package io.camelcount.component;

import java.time.Duration;
import java.time.Instant;

import io.camelcount.component.auth.InMemoryTokenStore;
import io.camelcount.component.auth.ReauthorizationRequiredException;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.MockClock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producers' health check against the mock COUNT: it tells the token state and the limiter's use from what the
 * connection holds, and goes DOWN (readiness only) once COUNT rejected the refresh token, without a request of its own.
 */
class CountHealthCheckTest extends MockCountTestSupport {

    private static final String GET = "count:invoices?operation=get";
    /** Named after the endpoint's URI as Camel normalises it, without secrets. */
    private static final String CHECK_ID = "producer:count-count://invoices?operation=get";

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().rateLimit(0).clock(MockClock.fixed(Instant.parse("2026-11-24T09:00:00Z"))));
    }

    @BeforeEach
    void freshTokensAndProducerChecks() {
        mock.reset();
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
    }

    /** The mock forgets rotated tokens on reset, so each test starts with a store of its own; a limit to report. */
    @Override
    CountComponent demoComponent() {
        CountComponent count = super.demoComponent();
        count.getConfiguration().setTokenStore(new InMemoryTokenStore());
        count.getConfiguration().setRateLimit(10);
        return count;
    }

    @Test
    void upWithTheTokenStateAndTheLimitersUse() {
        String uuid = createDraft().getUuid();
        assertThat(call(GET, null, uuid).getException()).isNull();

        HealthCheck.Result result = countCheckWithoutRequests();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails())
                .containsEntry("token.state", "VALID")
                .containsEntry("limiter", "10 requests per PT1M")
                .containsEntry("limiter.in.use", 2)
                .containsEntry("calls", 2L)
                .containsEntry("connection", mock.baseUrl().toLowerCase() + "#demo-client");
    }

    @Test
    void upAndExpiringWhenTheAccessTokenIsWithinTheRefreshMargin() {
        String uuid = createDraft().getUuid();
        admin("POST", "/tokens/expire", "{\"clientId\":\"demo-client\"}");
        assertThat(call(GET, null, uuid).getException()).as("refreshed").isNull();
        HealthCheck.Result refreshed = countCheckWithoutRequests();
        assertThat(refreshed.getDetails()).containsEntry("token.state", "VALID");
        Instant expiry = Instant.parse((String) refreshed.getDetails().get("token.access.expires.at"));

        // 30 s before the expiry: within the component's default refresh margin of 60 s
        mock.clock().advance(Duration.between(mock.clock().instant(), expiry).minusSeconds(30));
        HealthCheck.Result expiring = countCheckWithoutRequests();

        assertThat(expiring.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(expiring.getDetails()).containsEntry("token.state", "EXPIRING");
    }

    @Test
    void readinessIsDownWithTheFixOnceCountRejectsTheRefreshToken() throws Exception {
        rotateTheConfiguredRefreshTokenElsewhere();
        admin("POST", "/tokens/expire", "{\"clientId\":\"demo-client\"}");
        Exchange refused = call(GET, null, UNKNOWN_UUID);
        assertThat(refused.getException()).isInstanceOf(ReauthorizationRequiredException.class);

        HealthCheck.Result result = countCheckWithoutRequests();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("token.state", "REAUTHORIZATION_REQUIRED");
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("Authorise the application again")
                .doesNotContain("demo-refresh-token", "demo-access-token", "demo-secret"));
        assertThat(HealthCheckHelper.invokeReadiness(context)).as("readiness lists the checks that are DOWN")
                .anyMatch(down -> down.getCheck().getId().equals(CHECK_ID) && down.getState() == HealthCheck.State.DOWN);
        assertThat(HealthCheckHelper.invokeLiveness(context))
                .as("liveness: restarting would not bring the authorisation back")
                .noneMatch(check -> check.getCheck().getId().startsWith("producer:count-"));
    }

    /** Another process used the configured refresh token: COUNT rotated it away, and rejects it from now on. */
    private void rotateTheConfiguredRefreshTokenElsewhere() throws Exception {
        try (CamelContext elsewhere = new DefaultCamelContext()) {
            elsewhere.addComponent("count", demoComponent());
            elsewhere.start();
            admin("POST", "/tokens/expire", "{\"clientId\":\"demo-client\"}");
            Exchange rotated = elsewhere.createProducerTemplate().request(GET + "&uuid=" + UNKNOWN_UUID, exchange -> { });
            assertThat(rotated.getException()).as("refreshed, then not found").isInstanceOf(CountNotFoundException.class);
        }
    }

    /**
     * The count: {@link #GET} producer's check, asserting through the mock's journal that it sent nothing. Called
     * directly: Camel's readiness lists a check that is UP only at the full exposure level.
     */
    private HealthCheck.Result countCheckWithoutRequests() {
        HealthCheck check = HealthCheckHelper.getHealthCheckRepository(context, "producers").getCheck(CHECK_ID)
                .orElseThrow(() -> new AssertionError("no check " + CHECK_ID));
        int before = journal().size();
        HealthCheck.Result result = check.call();
        assertThat(journal().size()).as("requests the check sent to COUNT").isEqualTo(before);
        return result;
    }
}
