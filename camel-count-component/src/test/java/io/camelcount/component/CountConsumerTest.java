package io.camelcount.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The polling consumer: every matching invoice on the first poll, then only those that changed, and
 * nothing emitted twice across a restart. It polls every 50 ms here; tests wait on the mock endpoint, not
 * on the clock.
 */
class CountConsumerTest extends MockCountTestSupport {

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(testDay()).rateLimit(0));
    }

    private String marker() {
        return "poll-" + UUID.randomUUID();
    }

    private Invoice draftMarked(String marker) {
        Invoice request = invoiceRequest(GLOBEX, SUPPORT_PLAN, "1", "49.50");
        request.setNotes(marker);
        return invoice("count:invoices?operation=create", request, null);
    }

    private void pollInto(String routeId, String marker, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("count:invoices?operation=list&limit=1&delay=50&search=" + marker + "&seenFile="
                     + folder.resolve(marker + ".dat") + options)
                        .routeId(routeId)
                        .to("mock:" + routeId);
            }
        });
    }

    @Test
    void theFirstPollEmitsEveryMatchingInvoiceThenOnlyTheOnesThatChange() throws Exception {
        String marker = marker();
        Invoice first = draftMarked(marker);
        Invoice second = draftMarked(marker);
        MockEndpoint seen = getMockEndpoint("mock:changes");
        seen.expectedMessageCount(2);

        pollInto("changes", marker, "");
        seen.assertIsSatisfied(10_000);
        assertThat(seen.getExchanges()).extracting(e -> e.getMessage().getBody(Invoice.class).getUuid())
                .containsExactlyInAnyOrder(first.getUuid(), second.getUuid());

        seen.reset();
        seen.expectedMessageCount(1);
        seen.setAssertPeriod(300);
        invoice("count:invoices?operation=approve", null, second.getUuid());

        seen.assertIsSatisfied(10_000);
        assertThat(seen.getExchanges().get(0).getMessage().getHeader(CountConstants.UUID)).isEqualTo(second.getUuid());
        assertThat(seen.getExchanges().get(0).getMessage().getHeader(CountConstants.STATUS)).isEqualTo("approved");
    }

    @Test
    void withEmitExistingFalseOnlyLaterChangesAreEmitted() throws Exception {
        String marker = marker();
        Invoice existing = draftMarked(marker);
        MockEndpoint seen = getMockEndpoint("mock:later");
        seen.expectedMessageCount(1);
        seen.setAssertPeriod(300);

        pollInto("later", marker, "&emitExisting=false");
        // A second list request means the first poll, which only remembers, is over.
        await().atMost(Duration.ofSeconds(10)).until(() -> requestsContaining("GET", marker) >= 2);
        Invoice added = draftMarked(marker);

        seen.assertIsSatisfied(10_000);
        assertThat(seen.getExchanges().get(0).getMessage().getBody(Invoice.class).getUuid())
                .isEqualTo(added.getUuid()).isNotEqualTo(existing.getUuid());
    }

    @Test
    void whatWasEmittedIsNotEmittedAgainAfterARestart() throws Exception {
        String marker = marker();
        draftMarked(marker);
        MockEndpoint before = getMockEndpoint("mock:restarted");
        before.expectedMessageCount(1);
        pollInto("restarted", marker, "");
        before.assertIsSatisfied(10_000);

        context.getRouteController().stopRoute("restarted");
        context.removeRoute("restarted");
        pollInto("restarted", marker, "");
        MockEndpoint after = getMockEndpoint("mock:restarted");
        after.reset();
        after.expectedMessageCount(1);
        after.setAssertPeriod(300);
        Invoice added = draftMarked(marker);

        after.assertIsSatisfied(10_000);
        assertThat(after.getExchanges().get(0).getMessage().getBody(Invoice.class).getUuid()).isEqualTo(added.getUuid());
    }

    @Test
    void aRecordTheRouteFailsOnComesAgainOnTheNextPoll() throws Exception {
        String marker = marker();
        Invoice invoice = draftMarked(marker);
        AtomicInteger attempts = new AtomicInteger();
        MockEndpoint handled = getMockEndpoint("mock:handled");
        handled.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("count:invoices?operation=list&delay=50&search=" + marker + "&seenFile=" + folder.resolve("failing.dat"))
                        .process(exchange -> {
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("the ERP is down");
                            }
                        })
                        .to("mock:handled");
            }
        });

        handled.assertIsSatisfied(10_000);
        assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
        assertThat(handled.getExchanges().get(0).getMessage().getBody(Invoice.class).getUuid()).isEqualTo(invoice.getUuid());
    }

    @Test
    void onlyAListCanBePolled() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("count:invoices?operation=get").to("mock:never");
            }
        })).hasStackTraceContaining("a count: consumer polls a list, so use operation=list");
    }
}
