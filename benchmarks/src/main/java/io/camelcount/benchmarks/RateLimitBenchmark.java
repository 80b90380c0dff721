package io.camelcount.benchmarks;

import java.time.Duration;
import java.util.List;

import io.camelcount.mock.CountMockServer;
import org.apache.camel.CamelContext;

/**
 * Issue #7, figure 3: how much of COUNT's rate limit the component uses without ever being refused. Four routes
 * share one client ID; four threads, one per route, create invoices as fast as the component lets them, against the
 * mock enforcing the same limit L per rolling window. Retries are off, so every 429 the mock answers surfaces here.
 * Targets: zero 429 in the whole run, and creates per window at least 95 % of L once warm (the first windows,
 * while the JVM warms up, count for 429s only). The anchor is L itself.
 * <p>
 * Arguments (optional): L, the window in milliseconds, warm-up windows, measured windows. Default 20 per 2000 ms,
 * 2 + 8 windows: a short window is the hard case, since any delay between the component's permit and the request's
 * arrival at the mock is larger relative to it.
 */
public final class RateLimitBenchmark {

    static final int ROUTES = 4;
    static final double TARGET = 0.95;

    private RateLimitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        LimitedDemand.Plan plan = LimitedDemand.Plan.of(args);
        int limit = plan.limit();
        Duration window = plan.window();
        System.out.printf("Rate limit: %d routes, one client ID, %s%n", ROUTES, plan);

        try (CountMockServer mock = plan.mock()) {
            CamelContext camel = CountCamel.start(mock.baseUrl(), limit, window.toMillis(),
                    LimitedDemand.salesRoutes(ROUTES));
            LimitedDemand demand = LimitedDemand.drive(List.of(camel), ROUTES, plan);
            double achieved = demand.report(mock.demoWorkspace().invoices().size());

            FiguresTable table = new FiguresTable("Rate limit");
            table.row("429 answers from the mock", Integer.toString(demand.refusals()), "0", "-", "= 0",
                    demand.refusals() == 0 ? "PASS" : "MISS");
            table.ratio(String.format("creates per %d ms window, %d routes, warm", window.toMillis(), ROUTES),
                    String.format("%.1f", achieved), "L = " + limit, achieved / limit, TARGET);
            table.print();
        }
    }
}
