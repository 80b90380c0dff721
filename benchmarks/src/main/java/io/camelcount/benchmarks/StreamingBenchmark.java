package io.camelcount.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import io.camelcount.component.model.Invoice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Issue #7, figure 4: listing 100,000 invoices through {@code paginate=all} and a streaming splitter in a 64 MiB
 * heap. Run it with {@code -Xmx64m}: the mock runs in a JVM of its own ({@link StreamingMock}), so the heap measured
 * is the client's alone. The anchor is a plain loop in the same JVM that gets the same pages with {@link SignedHttp}
 * and reads each into a Jackson tree. Target: the route completes with every invoice.
 */
public final class StreamingBenchmark {

    static final int INVOICES = 100_000;
    static final int PAGE = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private StreamingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        int invoices = args.length > 0 ? Integer.parseInt(args[0]) : INVOICES;
        System.out.printf("Streaming: %,d invoices, pages of %d, client heap -Xmx %s%n", invoices, PAGE,
                HeapPeak.mib(Runtime.getRuntime().maxMemory()));
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx2g"));
        // -Dstreaming.mockJvmOptions="-XX:StartFlightRecording=filename=mock.jfr": profile the mock's side too
        String mockOptions = System.getProperty("streaming.mockJvmOptions", "").strip();
        if (!mockOptions.isEmpty()) {
            command.addAll(List.of(mockOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", ChildProcess.classPath(), StreamingMock.class.getName(), Integer.toString(invoices)));
        ProcessBuilder mockJvm = new ProcessBuilder(command);
        try (ChildProcess mock = ChildProcess.launch(mockJvm, line -> line.startsWith(StreamingMock.READY),
                Duration.ofMinutes(5), "  ")) {
            String baseUrl = mock.readyLine().substring(StreamingMock.READY.length());

            Listing anchor = withCpu(mock, () -> plainLoop(baseUrl));
            Listing route = withCpu(mock, () -> route(baseUrl));

            FiguresTable table = new FiguresTable(String.format("Streaming %,d invoices, client heap at most %s", invoices,
                    HeapPeak.mib(Runtime.getRuntime().maxMemory())));
            table.row("route completes with every invoice", String.format("%,d listed", route.records()),
                    String.format("%,d listed (plain loop)", anchor.records()), "-", String.format("= %,d", invoices),
                    route.records() == invoices ? "PASS" : "MISS");
            table.ratio("records per second", String.format("%,.0f/s", route.perSecond()),
                    String.format("%,.0f/s (plain loop)", anchor.perSecond()), route.perSecond() / anchor.perSecond());
            table.ratio("peak heap, sum of pool peaks", HeapPeak.mib(route.poolPeaks()),
                    HeapPeak.mib(anchor.poolPeaks()) + " (plain loop)", (double) route.poolPeaks() / anchor.poolPeaks());
            table.ratio("peak heap live after a GC", HeapPeak.mib(route.liveAfterGc()),
                    HeapPeak.mib(anchor.liveAfterGc()) + " (plain loop)",
                    (double) route.liveAfterGc() / anchor.liveAfterGc());
            table.print();
            System.out.printf("CPU per page of %d: route %s, plain loop %s (client JVM / mock JVM).%n", PAGE,
                    route.cpuPerPage(), anchor.cpuPerPage());
        }
    }

    private interface Run {
        Listing listing() throws Exception;
    }

    /** Where a listing's time goes: the CPU both JVMs spent on it, per page. */
    private static Listing withCpu(ChildProcess mock, Run run) throws Exception {
        long clientBefore = PROCESS.getProcessCpuTime();
        long threadBefore = THREADS.getCurrentThreadCpuTime();
        Duration mockBefore = mock.cpu();
        Listing listing = run.listing();
        return listing.withCpu(PROCESS.getProcessCpuTime() - clientBefore, THREADS.getCurrentThreadCpuTime() - threadBefore,
                mock.cpu().minus(mockBefore).toNanos());
    }

    private record Listing(long records, double seconds, long poolPeaks, long liveAfterGc, long clientCpuNanos,
                           long callingThreadCpuNanos, long mockCpuNanos) {

        Listing(long records, double seconds, long poolPeaks, long liveAfterGc) {
            this(records, seconds, poolPeaks, liveAfterGc, 0, 0, 0);
        }

        Listing withCpu(long clientCpu, long callingThreadCpu, long mockCpu) {
            return new Listing(records, seconds, poolPeaks, liveAfterGc, clientCpu, callingThreadCpu, mockCpu);
        }

        double perSecond() {
            return records / seconds;
        }

        String cpuPerPage() {
            double pages = Math.ceil((double) records / PAGE);
            return String.format("%.2f (calling thread %.2f) / %.2f ms", clientCpuNanos / pages / 1e6,
                    callingThreadCpuNanos / pages / 1e6, mockCpuNanos / pages / 1e6);
        }
    }

    private static Listing route(String baseUrl) throws Exception {
        AtomicLong records = new AtomicLong();
        CamelContext camel = CountCamel.unlimited(baseUrl, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all-invoices")
                        .to("count:invoices?operation=list&paginate=all&limit=" + PAGE)
                        .split(body()).streaming()
                            .process(exchange -> count(exchange, records))
                        .end();
            }
        });
        try (ProducerTemplate template = camel.createProducerTemplate(); HeapPeak heap = HeapPeak.start()) {
            long start = System.nanoTime();
            template.sendBody("direct:all-invoices", null);
            double seconds = (System.nanoTime() - start) / 1e9;
            Listing listing = new Listing(records.get(), seconds, heap.poolPeaks(), heap.maxLiveAfterGc());
            System.out.printf("  route:      %,d invoices in %.1f s%n", listing.records(), seconds);
            return listing;
        } finally {
            camel.close();
        }
    }

    private static void count(Exchange exchange, AtomicLong records) {
        if (!(exchange.getMessage().getBody() instanceof Invoice)) {
            throw new IllegalStateException("Not an invoice: " + exchange.getMessage().getBody());
        }
        records.incrementAndGet();
    }

    private static Listing plainLoop(String baseUrl) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (SignedHttp http = new SignedHttp(1); HeapPeak heap = HeapPeak.start()) {
            long start = System.nanoTime();
            long records = 0;
            long bytes = 0;
            for (int page = 1; ; page++) {
                SignedHttp.Answer answer = http.get(baseUrl, "/partners/invoices?page=" + page + "&limit=" + PAGE);
                if (answer.status() != 200) {
                    throw new IOException("Page " + page + " answered " + answer.status());
                }
                bytes += answer.body().length;
                JsonNode data = json.readTree(answer.body()).path("data");
                records += data.path("records").size();
                if (page >= data.path("totalPages").asInt()) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Listing listing = new Listing(records, seconds, heap.poolPeaks(), heap.maxLiveAfterGc());
            System.out.printf("  plain loop: %,d invoices in %.1f s, %,d bytes of JSON a page%n", records, seconds,
                    bytes / Math.max(1, (records + PAGE - 1) / PAGE));
            return listing;
        }
    }
}
