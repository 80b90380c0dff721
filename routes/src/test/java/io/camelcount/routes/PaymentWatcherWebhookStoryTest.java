package io.camelcount.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelcount.component.model.Invoice;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.apache.camel.builder.Builder.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook payment watcher as the demo runs it: the demo subscribes its own HTTP port to invoice.updated at start,
 * and the embedded mock COUNT delivers a payment to it. The COUNT requests it spends are set against those of the
 * polling watcher, read from the mock's journal: the figures routes/README.md quotes.
 */
class PaymentWatcherWebhookStoryTest {

    private static final long POLLS_PER_HOUR = Duration.ofHours(1).toMillis() / 60_000;

    @RegisterExtension
    final RunningDemo demo = new RunningDemo().withRequestJournal(1000);

    @Test
    void aPaymentInCountReachesTheWebhookRouteOnceAndCostsNoRequestsWherePollingCostsItsSchedule() throws Exception {
        // The polling watcher's first poll (at its default delay, once a minute) only remembers what is paid.
        Path seen = demo.stateDir().resolve("paid-invoices.dat");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(seen) && Files.size(seen) > 0);
        demo.camel().getRouteController().stopRoute("payment-watcher");
        List<String> startCalls = demo.countCalls();
        long pagesPerPoll = startCalls.stream().filter("GET /partners/invoices"::equals).count();
        List<String> subscribing = startCalls.stream().filter(call -> call.contains("/partners/webhooks")).toList();
        assertThat(pagesPerPoll).as("one poll reads the paid invoices page by page").isPositive();
        assertThat(subscribing).as("the webhook watcher subscribes once at start")
                .containsExactly("GET /partners/webhooks", "POST /partners/webhooks");

        Invoice invoice = approvedInvoice();
        demo.forgetCountCalls();
        NotifyBuilder paid = new NotifyBuilder(demo.camel()).fromRoute("payment-watcher-webhook")
                .filter(simple("${body.uuid} == '" + invoice.getUuid() + "'")).wereSentTo("direct:invoice-paid")
                .whenExactlyCompleted(1).create();

        demo.workspace().payBalance(UUID.fromString(invoice.getUuid()));

        assertThat(demo.awaitWebhookDeliveries()).as("COUNT delivered everything due").isTrue();
        assertThat(paid.matches()).as("the payment reached direct:invoice-paid once").isTrue();
        assertThat(demo.countCalls()).as("a delivery costs the watcher no COUNT request").isEmpty();

        long pollingPerHour = POLLS_PER_HOUR * pagesPerPoll;
        System.out.printf("COUNT requests per hour: polling watcher %d (%d polls x %d page(s)); webhook watcher 0"
                          + " (%d at start: %s)%n", pollingPerHour, POLLS_PER_HOUR, pagesPerPoll, subscribing.size(),
                String.join(", ", subscribing));
        assertThat(pollingPerHour).isGreaterThanOrEqualTo(60);
    }

    private Invoice approvedInvoice() {
        LocalDate today = demo.workspace().today();
        Map<String, Object> request = Map.of("customerUuid", DemoWorkspace.ACME_TRADING.toString(), "date", today.toString(),
                "dueDate", today.plusDays(30).toString(), "isDraft", false,
                "products", List.of(Map.of("productUuid", DemoWorkspace.CONSULTING_HOUR.toString(), "quantity", 1, "unitPrice", 100)));
        return demo.template().requestBody("count:invoices?operation=create", request, Invoice.class);
    }
}
