package io.camelcount.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camelcount.mock.CountMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;

/**
 * Issue #16, figure 7: the rate limit shared through cluster mode's database. Figure 3's demand (four sales routes
 * on one client ID, retries off, above the limit L) runs twice against a fresh mock enforcing L: first from one
 * Camel context without a {@code dataSource} (the anchor), then spread over {@value #CONTEXTS} contexts whose
 * components share a PostgreSQL database (an embedded one) as their {@code dataSource}. Targets as figure 3's:
 * zero 429, and at least 95 % of L per warm window. It also prints the database round trips per COUNT call
 * (statements executed, commits and rollbacks, counted by a wrapper around the data source), which
 * {@code SharedRateWindow} puts at five.
 * <p>
 * The contexts are in one JVM, where the component's connection to COUNT is shared (as it is between contexts of
 * one JVM anyway), so every permit goes through the database, but the database's lock is not contended across JVMs
 * as in a real cluster ({@code ClusterOfJvmsTest} covers that for correctness).
 * <p>
 * Arguments (optional): as {@link RateLimitBenchmark}'s.
 */
public final class SharedRateLimitBenchmark {

    static final int CONTEXTS = 2;
    /** SharedRateWindow's design: four round trips to reserve a permit, one to report COUNT's answer. */
    static final int DESIGNED_ROUND_TRIPS = 5;

    private SharedRateLimitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        LimitedDemand.Plan plan = LimitedDemand.Plan.of(args);
        int limit = plan.limit();
        Duration window = plan.window();
        int routes = RateLimitBenchmark.ROUTES / CONTEXTS;
        System.out.printf("Shared rate limit: %d routes, one client ID, %s; one context, then %d contexts on one"
                          + " PostgreSQL%n", RateLimitBenchmark.ROUTES, plan, CONTEXTS);

        System.out.println("One context, no dataSource:");
        LimitedDemand alone;
        double aloneAchieved;
        try (CountMockServer mock = plan.mock()) {
            CamelContext camel = CountCamel.start(mock.baseUrl(), limit, window.toMillis(),
                    LimitedDemand.salesRoutes(RateLimitBenchmark.ROUTES));
            alone = LimitedDemand.drive(List.of(camel), RateLimitBenchmark.ROUTES, plan);
            aloneAchieved = alone.report(mock.demoWorkspace().invoices().size());
        }

        System.out.printf("%d contexts, one PostgreSQL as their dataSource:%n", CONTEXTS);
        LimitedDemand shared;
        double sharedAchieved;
        long roundTrips;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             CountMockServer mock = plan.mock()) {
            CountingDataSource database = new CountingDataSource(postgres.getPostgresDatabase());
            List<CamelContext> camels = new ArrayList<>();
            for (int context = 0; context < CONTEXTS; context++) {
                camels.add(CountCamel.start(mock.baseUrl(), limit, window.toMillis(), database.dataSource(),
                        LimitedDemand.salesRoutes(routes)));
            }
            // Creating the tables and recording the window at start are not the calls' round trips.
            long atStart = database.roundTrips();
            shared = LimitedDemand.drive(camels, routes, plan);
            roundTrips = database.roundTrips() - atStart;
            sharedAchieved = shared.report(mock.demoWorkspace().invoices().size());
        }
        double perCall = (double) roundTrips / shared.calls();
        System.out.printf("  database round trips: %d for %d COUNT calls%n", roundTrips, shared.calls());

        FiguresTable table = new FiguresTable("Shared rate limit");
        table.row(String.format("429 answers from the mock, %d contexts on one database", CONTEXTS),
                Integer.toString(shared.refusals()), alone.refusals() + " (one context)", "-", "= 0",
                shared.refusals() == 0 ? "PASS" : "MISS");
        table.ratio(String.format("creates per %d ms window, %d contexts on one database, warm", window.toMillis(),
                        CONTEXTS), String.format("%.1f", sharedAchieved), "L = " + limit, sharedAchieved / limit,
                RateLimitBenchmark.TARGET);
        table.ratio("same, against one context without a dataSource", String.format("%.1f", sharedAchieved),
                String.format("%.1f (one context)", aloneAchieved), sharedAchieved / aloneAchieved);
        table.ratio("database round trips per COUNT call", String.format("%.2f", perCall),
                "0 (one context); " + DESIGNED_ROUND_TRIPS + " by design", perCall / DESIGNED_ROUND_TRIPS);
        table.print();
    }
}
