package io.camelcount.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelcount.mock.CountMockServer;

/**
 * Issue #7, figure 2: what the mock COUNT's checks and state cost per request. One load generator (eight threads of
 * {@link SignedHttp}) sends the same signed GET of an invoice, then the same signed create, to the mock (signature,
 * bearer token, workspace, invoice rules; rate limit off) and to plain WireMock answering the mock's own bytes from
 * static stubs; rounds alternate. Targets (issue 19): the mock's GET reaches at least 0.70 of the stub's throughput,
 * its create at least 0.80, although the mock stores every invoice and the stub stores nothing.
 */
public final class MockThroughputBenchmark {

    static final int THREADS = 8;
    static final double GET_TARGET = 0.70;
    static final double CREATE_TARGET = 0.80;

    private MockThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        FiguresTable table = new FiguresTable("Mock throughput");
        try (CountMockServer mock = CountMockServer.builder().port(0).rateLimit(0).start();
             SignedHttp http = new SignedHttp(THREADS);
             ClosedLoop loop = new ClosedLoop(THREADS)) {
            MockAnswers answers = MockAnswers.capture(http, mock.baseUrl());
            try (StaticCount stub = new StaticCount(answers)) {
                Interleaved rounds = new Interleaved(loop, Duration.ofSeconds(5), Duration.ofSeconds(1), 16);

                System.out.println("Mock throughput: GET /partners/invoices/{uuid}, " + THREADS + " threads");
                Map<String, Call> gets = new LinkedHashMap<>();
                gets.put("mock GET", () -> http.expect(200, "GET", mock.baseUrl(), answers.invoicePath(), null));
                gets.put("static GET", () -> http.expect(200, "GET", stub.baseUrl(), answers.invoicePath(), null));
                Interleaved.Results got = rounds.measure(gets);
                table.ratio("GET invoice, signature + bearer checked", FiguresTable.perSecond(got.get("mock GET")),
                        FiguresTable.perSecond(got.get("static GET")) + " (static stub)",
                        got.medianRoundRatio(), GET_TARGET);
                Reports.errors(got);

                System.out.println("Mock throughput: POST /partners/invoices, " + THREADS + " threads");
                Map<String, Call> creates = new LinkedHashMap<>();
                creates.put("mock create", () -> http.expect(201, "POST", mock.baseUrl(), MockAnswers.INVOICES,
                        MockAnswers.CREATE_BODY));
                creates.put("static create", () -> http.expect(201, "POST", stub.baseUrl(), MockAnswers.INVOICES,
                        MockAnswers.CREATE_BODY));
                Interleaved.Results created = rounds.measure(creates);
                table.ratio("POST create, signature + bearer checked", FiguresTable.perSecond(created.get("mock create")),
                        FiguresTable.perSecond(created.get("static create")) + " (static stub)",
                        created.medianRoundRatio(), CREATE_TARGET);
                Reports.errors(created);
                System.out.printf("  the mock now holds %,d invoices%n", mock.demoWorkspace().invoices().size());
            }
        }
        table.note("Throughput: totals over all rounds; the ratio is the median of the paired rounds' ratios.").print();
    }
}
