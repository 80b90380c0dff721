package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.domain.Transaction;
import io.camelcount.mock.domain.TransactionQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static io.camelcount.mock.TransactionTest.TRANSACTIONS;
import static io.camelcount.mock.TransactionTest.deposit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assignments racing on real threads for the last of an invoice's balance or of a transaction's amount: the
 * workspace's one lock lets exactly one of them pay, and nothing is ever overpaid.
 */
class PaymentRaceTest {

    private static final int THREADS = 8;

    private CountMockServer server;
    private PartnerClient partner;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).rateLimit(0)
                .clock(MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z"))).start();
        partner = new PartnerClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String created(String path, String body) {
        Reply reply = partner.post(path, body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.dataText("id");
    }

    private String invoiceOf100() {
        return created("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "100", true));
    }

    private static String assignment(String invoice) {
        return "{\"matchingType\":\"invoice\",\"records\":[{\"id\":\"" + invoice + "\",\"paymentAmount\":100}]}";
    }

    /** Sends {@code THREADS} assignments at once, the i-th from {@code transactions.apply(i)} to {@code invoices.apply(i)}. */
    private List<Reply> race(IntFunction<String> transactions, IntFunction<String> invoices) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                PartnerClient racer = new PartnerClient(server);
                String path = TRANSACTIONS + "/" + transactions.apply(t) + "/assign-to-bills-invoices";
                String body = assignment(invoices.apply(t));
                replies.add(pool.submit(() -> {
                    go.await();
                    return racer.post(path, body);
                }));
            }
            go.countDown();
            List<Reply> answered = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answered.add(reply.get(60, TimeUnit.SECONDS));
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void transactionsRacingForTheLastOfOneInvoiceLetExactlyOnePay() throws Exception {
        String invoice = invoiceOf100();
        List<String> transactions = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            transactions.add(created(TRANSACTIONS, deposit("100")));
        }

        List<Reply> replies = race(transactions::get, t -> invoice);

        assertThat(replies).extracting(Reply::status).containsOnlyOnce(200).filteredOn(status -> status != 200).containsOnly(400);
        assertThat(replies).filteredOn(reply -> reply.status() == 400).extracting(Reply::code).containsOnly("payment_exceeds_balance");
        Invoice paid = server.demoWorkspace().invoice(UUID.fromString(invoice));
        assertThat(paid.amountPaid()).isEqualByComparingTo("100");
        assertThat(paid.payments()).hasSize(1);
        assertThat(server.demoWorkspace().transactions(new TransactionQuery(null, null, null, null, null)))
                .extracting(Transaction::assignedAmount).filteredOn(assigned -> assigned.signum() > 0)
                .containsExactly(new BigDecimal("100.00"));
    }

    @Test
    void invoicesRacingForTheLastOfOneTransactionLetExactlyOneBePaid() throws Exception {
        String transaction = created(TRANSACTIONS, deposit("100"));
        List<String> invoices = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            invoices.add(invoiceOf100());
        }

        List<Reply> replies = race(t -> transaction, invoices::get);

        assertThat(replies).extracting(Reply::status).containsOnlyOnce(200).filteredOn(status -> status != 200).containsOnly(400);
        assertThat(replies).filteredOn(reply -> reply.status() == 400).extracting(Reply::code)
                .containsOnly("payment_exceeds_unassigned");
        Transaction spent = server.demoWorkspace().transaction(UUID.fromString(transaction));
        assertThat(spent.unassignedAmount()).isZero();
        assertThat(spent.payments()).hasSize(1);
        assertThat(server.demoWorkspace().invoices()).extracting(Invoice::amountPaid)
                .filteredOn(paid -> paid.signum() > 0).containsExactly(new BigDecimal("100.00"));
    }
}
