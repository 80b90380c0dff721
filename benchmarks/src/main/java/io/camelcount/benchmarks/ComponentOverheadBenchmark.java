package io.camelcount.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectReader;
import io.camelcount.component.CountConstants;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Issue #7, figure 1, and issue 19's anchor: what the {@code count:} component costs over the least a client must do,
 * and what it saves over what an integrator writes without it. Eight threads get one invoice from a static WireMock
 * stub, through {@code count:invoices?operation=get} and a ProducerTemplate, through a plain HttpClient 5 loop that
 * signs the same request ({@link SignedHttp}), and through a route to camel-http with a signing processor and Jackson
 * ({@link CamelHttpRoute}); rounds rotate. Targets: the component reaches at least 0.95 of the loop's throughput and
 * 1.2 times the camel-http route's. A fourth contender, the loop that also reads the answer into the component's
 * {@code Invoice} with Jackson (what the component gives its user), is printed as an extra row without a target: the
 * raw loop never parses the JSON the component must.
 */
public final class ComponentOverheadBenchmark {

    static final int THREADS = 8;
    static final double RAW_TARGET = 0.95;
    static final double CAMEL_HTTP_TARGET = 1.2;
    static final String COMPONENT = "count: get";
    static final String RAW = "HttpClient 5 loop";
    static final String CAMEL_HTTP = "camel-http route";
    static final String RAW_TO_MODEL = "loop + Jackson Invoice";

    /** The envelope as the loop reads it: only its {@code data}, straight into the model, no tree. */
    static final class InvoiceEnvelope {
        private Invoice data;
    }

    private static final ObjectReader INVOICE_ENVELOPE = CountJson.mapper().readerFor(InvoiceEnvelope.class);

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
            CamelContext camel = CountCamel.unlimited(stub.baseUrl(), new CamelHttpRoute(stub.baseUrl()));
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                Endpoint get = camel.getEndpoint("count:invoices?operation=get");
                Endpoint camelHttp = camel.getEndpoint(CamelHttpRoute.ENDPOINT);
                Map<String, Call> contenders = new LinkedHashMap<>();
                contenders.put(COMPONENT, () -> {
                    Exchange done = template.send(get, exchange ->
                            exchange.getMessage().setHeader(CountConstants.UUID, answers.invoiceUuid()));
                    if (done.getException() != null) {
                        throw done.getException();
                    }
                    if (!(done.getMessage().getBody() instanceof Invoice)) {
                        throw new IllegalStateException("No invoice in the body: " + done.getMessage().getBody());
                    }
                });
                contenders.put(RAW, () -> plain.expect(200, "GET", stub.baseUrl(), answers.invoicePath(), null));
                contenders.put(CAMEL_HTTP, () -> {
                    Exchange done = template.send(camelHttp, exchange ->
                            exchange.getMessage().setHeader(CamelHttpRoute.INVOICE_UUID, answers.invoiceUuid()));
                    if (done.getException() != null) {
                        throw done.getException();
                    }
                    if (!(done.getMessage().getBody() instanceof Map<?, ?> envelope && envelope.get("data") instanceof Map)) {
                        throw new IllegalStateException("No invoice in the body: " + done.getMessage().getBody());
                    }
                });
                contenders.put(RAW_TO_MODEL, () -> {
                    SignedHttp.Answer answer = plain.get(stub.baseUrl(), answers.invoicePath());
                    InvoiceEnvelope envelope = INVOICE_ENVELOPE.readValue(answer.body());
                    if (answer.status() != 200 || envelope.data == null) {
                        throw new IllegalStateException("No invoice in the answer: " + answer.status());
                    }
                });
                Interleaved.Results results = new Interleaved(loop, Duration.ofSeconds(5), Duration.ofSeconds(1), 21)
                        .measure(contenders);
                Throughput component = results.get(COMPONENT);
                table.ratio("count:invoices?operation=get, 8 threads, against the raw loop", FiguresTable.perSecond(component),
                        FiguresTable.perSecond(results.get(RAW)) + " (" + RAW + ")", results.medianRoundRatio(RAW), RAW_TARGET);
                table.ratio("count:invoices?operation=get, 8 threads, against camel-http", FiguresTable.perSecond(component),
                        FiguresTable.perSecond(results.get(CAMEL_HTTP)) + " (" + CAMEL_HTTP + ": signing processor, Jackson)",
                        results.medianRoundRatio(CAMEL_HTTP), CAMEL_HTTP_TARGET);
                table.ratio("the same, against the loop that also reads the Invoice (Jackson, the component's mapper)",
                        FiguresTable.perSecond(component),
                        FiguresTable.perSecond(results.get(RAW_TO_MODEL)) + " (" + RAW_TO_MODEL + ")",
                        results.medianRoundRatio(RAW_TO_MODEL));
                Reports.errors(results);
            } finally {
                camel.close();
            }
        }
        table.note("Throughput: totals over all rounds; the ratio is the median of the paired rounds' ratios.").print();
    }
}
