package io.camelcount.component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.Transaction;
import io.camelcount.component.model.TransactionAssignment;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.MockClock;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into the mock COUNT: what is retried, after how long, and that a create whose answer is
 * lost lands exactly once. The component's waits are recorded, not slept.
 */
class ResilienceTest extends MockCountTestSupport {

    static final MockClock CLOCK = MockClock.fixed(Instant.parse("2026-11-24T09:00:00Z"));
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(CLOCK).rateLimit(0));
    }

    @BeforeEach
    void noFaults() {
        admin("DELETE", "/faults", null);
        waits.clear();
    }

    @Override
    CountComponent demoComponent() {
        CountComponent count = super.demoComponent();
        count.setClock(CLOCK);
        count.setSleeper(pause -> {
            waits.add(pause);
            CLOCK.advance(pause);
        });
        count.getConfiguration().setMaxRetryAfter(5_000);
        return count;
    }

    private static void fault(String method, String pathRegex, String kind, String extra) {
        admin("POST", "/faults", "{\"method\":\"" + method + "\",\"path\":\"" + pathRegex + "\",\"kind\":\"" + kind + "\""
                                 + extra + "}");
    }

    private List<Invoice> invoicesNumbered(String invoiceNumber) {
        Page<?> page = callWith("count:invoices?operation=list&search=" + invoiceNumber, null, Map.of()).getMessage()
                .getBody(Page.class);
        return page.records().stream().map(Invoice.class::cast)
                .filter(invoice -> invoiceNumber.equals(invoice.getInvoiceNumber())).toList();
    }

    private Invoice numberedRequest(String invoiceNumber) {
        Invoice request = invoiceRequest(ACME, CONSULTING_HOUR, "1", "75");
        request.setInvoiceNumber(invoiceNumber);
        return request;
    }

    @Test
    void aServerErrorOnAReadIsRetriedWithBackoff() {
        Invoice draft = createDraft();
        fault("GET", "/partners/invoices/.*", "serverError", ",\"status\":503,\"times\":2");

        Exchange read = call("count:invoices?operation=get", null, draft.getUuid());

        assertThat(read.getException()).isNull();
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void aConnectionLostOnAReadIsRetried() {
        Invoice draft = createDraft();
        fault("GET", "/partners/invoices/.*", "dropBeforeApply", ",\"times\":1");

        Exchange read = call("count:invoices?operation=get", null, draft.getUuid());

        assertThat(read.getException()).isNull();
        assertThat(waits).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void a429IsRetriedAfterCountsRetryAfter() {
        Invoice draft = createDraft();
        fault("GET", "/partners/invoices/.*", "rateLimit", ",\"retryAfterSeconds\":3,\"times\":1");

        Exchange read = call("count:invoices?operation=get", null, draft.getUuid());

        assertThat(read.getException()).isNull();
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void a429ThatLastsBecomesARateLimitExceptionAfterMaxRetries() {
        Invoice draft = createDraft();
        fault("GET", "/partners/invoices/.*", "rateLimit", ",\"retryAfterSeconds\":30,\"times\":10");

        Exchange read = call("count:invoices?operation=get", null, draft.getUuid());

        assertThat(read.getException()).isInstanceOfSatisfying(CountRateLimitException.class,
                e -> assertThat(e.getMessage()).contains("after 4 attempts"));
        assertThat(waits).as("Retry-After capped by maxRetryAfter").containsExactly(
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void aServerErrorOnSendIsNotRepeated() {
        Invoice approved = createApproved(ACME, "10");
        long sendsBefore = requestsTo("POST", "/partners/invoices/" + approved.getUuid() + "/send");
        fault("POST", ".*/send", "serverError", ",\"status\":500,\"times\":1");

        Exchange send = call("count:invoices?operation=send", null, approved.getUuid());

        assertThat(send.getException()).isInstanceOfSatisfying(CountApiException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThat(requestsTo("POST", "/partners/invoices/" + approved.getUuid() + "/send") - sendsBefore).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aCreateWhoseAnswerIsLostLandsExactlyOnce() {
        String number = "AMB-" + UUID.randomUUID().toString().substring(0, 8);
        fault("POST", "/partners/invoices", "dropAfterApply", ",\"times\":1");

        Exchange created = call("count:invoices?operation=create", numberedRequest(number), null);

        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getBody(Invoice.class).getInvoiceNumber()).isEqualTo(number);
        assertThat(invoicesNumbered(number)).hasSize(1);
    }

    @Test
    void aCreateLostBeforeItLandedIsSentAgainOnce() {
        String number = "LOST-" + UUID.randomUUID().toString().substring(0, 8);
        fault("POST", "/partners/invoices", "dropBeforeApply", ",\"times\":1");

        Exchange created = call("count:invoices?operation=create", numberedRequest(number), null);

        assertThat(created.getException()).isNull();
        assertThat(invoicesNumbered(number)).hasSize(1);
    }

    @Test
    void aServerErrorOnACreateWithANumberIsCheckedThenSentAgain() {
        String number = "ERR-" + UUID.randomUUID().toString().substring(0, 8);
        fault("POST", "/partners/invoices", "serverError", ",\"status\":502,\"times\":1");

        Exchange created = call("count:invoices?operation=create", numberedRequest(number), null);

        assertThat(created.getException()).isNull();
        assertThat(invoicesNumbered(number)).hasSize(1);
    }

    @Test
    void aLostCreateWithoutANumberSaysTheOutcomeIsUnknown() {
        String notes = "unknown-" + UUID.randomUUID();
        Invoice request = invoiceRequest(ACME, CONSULTING_HOUR, "1", "75");
        request.setNotes(notes);
        fault("POST", "/partners/invoices", "dropAfterApply", ",\"times\":1");

        Exchange created = call("count:invoices?operation=create", request, null);

        assertThat(created.getException()).isInstanceOfSatisfying(CountUnknownOutcomeException.class,
                e -> assertThat(e.getMessage()).contains("unknown", "invoiceNumber"));
        Page<?> landed = callWith("count:invoices?operation=list&search=" + notes, null, Map.of()).getMessage()
                .getBody(Page.class);
        assertThat(landed.records()).as("not repeated: still exactly the one that landed").hasSize(1);
    }

    @Test
    void aLostTransactionCreateIsNotRepeatedAndIsFoundByItsReference() {
        String reference = "Sale " + UUID.randomUUID();
        Map<String, Object> request = Map.of("accUuid", BANK_ACCOUNT, "type", "Income", "amount", 42,
                "postedDate", "2026-11-24", "description", reference);
        fault("POST", "/partners/transactions", "dropAfterApply", ",\"times\":1");

        Exchange created = call("count:transactions?operation=create", request, null);

        assertThat(created.getException()).isInstanceOfSatisfying(CountUnknownOutcomeException.class,
                e -> assertThat(e.getMessage()).contains("transactions/create", "unknown", "before repeating"));
        assertThat(waits).as("not repeated").isEmpty();
        // What the docs tell a route to do next: look the transaction up by the reference it carried.
        Page<?> landed = callWith("count:transactions?operation=list", null, Map.of(CountConstants.SEARCH, reference))
                .getMessage().getBody(Page.class);
        assertThat(landed.records()).as("exactly the one that landed").hasSize(1);
    }

    @Test
    void aServerErrorOnAnAssignmentIsNotRepeated() {
        Invoice invoice = createApproved(ACME, "60");
        Transaction payment = result("count:transactions?operation=create", Map.of("accUuid", BANK_ACCOUNT, "type",
                "Income", "amount", 60, "postedDate", "2026-11-24"), null, Transaction.class);
        String path = "/partners/transactions/" + payment.getUuid() + "/assign-to-bills-invoices";
        fault("POST", ".*/assign-to-bills-invoices", "serverError", ",\"status\":500,\"times\":1");

        Exchange assigned = call("count:transactions?operation=assignToInvoices",
                new TransactionAssignment().pay(invoice.getUuid(), new BigDecimal("60")), payment.getUuid());

        assertThat(assigned.getException()).isInstanceOfSatisfying(CountApiException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThat(requestsTo("POST", path)).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void routesSharingAClientIdShareOneLimiter() {
        // The same mock by another name: a client ID's limiter is per base URL, and this one is new.
        String otherBase = "http://127.0.0.1:" + mock.port();
        CountComponent limited = demoComponent();
        limited.getConfiguration().setBaseUrl(otherBase);
        limited.getConfiguration().setRateLimit(3);
        context.addComponent("limited", limited);

        for (int i = 0; i < 4; i++) {
            assertThat(callWith("limited:invoices?operation=list&limit=1", null, Map.of()).getException()).isNull();
            assertThat(callWith("limited:customers?operation=list&limit=1", null, Map.of()).getException()).isNull();
        }

        assertThat(waits).as("8 calls at 3 per minute: two waits for the window to move").hasSize(2)
                .allSatisfy(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }
}
