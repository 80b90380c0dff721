package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.MockClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int INVOICES_PER_THREAD = 10;

    private CountMockServer server;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).clock(MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z"))).start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void concurrentCreatesGetUniqueNumbersAndAreAllKept() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Reply>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                PartnerClient partner = new PartnerClient(server);
                Callable<List<Reply>> creates = () -> {
                    go.await();
                    return IntStream.range(0, INVOICES_PER_THREAD)
                            .mapToObj(i -> partner.post("/partners/invoices", Bodies.invoice()))
                            .toList();
                };
                results.add(pool.submit(creates));
            }
            go.countDown();

            List<String> numbers = new ArrayList<>();
            for (Future<List<Reply>> result : results) {
                for (Reply reply : result.get(60, TimeUnit.SECONDS)) {
                    assertThat(reply.status()).as(reply.text()).isEqualTo(201);
                    numbers.add(reply.dataText("invoiceNumber"));
                }
            }

            int total = THREADS * INVOICES_PER_THREAD;
            assertThat(numbers).doesNotHaveDuplicates().hasSize(total);
            assertThat(server.demoWorkspace().invoices()).extracting(Invoice::invoiceNumber)
                    .containsExactlyInAnyOrderElementsOf(numbers)
                    .containsAll(IntStream.rangeClosed(1, total).mapToObj(n -> String.format("INV-%04d", n)).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentApprovalsOfOneDraftLetExactlyOneWin() throws Exception {
        String uuid = new PartnerClient(server).post("/partners/invoices", Bodies.invoice()).dataText("id");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                PartnerClient partner = new PartnerClient(server);
                statuses.add(pool.submit(() -> {
                    go.await();
                    return partner.patch("/partners/invoices/" + uuid + "/approve").status();
                }));
            }
            go.countDown();

            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(answered).containsOnlyOnce(200).filteredOn(status -> status != 200).containsOnly(400);
        } finally {
            pool.shutdownNow();
        }
    }
}
