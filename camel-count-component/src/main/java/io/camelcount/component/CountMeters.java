package io.camelcount.component;

import java.time.Duration;

import io.camelcount.component.http.CallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * The component's Micrometer meters, in the {@link MeterRegistry} the application keeps in the Camel registry (as
 * camel-micrometer finds it: named {@value #REGISTRY_NAME}, else the only one). Micrometer is an optional dependency:
 * only {@link CountComponent} refers to this class, and only once it has found Micrometer on the class path.
 * <ul>
 *     <li>{@code count.requests}: a timer per call, tagged {@code operation} and {@code outcome} ({@code success}, the
 *     status of COUNT's refusal such as {@code 404} or {@code 429}, {@code unknown_outcome}, {@code failed});</li>
 *     <li>{@code count.rate.limited}: COUNT's 429 answers, per attempt, tagged {@code operation};</li>
 *     <li>{@code count.retries}: attempts sent again, tagged {@code operation} and {@code reason};</li>
 *     <li>{@code count.token.refreshes}: token refreshes, tagged {@code outcome} ({@code success}, {@code rejected},
 *     {@code failed});</li>
 *     <li>{@code count.limiter.wait}: a timer of each permit's wait for the client ID's rate limit (zero waits too,
 *     so its count is the permits taken).</li>
 * </ul>
 */
final class CountMeters implements CallListener {

    /** The name camel-micrometer (and camel-micrometer-prometheus) binds its registry under. */
    static final String REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;

    private CountMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters in {@code context}'s MeterRegistry, or {@link CallListener#NONE} if it has none. */
    static CallListener in(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        return registry == null ? CallListener.NONE : new CountMeters(registry);
    }

    @Override
    public void called(String operation, String outcome, Duration took) {
        Timer.builder("count.requests")
                .description("Calls to COUNT, each with all its attempts, by operation and outcome")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry)
                .record(took);
    }

    @Override
    public void answered(String operation, int status, String requestId) {
        if (status == 429) {
            Counter.builder("count.rate.limited")
                    .description("COUNT's 429 (rate limited) answers, each attempt's")
                    .tag("operation", operation)
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void retried(String operation, String reason) {
        Counter.builder("count.retries")
                .description("Attempts sent to COUNT again, by operation and reason")
                .tag("operation", operation)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void refreshed(String outcome) {
        Counter.builder("count.token.refreshes")
                .description("Access token refreshes, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    @Override
    public void waitedForPermit(Duration waited) {
        Timer.builder("count.limiter.wait")
                .description("Each request's wait for a permit of the client ID's rate limit")
                .register(registry)
                .record(waited);
    }
}
