package io.camelcount.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Issue #7, figure 1: what the {@code count:} component costs over the least a client must do. Eight threads get one
 * invoice from a static WireMock stub, through {@code count:invoices?operation=get} and a ProducerTemplate, and
 * through a plain HttpClient 5 loop that signs the same request ({@link SignedHttp}); rounds alternate.
 * Target: the component reaches at least 0.90 of the loop's throughput.
 */
public final class ComponentOverheadBenchmark {

    static final int THREADS = 8;
    static final double TARGET = 0.90;

    private ComponentOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        MockAnswers answers;
        try (CountMockServer mock = CountMockServer.builder().port(0).rateLimit(0).start();
             SignedHttp capture = new SignedHttp(1)) {
            answers = MockAnswers.capture(capture, mock.baseUrl());
        }
        System.out.println("Component overhead: GET one invoice, " + THREADS + " threads, static WireMock stub");
        FiguresTable table = new FiguresTable("Component overhead");
        try (StaticCount stub = new StaticCount(answers);
             SignedHttp plain = new SignedHttp(20);
             ClosedLoop loop = new ClosedLoop(THREADS)) {
            // The limiter is off: at COUNT's 100 a minute it, not the component, would be measured.
            CamelContext camel = CountCamel.unlimited(stub.baseUrl());
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                Endpoint get = camel.getEndpoint("count:invoices?operation=get");
                Map<String, Call> contenders = new LinkedHashMap<>();
                contenders.put("count: get", () -> {
                    Exchange done = template.send(get, exchange ->
                            exchange.getMessage().setHeader(CountConstants.UUID, answers.invoiceUuid()));
                    if (done.getException() != null) {
                        throw done.getException();
                    }
                    if (!(done.getMessage().getBody() instanceof Invoice)) {
                        throw new IllegalStateException("No invoice in the body: " + done.getMessage().getBody());
                    }
                });
                contenders.put("HttpClient 5 loop", () -> plain.expect(200, "GET", stub.baseUrl(), answers.invoicePath(), null));
                Interleaved.Results results = new Interleaved(loop, Duration.ofSeconds(5), Duration.ofSeconds(1), 20)
                        .measure(contenders);
                Throughput component = results.get("count: get");
                Throughput anchor = results.get("HttpClient 5 loop");
                table.ratio("count:invoices?operation=get, 8 threads", FiguresTable.perSecond(component),
                        FiguresTable.perSecond(anchor) + " (HttpClient 5 loop)", results.medianRoundRatio(), TARGET);
                Reports.errors(results);
            } finally {
                camel.close();
            }
        }
        table.note("Throughput: totals over all rounds; the ratio is the median of the paired rounds' ratios.").print();
    }
}
