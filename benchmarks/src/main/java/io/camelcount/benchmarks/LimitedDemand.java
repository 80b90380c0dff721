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
 * Demand above a rate limit: one thread per sales route creates invoices as fast as the component lets it, for a
 * number of windows, and the answers are counted per window. Retries are off, so every 429 surfaces here.
 */
final class LimitedDemand {

    private final ConcurrentLinkedQueue<Long> completions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> refusals = new ConcurrentLinkedQueue<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final Duration window;
    private final int warmUp;
    private final int windows;
    private long start;

    /**
     * The limit L per window that the mock enforces and the component keeps to, and the windows to run.
     *
     * @param warmUp   windows counted for 429s only, while the JVM warms up
     * @param measured windows whose creates are counted too
     */
    record Plan(int limit, Duration window, int warmUp, int measured) {

        /** From the benchmark's optional arguments: L, the window in milliseconds, warm-up and measured windows. */
        static Plan of(String[] args) {
            return new Plan(args.length > 0 ? Integer.parseInt(args[0]) : 20,
                    Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 2000),
                    args.length > 2 ? Integer.parseInt(args[2]) : 2,
                    args.length > 3 ? Integer.parseInt(args[3]) : 8);
        }

        /** A fresh mock COUNT enforcing L per window. */
        CountMockServer mock() {
            return CountMockServer.builder().port(0).rateLimit(limit).rateLimitWindow(window).start();
        }

        @Override
        public String toString() {
            return String.format("L = %d per %d ms, %d warm-up + %d measured windows", limit, window.toMillis(),
                    warmUp, measured);
        }
    }

    private LimitedDemand(Plan plan) {
        this.window = plan.window();
        this.warmUp = plan.warmUp();
        this.windows = plan.warmUp() + plan.measured();
    }

    /** Routes {@code direct:sales-1} to {@code direct:sales-<routes>}, each creating an invoice. */
    static RouteBuilder salesRoutes(int routes) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // The sender counts each failure; Camel's error log would only repeat them.
                errorHandler(noErrorHandler());
                for (int route = 1; route <= routes; route++) {
                    from("direct:sales-" + route).routeId("sales-" + route)
                            .to("count:invoices?operation=create&maxRetries=0");
                }
            }
        };
    }

    /**
     * Sends to every one of {@code routes} sales routes of every context, each from its own thread, from one start
     * for the plan's windows, then stops the contexts.
     */
    static LimitedDemand drive(List<CamelContext> camels, int routes, Plan plan) throws Exception {
        LimitedDemand demand = new LimitedDemand(plan);
        String body = new String(MockAnswers.CREATE_BODY, StandardCharsets.UTF_8);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        List<ProducerTemplate> templates = new ArrayList<>();
        try {
            for (CamelContext camel : camels) {
                ProducerTemplate template = camel.createProducerTemplate();
                templates.add(template);
                for (int route = 1; route <= routes; route++) {
                    String uri = "direct:sales-" + route;
                    Thread sender = new Thread(() -> demand.send(template, uri, body, go), camel.getName() + "-" + uri);
                    senders.add(sender);
                    sender.start();
                }
            }
            demand.start = System.nanoTime();
            go.countDown();
            for (Thread sender : senders) {
                sender.join();
            }
        } finally {
            for (ProducerTemplate template : templates) {
                template.close();
            }
            for (CamelContext camel : camels) {
                camel.close();
            }
        }
        return demand;
    }

    private void send(ProducerTemplate template, String uri, String body, CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            return;
        }
        long deadline = start + window.toNanos() * windows;
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
    }

    /** COUNT calls answered, with a 2xx, a 429 or another failure. */
    long calls() {
        return completions.size() + refusals.size() + failed.get();
    }

    int refusals() {
        return refusals.size();
    }

    /**
     * Prints the creates per window, where any 429 fell and any other failure.
     *
     * @return the creates per measured window, on average
     */
    double report(int invoicesInMock) {
        long[] perWindow = new long[windows];
        long warm = 0;
        for (long done : completions) {
            int w = (int) ((done - start) / window.toNanos());
            if (w < windows) {
                perWindow[w]++;
                warm += w >= warmUp ? 1 : 0;
            }
        }
        System.out.print("  creates completed per window (warm-up |measured):");
        for (int w = 0; w < windows; w++) {
            System.out.print((w == warmUp ? " |" : " ") + perWindow[w]);
        }
        System.out.printf("%n  creates in all: %d, invoices in the mock: %d%n", completions.size(), invoicesInMock);
        if (!refusals.isEmpty()) {
            // Where in its window each 429 fell: at the start of a window means the mock still counted a request
            // of the previous window that the component had already let go of.
            System.out.print("  429s, ms into their window:");
            refusals.stream().sorted().forEach(at ->
                    System.out.print(" " + ((at - start) % window.toNanos()) / 1_000_000));
            System.out.println();
        }
        if (failed.get() > 0) {
            System.out.println("  other failures: " + failed.get() + ", first: " + firstFailure.get());
        }
        return (double) warm / (windows - warmUp);
    }
}
