package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.CreditApplication;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceType;
import io.camelcount.mock.domain.Workspace;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many partners (and customers paying) at once on the same invoices and memos: credits applied and removed,
 * payments, approvals, sends and creates, a fixed number of each thread's operations chosen by a seeded
 * random. Afterwards the books must balance exactly and every successful change must be in the audit log.
 */
class CreditAndPaymentConcurrencyTest extends DemoWorkspaceTest {

    private static final int THREADS = 16;
    private static final int OPERATIONS_PER_THREAD = 40;

    private final List<String> invoices = new ArrayList<>();
    private final List<String> memos = new ArrayList<>();
    private final List<String> drafts = new CopyOnWriteArrayList<>();
    /** How many audit entries each document must have: one per successful change. */
    private final Map<String, AtomicInteger> changes = new ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger creditChanges = new AtomicInteger();

    private void changed(String uuid) {
        changes.computeIfAbsent(uuid, key -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void theBooksBalanceAndEveryChangeIsAuditedAfterConcurrentCreditsAndPayments() throws Exception {
        for (int i = 0; i < 6; i++) {
            invoices.add(approvedInvoice("1000"));
            changed(invoices.get(i));
        }
        for (int i = 0; i < 4; i++) {
            memos.add(approvedMemo("500"));
            changed(memos.get(i));
        }

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(t);
                PartnerClient client = new PartnerClient(server);
                threads.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        operate(client, random);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> thread : threads) {
                thread.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Workspace workspace = server.demoWorkspace();
        assertThat(refusals.get()).as("some operations must have collided with the rules").isPositive();
        assertThat(creditChanges.get()).as("credits applied and removed").isGreaterThan(THREADS);
        assertTheBooksBalance(workspace);
        changes.forEach((uuid, count) -> assertThat(workspace.auditLog(UUID.fromString(uuid)))
                .as("audit log of %s", uuid).hasSize(count.get()));
        assertThat(workspace.invoices()).allSatisfy(invoice -> assertThat(changes).containsKey(invoice.uuid().toString()));
    }

    private void operate(PartnerClient client, Random random) {
        String invoice = pick(invoices, random);
        String memo = pick(memos, random);
        switch (random.nextInt(8)) {
            case 0 -> {
                String other = pick(memos, random);
                Reply reply = client.patch("/partners/invoices/" + invoice + "/apply-multiple-credit-to-invoice",
                        "{\"creditMemos\":[" + line(memo, random) + "," + line(other, random) + "]}");
                counted(reply, invoice, memo, other);
            }
            case 1 -> {
                String other = pick(invoices, random);
                Reply reply = client.patch("/partners/invoices/" + memo + "/apply-credit-to-multiple-invoices",
                        "{\"invoices\":[" + line(invoice, random) + "," + line(other, random) + "]}");
                counted(reply, memo, invoice, other);
            }
            case 2 -> counted(client.patch("/partners/invoices/" + invoice + "/remove-credit", "{\"memoId\":\"" + memo + "\"}"),
                    invoice, memo);
            case 3 -> {
                try {
                    server.demoWorkspace().recordPayment(UUID.fromString(invoice), amount(random));
                    changed(invoice);
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo("payment_exceeds_balance");
                    refusals.incrementAndGet();
                }
            }
            case 4 -> {
                Reply reply = client.post("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "100", false));
                assertThat(reply.status()).as(reply.text()).isEqualTo(201);
                drafts.add(reply.dataText("id"));
                changed(reply.dataText("id"));
            }
            case 5 -> {
                if (!drafts.isEmpty()) {
                    String draft = pick(drafts, random);
                    counted(client.patch("/partners/invoices/" + draft + "/approve"), draft);
                }
            }
            case 6 -> counted(client.post("/partners/invoices/" + invoice + "/send", null), invoice);
            default -> {
                Reply reply = client.get("/partners/invoices/" + invoice);
                assertThat(reply.status()).isEqualTo(200);
                BigDecimal shown = reply.data().get("balanceDue").decimalValue();
                assertThat(shown.signum()).isNotNegative();
            }
        }
    }

    /** A success changed every document named (once each); a refusal none, and only for a business reason. */
    private void counted(Reply reply, String... documents) {
        if (reply.status() == 200) {
            new LinkedHashSet<>(List.of(documents)).forEach(this::changed);
            if (documents.length > 1) {
                creditChanges.incrementAndGet();
            }
            return;
        }
        assertThat(reply.status()).as(reply.text()).isIn(400, 404);
        assertThat(reply.code()).as(reply.text()).isIn("credit_exceeds_remaining", "credit_exceeds_balance",
                "invoice_not_draft", "not_found");
        refusals.incrementAndGet();
    }

    private static String line(String id, Random random) {
        return "{\"id\":\"" + id + "\",\"amount\":" + amount(random).toPlainString() + "}";
    }

    /** From 0.01 to 150.00, so that memos of 500 and invoices of 1000 run out during the test. */
    private static BigDecimal amount(Random random) {
        return BigDecimal.valueOf(1 + random.nextInt(15_000), 2);
    }

    private static String pick(List<String> uuids, Random random) {
        return uuids.get(random.nextInt(uuids.size()));
    }

    private void assertTheBooksBalance(Workspace workspace) {
        Map<UUID, Invoice> byUuid = new ConcurrentHashMap<>();
        workspace.invoices().forEach(invoice -> byUuid.put(invoice.uuid(), invoice));
        for (Invoice document : byUuid.values()) {
            BigDecimal applied = document.creditApplications().stream().map(CreditApplication::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(applied).isEqualByComparingTo(document.creditsApplied());
            if (document.invoiceType() == InvoiceType.MEMO) {
                assertThat(document.total().subtract(applied)).as("unclamped remaining credit").isNotNegative()
                        .isEqualByComparingTo(document.remainingCredit());
                assertThat(document.amountPaid()).isZero();
            } else {
                assertThat(document.total().subtract(document.amountPaid()).subtract(applied)).as("unclamped balance due")
                        .isNotNegative().isEqualByComparingTo(document.balanceDue());
            }
            for (CreditApplication credit : document.creditApplications()) {
                Invoice counterpart = byUuid.get(document.invoiceType() == InvoiceType.MEMO ? credit.invoiceUuid() : credit.memoUuid());
                assertThat(counterpart.creditApplications()).as("the other side of %s", credit).contains(credit);
            }
        }
        Set<UUID> memoUuids = new LinkedHashSet<>();
        memos.forEach(memo -> memoUuids.add(UUID.fromString(memo)));
        for (UUID memo : memoUuids) {
            BigDecimal creditedToInvoices = byUuid.values().stream()
                    .filter(invoice -> invoice.invoiceType() == InvoiceType.INVOICE)
                    .flatMap(invoice -> invoice.creditApplications().stream())
                    .filter(credit -> credit.memoUuid().equals(memo))
                    .map(CreditApplication::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(creditedToInvoices).as("credit of memo %s found on invoices", memo)
                    .isEqualByComparingTo(byUuid.get(memo).creditsApplied());
        }
    }
}
