package io.camelcount.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.camelcount.component.CountRateLimitException;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

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
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Duration window = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 2000);
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int windows = warmUp + measured;
        System.out.printf("Rate limit: %d routes, one client ID, L = %d per %d ms, %d warm-up + %d measured windows%n",
                ROUTES, limit, window.toMillis(), warmUp, measured);

        String body = new String(MockAnswers.CREATE_BODY, StandardCharsets.UTF_8);
        try (CountMockServer mock = CountMockServer.builder().port(0).rateLimit(limit).rateLimitWindow(window).start()) {
            CamelContext camel = CountCamel.start(mock.baseUrl(), limit, window.toMillis(), new RouteBuilder() {
                @Override
                public void configure() {
                    // The sender counts each failure; Camel's error log would only repeat them.
                    errorHandler(noErrorHandler());
                    for (int route = 1; route <= ROUTES; route++) {
                        from("direct:sales-" + route).routeId("sales-" + route)
                                .to("count:invoices?operation=create&maxRetries=0");
                    }
                }
            });
            ConcurrentLinkedQueue<Long> completions = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> refusals = new ConcurrentLinkedQueue<>();
            AtomicLong failed = new AtomicLong();
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            CountDownLatch go = new CountDownLatch(1);
            long[] start = new long[1];
            List<Thread> senders = new ArrayList<>();
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                for (int route = 1; route <= ROUTES; route++) {
                    String uri = "direct:sales-" + route;
                    Thread sender = new Thread(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long deadline = start[0] + window.toNanos() * windows;
                        while (System.nanoTime() < deadline) {
                            try {
                                template.requestBody(uri, body);
                                completions.add(System.nanoTime());
                            } catch (CamelExecutionException e) {
                                if (e.getCause() instanceof CountRateLimitException) {
                                    refusals.add(System.nanoTime());
                                } else {
                                    failed.incrementAndGet();
                                    firstFailure.compareAndSet(null, e.getCause());
                                }
                            }
                        }
                    }, "sales-" + route);
                    senders.add(sender);
                    sender.start();
                }
                start[0] = System.nanoTime();
                go.countDown();
                for (Thread sender : senders) {
                    sender.join();
                }
            } finally {
                camel.close();
            }

            long[] perWindow = new long[windows];
            long warm = 0;
            for (long done : completions) {
                int w = (int) ((done - start[0]) / window.toNanos());
                if (w < windows) {
                    perWindow[w]++;
                    warm += w >= warmUp ? 1 : 0;
                }
            }
            double achieved = (double) warm / measured;
            System.out.print("  creates completed per window (warm-up |measured):");
            for (int w = 0; w < windows; w++) {
                System.out.print((w == warmUp ? " |" : " ") + perWindow[w]);
            }
            System.out.printf("%n  creates in all: %d, invoices in the mock: %d%n", completions.size(),
                    mock.demoWorkspace().invoices().size());
            if (!refusals.isEmpty()) {
                // Where in its window each 429 fell: at the start of a window means the mock still counted a request
                // of the previous window that the component had already let go of.
                System.out.print("  429s, ms into their window:");
                refusals.stream().sorted().forEach(at ->
                        System.out.print(" " + ((at - start[0]) % window.toNanos()) / 1_000_000));
                System.out.println();
            }
            if (failed.get() > 0) {
                System.out.println("  other failures: " + failed.get() + ", first: " + firstFailure.get());
            }

            FiguresTable table = new FiguresTable("Rate limit");
            table.row("429 answers from the mock", Integer.toString(refusals.size()), "0", "-", "= 0",
                    refusals.isEmpty() ? "PASS" : "MISS");
            table.ratio(String.format("creates per %d ms window, %d routes, warm", window.toMillis(), ROUTES),
                    String.format("%.1f", achieved), "L = " + limit, achieved / limit, TARGET);
            table.print();
        }
    }
}
