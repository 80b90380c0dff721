package io.camelcount.component;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's Micrometer meters in the application's MeterRegistry (bound as camel-micrometer binds it), against
 * the mock COUNT: a timer per operation and outcome, and counters for 429s, retries and token refreshes, and the
 * limiter's waits.
 */
class CountMetersTest extends FreshTokensTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind(CountMeters.REGISTRY_NAME, meters);
        return context;
    }

    @Test
    void callsRetriesRateLimitsRefreshesAndWaitsAreMetered() {
        String uuid = createDraft().getUuid();
        admin("POST", "/faults", "{\"method\":\"GET\",\"path\":\"/partners/invoices/[^/]+\",\"kind\":\"rateLimit\","
                                 + "\"retryAfterSeconds\":0,\"times\":1}");
        assertThat(call("count:invoices?operation=get", null, uuid).getException()).as("after one 429").isNull();
        assertThat(call("count:invoices?operation=get", null, UNKNOWN_UUID).getException())
                .isInstanceOf(CountNotFoundException.class);
        admin("POST", "/tokens/expire", "{\"clientId\":\"demo-client\"}");
        assertThat(call("count:invoices?operation=get", null, uuid).getException()).as("after a refresh").isNull();

        assertThat(meters.get("count.requests").tags("operation", "invoices/create", "outcome", "success").timer()
                .count()).isEqualTo(1);
        assertThat(meters.get("count.requests").tags("operation", "invoices/get", "outcome", "success").timer()
                .count()).isEqualTo(2);
        assertThat(meters.get("count.requests").tags("operation", "invoices/get", "outcome", "404").timer()
                .count()).isEqualTo(1);
        assertThat(meters.get("count.rate.limited").tags("operation", "invoices/get").counter().count()).isEqualTo(1);
        assertThat(meters.get("count.retries").tags("operation", "invoices/get", "reason", "429").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("count.token.refreshes").tags("outcome", "success").counter().count()).isEqualTo(1);
        assertThat(meters.get("count.limiter.wait").timer().count()).as("one permit per request COUNT received")
                .isEqualTo(requestsTo("POST", "/partners") + requestsTo("GET", "/partners"));
    }
}
