package io.camelcount.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.Actor;
import io.camelcount.mock.domain.NewInvoice;
import io.camelcount.mock.domain.NewInvoiceLine;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.DemoWorkspace;

/**
 * The streaming benchmark's COUNT, in a JVM of its own: the claim is about the client's memory, and the mock's
 * 100,000 invoices do not fit beside it in 64 MiB. Seeds the demo workspace through the domain API, prints
 * {@code ready <baseUrl>}, and stops when its parent closes its standard input.
 */
public final class StreamingMock {

    static final String READY = "ready ";
    private static final Actor SEEDER = new Actor("benchmark");

    private StreamingMock() {
    }

    public static void main(String[] args) throws IOException {
        QuietLogging.apply();
        int invoices = Integer.parseInt(args[0]);
        CountMockServer mock = CountMockServer.builder().port(0).rateLimit(0).start();
        Workspace workspace = mock.demoWorkspace();
        long start = System.nanoTime();
        for (int i = 0; i < invoices; i++) {
            workspace.createInvoice(SEEDER, new NewInvoice(DemoWorkspace.ACME_TRADING, LocalDate.of(2026, 11, 24), null,
                    null, null, null, null, null, "benchmark invoice " + i, null, null, null,
                    List.of(new NewInvoiceLine(DemoWorkspace.CONSULTING_HOUR, null, BigDecimal.ONE, new BigDecimal("120")))));
        }
        System.out.printf("mock: seeded %,d invoices in %.1f s%n", invoices, (System.nanoTime() - start) / 1e9);
        System.out.println(READY + mock.baseUrl());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent never writes; end of input means it is done
        }
        mock.stop();
    }
}
