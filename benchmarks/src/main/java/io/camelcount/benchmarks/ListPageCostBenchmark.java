package io.camelcount.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.Actor;
import io.camelcount.mock.domain.NewInvoice;
import io.camelcount.mock.domain.NewInvoiceLine;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.DemoWorkspace;

/**
 * Issue #19, item 3: what one page of 100 invoices costs the mock as its workspace grows. For each size a fresh mock is
 * seeded through the domain API (half the invoices for each of two customers), then one signed client asks for the
 * first page, a page in the middle and a page in the middle of one customer's invoices, again and again; the figure is
 * the median time of a call. The anchor is the same page of a workspace of 1,000 invoices. Target: a page costs the
 * same at every size, so the anchor's time is at least 0.80 of the measured one. Run it with {@code -Xmx6g}: a million
 * invoices, their audit logs and events, stay in the mock's memory.
 */
public final class ListPageCostBenchmark {

    static final int PAGE = 100;
    static final int[] SIZES = {1_000, 10_000, 100_000, 1_000_000};
    static final double TARGET = 0.80;
    private static final int WARM_UP = 100;
    private static final int CALLS = 300;
    private static final Actor SEEDER = new Actor("benchmark");

    private ListPageCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : SIZES;
        // a first pass over the anchor's size only warms the JIT up, which would otherwise flatter every larger size
        measure(sizes[0]);
        Map<Integer, Map<String, Double>> micros = new LinkedHashMap<>();
        for (int size : sizes) {
            micros.put(size, measure(size));
        }
        Map<String, Double> anchor = micros.get(sizes[0]);
        FiguresTable table = new FiguresTable("Mock list: one page of " + PAGE + " against the workspace's size");
        micros.entrySet().stream().skip(1).forEach(size -> size.getValue().forEach((page, cost) -> table.ratio(
                String.format("%s, %,d invoices", page, size.getKey()), String.format("%,.0f µs", cost),
                String.format("%,.0f µs (%,d invoices)", anchor.get(page), sizes[0]), anchor.get(page) / cost, TARGET)));
        table.note("Median of " + CALLS + " signed GETs of each page over one connection, the pages in turn, after " + WARM_UP
                + " rounds to warm up; the ratio is the anchor's time over the measured one.").print();
    }

    /** The median microseconds of each page of a workspace of {@code size} invoices. */
    private static Map<String, Double> measure(int size) throws IOException {
        try (CountMockServer mock = CountMockServer.builder().port(0).rateLimit(0).start();
             SignedHttp http = new SignedHttp(1)) {
            long start = System.nanoTime();
            seed(mock.demoWorkspace(), size);
            System.out.printf("List page cost: seeded %,d invoices in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
            int middle = size / PAGE / 2;
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("first page", "/partners/invoices?page=1&limit=" + PAGE);
            pages.put("middle page", "/partners/invoices?page=" + middle + "&limit=" + PAGE);
            pages.put("one customer's middle page", "/partners/invoices?customerUuid=" + DemoWorkspace.GLOBEX_SERVICES
                    + "&page=" + Math.max(1, middle / 2) + "&limit=" + PAGE);
            Map<String, Double> costs = medianMicros(http, mock.baseUrl(), pages);
            costs.forEach((page, cost) -> System.out.printf("  %s: %,.0f µs%n", page, cost));
            return costs;
        }
    }

    private static void seed(Workspace workspace, int size) {
        List<NewInvoiceLine> lines = List.of(new NewInvoiceLine(DemoWorkspace.CONSULTING_HOUR, null, BigDecimal.ONE,
                new BigDecimal("120")));
        for (int i = 0; i < size; i++) {
            workspace.createInvoice(SEEDER, new NewInvoice(i % 2 == 0 ? DemoWorkspace.ACME_TRADING
                    : DemoWorkspace.GLOBEX_SERVICES, LocalDate.of(2026, 11, 24), null, null, null, null, null, null,
                    "benchmark invoice " + i, null, null, null, lines));
        }
    }

    /** Calls the pages in turn, so that warming up and the machine's load fall on all of them alike. */
    private static Map<String, Double> medianMicros(SignedHttp http, String baseUrl, Map<String, String> pages)
            throws IOException {
        for (int i = 0; i < WARM_UP; i++) {
            for (String path : pages.values()) {
                http.expect(200, "GET", baseUrl, path, null);
            }
        }
        Map<String, long[]> nanos = new LinkedHashMap<>();
        pages.keySet().forEach(page -> nanos.put(page, new long[CALLS]));
        for (int i = 0; i < CALLS; i++) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                long start = System.nanoTime();
                http.expect(200, "GET", baseUrl, page.getValue(), null);
                nanos.get(page.getKey())[i] = System.nanoTime() - start;
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        nanos.forEach((page, times) -> {
            Arrays.sort(times);
            medians.put(page, times[CALLS / 2] / 1e3);
        });
        return medians;
    }
}
